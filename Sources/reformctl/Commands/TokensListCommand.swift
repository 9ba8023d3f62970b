import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl tokens list`: every token with its principal and state, never a secret.
struct TokensListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus("list", abstract: "List tokens: id, principal, unit, roles, created, expiry, state.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "Only tokens of this unit.")
  var unit: String = ""

  @Flag(help: "Include revoked and expired tokens.")
  var all = false

  func run() async throws {
    let request = AdminListTokensRequest(unitCode: unit, includeRevoked: all, includeExpired: all)
    let tokens = try await options.call(AdminService.ListTokens.self, request).tokens
    let columns: [TextTable.Column] = [
      .text("ID"), .text("NAME"), .text("UNIT"), .text("ROLES"), .text("CREATED"), .text("EXPIRES"), .text("STATE"),
    ]
    TextTable.print(tokens, columns: columns, ifNone: "no tokens") { token in
      let principal = token.principal ?? Principal()
      return [
        token.tokenId, principal.displayName, Format.orDash(principal.unitCode),
        principal.roles.map { Format.enumName($0.description, prefix: "ROLE_").lowercased() }.joined(separator: ",")
          + (token.workerModules.isEmpty ? "" : " (\(token.workerModules.joined(separator: ",")))"),
        Format.wallClock(token.createdAt), Format.wallClock(token.expiresAt), token.revoked ? "revoked" : "active",
      ]
    }
  }
}

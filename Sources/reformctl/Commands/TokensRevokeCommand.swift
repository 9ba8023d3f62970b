import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl tokens revoke ID`: the token stops working at once.
struct TokensRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus("revoke", abstract: "Revoke a token at once.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "The token's id, as 'reformctl tokens list' shows it.")
  var id: String

  @Option(help: "Why, kept with the token.")
  var reason: String = ""

  func run() async throws {
    let request = AdminRevokeTokenRequest(tokenId: id, reason: reason)
    let token = try await options.call(AdminService.RevokeToken.self, request)
    print("revoked \(token.tokenId) (\(token.principal?.displayName ?? ""))")
  }
}

import ArgumentParser

/// `reformctl tokens`: bearer tokens — create (shown once), list, revoke. Admins only.
struct TokensCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokens",
    abstract: "Create, list or revoke bearer tokens (admins only).",
    subcommands: [TokensCreateCommand.self, TokensListCommand.self, TokensRevokeCommand.self],
    defaultSubcommand: TokensListCommand.self
  )
}

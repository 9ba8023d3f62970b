import ArgumentParser
import Foundation
import ReformClient
import ReformCommandLine

/// The options every subcommand takes: where the coordinator is, the token to show it, and
/// how long a call may take. `--config` is read before parsing by ``ConfigFileArguments``;
/// it is declared here so that it parses and shows in the help.
struct GlobalOptions: ParsableArguments, Sendable {
  /// The address when neither `--address` nor `REFORM_ADDRESS` gives one: the port
  /// `reformd up` listens on by default.
  static let defaultAddress = "127.0.0.1:7420"
  /// Where `reformd up --data reform-data` writes the first admin token.
  static let defaultTokenFile = "reform-data/admin.token"

  @Option(
    help: ArgumentHelp(
      "The coordinator: HOST:PORT, [IPV6]:PORT or unix:PATH. Default: $REFORM_ADDRESS, else \(defaultAddress).",
      valueName: "address"))
  var address: String?

  @Option(
    help: ArgumentHelp(
      "The bearer token. Default: $REFORM_TOKEN, else the contents of ./\(defaultTokenFile) if it exists.",
      valueName: "token"))
  var token: String?

  @OptionGroup(title: "TLS")
  var tlsOptions: ClientTLSOptions

  @Flag(
    help: ArgumentHelp(
      "Send the token in plaintext to a coordinator that is not on loopback or a Unix socket. Without it reformctl refuses, before connecting; loopback is decided from the address the host resolves to."))
  var insecure = false

  @Option(help: ArgumentHelp("Seconds each call may take.", valueName: "seconds"))
  var timeout: Double = 10

  @Option(
    help: ArgumentHelp(
      "A file of 'key = value' lines ('#' starts a comment) whose keys are long option names; they act as if given before the command line's options.",
      valueName: "file"))
  var config: String?

  func validate() throws {
    do {
      _ = try ReformClient.parseAddress(resolvedAddress)
    } catch {
      throw ValidationError(error.message)
    }
    guard timeout > 0, timeout.isFinite else {
      throw ValidationError("--timeout must be a positive number of seconds")
    }
  }

  /// The address to dial: `--address`, else `REFORM_ADDRESS`, else ``defaultAddress``.
  var resolvedAddress: String {
    address ?? ProcessInfo.processInfo.environment["REFORM_ADDRESS"].flatMap(\.nonEmpty) ?? Self.defaultAddress
  }

  /// The token to send: `--token`, else `REFORM_TOKEN`, else the first admin token of a local
  /// `reformd up`, else none.
  func resolvedToken() throws -> String? {
    if let token { return token.nonEmpty }
    if let token = ProcessInfo.processInfo.environment["REFORM_TOKEN"]?.nonEmpty { return token }
    guard FileManager.default.fileExists(atPath: Self.defaultTokenFile) else { return nil }
    do {
      let contents = try String(contentsOfFile: Self.defaultTokenFile, encoding: .utf8)
      return contents.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
    } catch {
      throw ReformError(code: .unauthenticated, message: "cannot read ./\(Self.defaultTokenFile): \(error.localizedDescription)")
    }
  }

  /// `--timeout` as the deadline of one call.
  var callTimeout: Duration {
    .milliseconds(Int64((timeout * 1000).rounded()))
  }
}

extension String {
  /// The string, or `nil` when it is empty: an empty variable or file means "not set".
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}

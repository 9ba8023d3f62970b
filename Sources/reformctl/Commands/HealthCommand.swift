import ArgumentParser
import ReformClient

/// `reformctl health`: the gRPC health status of the coordinator or of one service, for
/// scripts and probes: the exit status says whether it is `SERVING`.
struct HealthCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "health",
    abstract: "Print the serving status of the coordinator or one service; exit 0 only if SERVING.",
    discussion: """
      A module's service (e.g. reform.v1.Diagnostics) is SERVING while at least one of its \
      workers is attached.

      \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection")
  var options: GlobalOptions

  @Argument(help: "A fully qualified service name, e.g. reform.v1.Diagnostics; omit for the whole coordinator.")
  var service: String = ""

  func run() async throws {
    let service = service
    let timeout = options.callTimeout
    try await options.withClient { client in
      let status = try await client.health.check(service: service, timeout: timeout)
      print(status)
      guard status == .serving else { throw ExitStatus.negative }
    }
  }
}

import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl health`: the gRPC health status of the coordinator or of one service, for
/// scripts and probes: the exit status says whether it is `SERVING`.
struct HealthCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "health", abstract: "Print the serving status of the coordinator or one service; exit 0 only if SERVING.",
    details: "A module's service (e.g. reform.v1.Diagnostics) is SERVING while at least one of its workers is attached.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "A fully qualified service name, e.g. reform.v1.Diagnostics; omit for the whole coordinator.")
  var service: String = ""

  func run() async throws {
    let status = try await options.call(HealthService.Check.self, HealthCheckRequest(service: service)).status
    print(status)
    guard status == .serving else { throw ExitStatus.negative }
  }
}

import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl status`: per module, the workers, queue, throughput, latency and errors over
/// the coordinator's window; then the coordinator itself.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "status",
    abstract: "Per module: workers, queue, calls/s, p50 and p99 latency, errors; then the coordinator's version, uptime and memory.",
    details: """
      Figures cover the coordinator's window (60 s by default). Latency is from a call's \
      arrival at the coordinator to the last byte of its answer. Times are shown in \
      Asia/Ho_Chi_Minh.
      """)

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "Only this module.")
  var module: String = ""

  func run() async throws {
    let status = try await options.call(AdminService.Status.self, AdminStatusRequest(module: module))
    print(StatusReport(status).render())
  }
}

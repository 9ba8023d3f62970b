import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl status`: per module, the workers, queue, throughput, latency and errors over
/// the coordinator's window; then the coordinator itself.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Per module: workers, queue, calls/s, p50 and p99 latency, errors; then the coordinator's version, uptime and memory.",
    discussion: """
      Figures cover the coordinator's window (60 s by default). Latency is from a call's \
      arrival at the coordinator to the last byte of its answer. Times are shown in \
      Asia/Ho_Chi_Minh.

      \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection")
  var options: GlobalOptions

  @Option(help: "Only this module.")
  var module: String = ""

  func run() async throws {
    let module = module
    let timeout = options.callTimeout
    try await options.withClient { client in
      let status = try await client.admin.status(module: module, timeout: timeout)
      print(StatusReport(status).render())
    }
  }
}

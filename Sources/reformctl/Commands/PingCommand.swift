import ArgumentParser
import ReformClient

/// `reformctl ping`: calls `Diagnostics.Echo` through the coordinator and shows which worker
/// answered and how long the round trip took — the whole path, client to worker and back.
struct PingCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "ping", abstract: "Echo through the coordinator to a diagnostics worker; show who answered and the round-trip time.",
    details: """
      Stops at the first failed call. Needs a diagnostics worker attached \
      ('reformd worker --module diagnostics').
      """)

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(name: [.short, .long], help: "How many calls to make, one after another.")
  var count: Int = 1

  func validate() throws {
    guard count >= 1 else { throw ValidationError("--count must be at least 1") }
  }

  func run() async throws {
    let count = count
    let timeout = options.callTimeout
    try await options.withClient { client in
      var times: [Duration] = []
      for sequence in 1...count {
        let text = "ping \(sequence)"
        let start = ContinuousClock.now
        let reply = try await client.diagnostics.echo(text: text, timeout: timeout)
        let elapsed = start.duration(to: .now)
        guard reply.text == text else {
          throw ReformError(code: .dataLoss, message: "the echo of '\(text)' came back as '\(reply.text)'")
        }
        times.append(elapsed)
        let worker = reply.worker ?? .init()
        print(
          "reply \(sequence) from worker \(Format.orDash(worker.workerId)) (pid \(worker.pid) on \(Format.orDash(worker.host)))"
            + (reply.attempt > 1 ? " attempt \(reply.attempt)" : "")
            + ": \(Format.milliseconds(elapsed)) ms")
      }
      if let fastest = times.min(), let slowest = times.max(), times.count > 1 {
        let mean = times.reduce(.zero, +) / times.count
        print(
          "\(times.count) calls: min \(Format.milliseconds(fastest)) ms, "
            + "avg \(Format.milliseconds(mean)) ms, max \(Format.milliseconds(slowest)) ms")
      }
    }
  }
}

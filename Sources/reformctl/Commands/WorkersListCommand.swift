import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl workers [list]`: every attached or draining worker with its load and the age of
/// its last heartbeat.
struct WorkersListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List attached and draining workers: id, module, pid, host, state, load and heartbeat age.",
    discussion: ExitStatus.help
  )

  @OptionGroup(title: "Connection")
  var options: GlobalOptions

  @Option(help: "Only this module's workers.")
  var module: String = ""

  func run() async throws {
    let module = module
    let timeout = options.callTimeout
    try await options.withClient { client in
      let workers = try await client.admin.listWorkers(module: module, timeout: timeout).workers
      guard !workers.isEmpty else {
        print(module.isEmpty ? "no workers attached" : "no workers of module \(module) attached")
        return
      }
      var table = TextTable([
        .text("ID"), .text("MODULE"), .number("PID"), .text("HOST"), .text("STATE"),
        .number("IN FLIGHT"), .number("DONE"), .number("FAILED"), .number("HEARTBEAT"),
      ])
      for worker in workers {
        table.append([
          worker.workerId, worker.module, String(worker.pid), Format.orDash(worker.host),
          Format.enumName(worker.state.description, prefix: "ADMIN_WORKER_STATE_"),
          String(worker.inFlight), String(worker.done), String(worker.failed),
          worker.lastHeartbeat == nil ? "-" : Format.age(milliseconds: worker.heartbeatAgeMs) + " ago",
        ])
      }
      print(table.render())
    }
  }
}

import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl workers [list]`: every attached or draining worker with its load and the age of
/// its last heartbeat.
struct WorkersListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "list", abstract: "List attached and draining workers: id, module, pid, host, state, load and heartbeat age.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "Only this module's workers.")
  var module: String = ""

  func run() async throws {
    let module = module
    let timeout = options.callTimeout
    let workers = try await options.withClient { client in
      try await client.admin.listWorkers(module: module, timeout: timeout).workers
    }
    let columns: [TextTable.Column] = [
      .text("ID"), .text("MODULE"), .number("PID"), .text("HOST"), .text("STATE"),
      .number("IN FLIGHT"), .number("DONE"), .number("FAILED"), .number("HEARTBEAT"),
    ]
    let none = module.isEmpty ? "no workers attached" : "no workers of module \(module) attached"
    TextTable.print(workers, columns: columns, ifNone: none) { worker in
      [
        worker.workerId, worker.module, String(worker.pid), Format.orDash(worker.host),
        Format.enumName(worker.state.description, prefix: "ADMIN_WORKER_STATE_"),
        String(worker.inFlight), String(worker.done), String(worker.failed),
        worker.lastHeartbeat == nil ? "-" : Format.age(milliseconds: worker.heartbeatAgeMs) + " ago",
      ]
    }
  }
}

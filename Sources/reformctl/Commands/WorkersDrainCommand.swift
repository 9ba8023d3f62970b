import ArgumentParser
import ReformClient

/// `reformctl workers drain ID`: stops sending jobs to a worker, which finishes those it has
/// and stays attached until resumed — for maintenance without failing a call.
struct WorkersDrainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drain",
    abstract: "Send a worker no new job; it finishes those it has and stays attached until resumed.",
    discussion: ExitStatus.help
  )

  @OptionGroup(title: "Connection")
  var options: GlobalOptions

  @Argument(help: "The worker's id, as 'reformctl workers' lists it.")
  var id: String

  @Option(help: "Why, for the coordinator's log and the worker.")
  var reason: String = ""

  func run() async throws {
    let (id, reason) = (id, reason)
    let timeout = options.callTimeout
    try await options.withClient { client in
      let worker = try await client.admin.drainWorker(id: id, reason: reason, timeout: timeout)
      print(WorkerLine.describe(worker))
    }
  }
}

import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl workers drain ID`: stops sending jobs to a worker, which finishes those it has
/// and stays attached until resumed — for maintenance without failing a call.
struct WorkersDrainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "drain", abstract: "Send a worker no new job; it finishes those it has and stays attached until resumed.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "The worker's id, as 'reformctl workers' lists it.")
  var id: String

  @Option(help: "Why, for the coordinator's log and the worker.")
  var reason: String = ""

  func run() async throws {
    let worker = try await options.call(AdminService.DrainWorker.self, AdminDrainWorkerRequest(workerId: id, reason: reason))
    print(WorkerLine.describe(worker))
  }
}

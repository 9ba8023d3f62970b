import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl workers resume ID`: sends jobs to a drained worker again.
struct WorkersResumeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus("resume", abstract: "Send jobs to a drained worker again.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "The worker's id, as 'reformctl workers' lists it.")
  var id: String

  func run() async throws {
    let worker = try await options.call(AdminService.ResumeWorker.self, AdminResumeWorkerRequest(workerId: id))
    print(WorkerLine.describe(worker))
  }
}

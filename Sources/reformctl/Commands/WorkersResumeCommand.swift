import ArgumentParser
import ReformClient

/// `reformctl workers resume ID`: sends jobs to a drained worker again.
struct WorkersResumeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Send jobs to a drained worker again.",
    discussion: ExitStatus.help
  )

  @OptionGroup(title: "Connection")
  var options: GlobalOptions

  @Argument(help: "The worker's id, as 'reformctl workers' lists it.")
  var id: String

  func run() async throws {
    let id = id
    let timeout = options.callTimeout
    try await options.withClient { client in
      let worker = try await client.admin.resumeWorker(id: id, timeout: timeout)
      print(WorkerLine.describe(worker))
    }
  }
}

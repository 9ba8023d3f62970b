import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl jobs`: the calls in flight through the coordinator, oldest first — what a
/// worker is busy with, and which calls were re-dispatched.
struct JobsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "jobs", abstract: "List jobs in flight, oldest first: id, method, module, worker, state, age and attempt.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "Only this module's jobs.")
  var module: String = ""

  func run() async throws {
    let module = module
    let timeout = options.callTimeout
    let jobs = try await options.withClient { client in
      try await client.admin.listJobs(module: module, timeout: timeout).jobs
    }
    let columns: [TextTable.Column] = [
      .number("ID"), .text("METHOD"), .text("MODULE"), .text("WORKER"), .text("STATE"), .number("AGE"), .number("ATTEMPT"),
    ]
    TextTable.print(jobs, columns: columns, ifNone: "no jobs in flight") { job in
      [
        String(job.jobId), job.method, job.module, Format.orDash(job.workerId),
        Format.enumName(job.state.description, prefix: "ADMIN_JOB_STATE_"),
        Format.age(milliseconds: job.ageMs), String(job.attempt),
      ]
    }
  }
}

import ArgumentParser

/// `reformctl workers`: the coordinator's workers; lists them unless a subcommand says
/// otherwise.
struct WorkersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workers",
    abstract: "List workers, or drain or resume one.",
    subcommands: [WorkersListCommand.self, WorkersDrainCommand.self, WorkersResumeCommand.self],
    defaultSubcommand: WorkersListCommand.self
  )
}

import ArgumentParser
import Foundation
import Logging
import ReformCommandLine

/// `reformd`: the Reform server — the coordinator, a worker of one module, or the embedded
/// default that runs both on one machine.
@main
struct Reformd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reformd",
    abstract: "The Reform server: the coordinator, its worker modules, and the embedded default.",
    discussion: """
      Every option can also come from a file: --config FILE reads lines of `option = value`
      (long option names without the dashes; `#` starts a comment), as if they were given
      before the options on the command line.
      """,
    subcommands: [Up.self, CoordinatorCommand.self, WorkerCommand.self, WebCommand.self, SecretsCommand.self, Schema.self]
  )

  static func main() async {
    DataFolder.restrictNewFiles()
    do {
      var command = try parseAsRoot(try ConfigFileArguments.expand(Array(CommandLine.arguments.dropFirst()), for: Reformd.self))
      if var command = command as? AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withError: error)
    }
  }
}

/// Options every server command shares.
struct ServerOptions: ParsableArguments {
  @Option(help: "Read options from FILE: lines of `option = value`; options on the command line win.")
  var config: String?

  @Option(help: "Folder for data, sockets and tokens.")
  var data: String = "./reform-data"

  @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
  var logLevel: Logger.Level = .info

  @Option(help: ArgumentHelp("Stop when this process is no longer the parent (set by `reformd up`).", visibility: .hidden))
  var parentPid: Int32?

  /// Sends logs to standard error at the chosen level.
  func bootstrapLogging() {
    let level = logLevel
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
  }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

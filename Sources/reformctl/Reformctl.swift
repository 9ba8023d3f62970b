import ArgumentParser
import Foundation
import ReformCommandLine

/// `reformctl`: the operator's command line for a Reform coordinator, built on
/// ``ReformClient``.
///
/// Each subcommand is one file under `Commands/`; the connection options every subcommand
/// shares are ``GlobalOptions``; what the commands print is shaped by the helpers under
/// `Output/`.
@main
struct Reformctl: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reformctl",
    abstract: "Operate a Reform coordinator: check it, see its workers, jobs and load, drain and resume workers.",
    discussion: """
      Every subcommand takes --address, --token, --timeout and --config; see \
      'reformctl help <subcommand>'.

      \(ExitStatus.help)
      """,
    subcommands: [
      PingCommand.self, HealthCommand.self, WorkersCommand.self, JobsCommand.self, StatusCommand.self,
      TokensCommand.self, AuditCommand.self,
      InspectionCommand.self, CalendarCommand.self,
      UnitsCommand.self, MembersCommand.self, ValuesCommand.self, ReportCommand.self, DocsCommand.self, RatingCommand.self,
    ]
  )

  /// Expands `--config FILE` into the options it holds, then parses and runs as usual.
  static func main() async {
    let arguments: [String]
    do {
      arguments = try ConfigFileArguments.expand(Array(CommandLine.arguments.dropFirst()), for: Reformctl.self)
    } catch {
      StandardError.print("reformctl: \(error)")
      Foundation.exit(ExitStatus.usage.rawValue)
    }
    await main(arguments)
  }
}

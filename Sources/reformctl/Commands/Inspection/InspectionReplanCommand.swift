import ArgumentParser
import Foundation
import ReformWire

/// `reformctl inspection replan ID --leave … | --cancel … | --add-visit …`: replans a
/// programme after changes by `Inspection.Replan`, moving as few visits as it can, and prints
/// what moved.
struct InspectionReplanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replan",
    abstract: "Replan a programme after leave, a cancelled visit or a unit added, and print what moved.",
    discussion: """
      \(ReplanChange.help)

      The changes apply to the latest version (or --version, which must be the latest); the \
      new version is stored unless --dry-run. Visits already begun are not moved. Printed: \
      each visit that changed (moved, added, cancelled or now unplaced) with its team and days \
      before and after and why, then the count left unchanged and the new objective. \
      \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "The programme's id, e.g. KTGS-2026-0001.") var id: String

  @Option(help: ArgumentHelp("Leave for an inspector (repeatable).", valueName: "inspector:first:last[:reason]"))
  var leave: [String] = []

  @Option(help: ArgumentHelp("A visit to take out (repeatable).", valueName: "visit[:reason]"))
  var cancel: [String] = []

  @Option(help: ArgumentHelp("A unit's visit to add (repeatable).", valueName: "unit:kind:days[:key=value…]"))
  var addVisit: [String] = []

  @Option(help: "Why, kept with each change.") var note: String = ""

  @Option(help: "The version the changes apply to; the latest when omitted.") var version: Int32 = 0

  @Flag(help: "Report what would move without storing a new version.") var dryRun = false

  @Option(
    help: ArgumentHelp(
      "The planner's time budget in milliseconds; the service's default when omitted.", valueName: "ms"))
  var timeLimitMs: Int32 = 0

  func validate() throws {
    guard !(leave.isEmpty && cancel.isEmpty && addVisit.isEmpty) else {
      throw ValidationError("give at least one change: --leave, --cancel or --add-visit")
    }
    do {
      for text in leave { _ = try ReplanChange.leave(text) }
      for text in cancel { _ = try ReplanChange.cancel(text) }
      var taken = Set<String>()
      for text in addVisit { _ = try ReplanChange.addVisit(text, takenDueIDs: &taken) }
    } catch {
      throw ValidationError(error.description)
    }
  }

  func run() async throws {
    let timeout = max(options.callTimeout, .seconds(60))
    let (id, version, note, dryRun, timeLimitMs) = (id, version, note, dryRun, timeLimitMs)
    let (leave, cancel, addVisit) = (leave, cancel, addVisit)
    let response = try await options.withClient { client in
      let base = try await client.call(
        InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: id, version: version),
        timeout: timeout)
      var taken = Set(base.visits.map(\.dueId) + base.unplaced.compactMap { $0.due?.dueId })
      var changes = try leave.map(ReplanChange.leave) + cancel.map(ReplanChange.cancel)
      for text in addVisit { changes.append(try ReplanChange.addVisit(text, takenDueIDs: &taken)) }
      for i in changes.indices { changes[i].note = note }
      return try await client.call(
        InspectionService.Replan.self,
        InspectionReplanRequest(
          idempotencyKey: UUID().uuidString, programmeId: id, baseVersion: base.version, changes: changes,
          timeLimitMs: timeLimitMs, dryRun: dryRun),
        timeout: timeout)
    }
    let programme = response.programme ?? InspectionProgramme()
    let verb = dryRun ? "would change (dry run, nothing stored)" : "replanned as v\(programme.version)"
    StandardError.print(
      "\(programme.programmeId) \(verb): \(response.moves.count) visits changed, \(response.unchanged) unchanged, "
        + "in \(Format.age(milliseconds: response.elapsedMs))")
    var sections: [String] = []
    if !response.moves.isEmpty { sections.append(ProgrammeReport.moves(response.moves)) }
    sections.append(ProgrammeReport(programme: programme).objective())
    print(sections.joined(separator: "\n\n"))
  }
}

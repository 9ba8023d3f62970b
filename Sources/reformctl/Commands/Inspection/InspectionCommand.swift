import ArgumentParser

/// `reformctl inspection`: the inspection commission's annual programme of inspections and
/// supervisions (chương trình kiểm tra, giám sát) — plan it from a file, read, list, replan
/// after changes, and export it as iCalendar or CSV.
struct InspectionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspection",
    abstract: "Plan, show, list, replan and export the annual inspection-and-supervision programme.",
    discussion: "The working-day calendar the programmes are planned on is 'reformctl calendar'.",
    subcommands: [
      InspectionPlanCommand.self, InspectionShowCommand.self, InspectionListCommand.self,
      InspectionReplanCommand.self, InspectionExportCommand.self, InspectionExampleInputCommand.self,
    ]
  )
}

import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl inspection plan --input FILE`: plans a programme from a plan input file
/// (``PlanInputFile``) by `Inspection.Plan`, stores it (unless `--dry-run`), and prints it.
struct InspectionPlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Plan a year's programme from a JSON input file, and store it unless --dry-run.",
    discussion: """
      \(PlanInputFile.help)

      The programme is printed as 'inspection show' prints it. Errors about the input name \
      its fields as the file writes them. \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: ArgumentHelp("The plan input file (JSON; see above).", valueName: "file")) var input: String

  @Option(help: "The programme's name; 'Chương trình kiểm tra, giám sát năm YEAR' when omitted.") var name: String = ""

  @Option(help: ArgumentHelp("The committee whose programme it is; the caller's unit when omitted.", valueName: "unit"))
  var owner: String = ""

  @Flag(help: "Plan and print without storing.") var dryRun = false

  @Option(
    help: ArgumentHelp(
      "The planner's time budget in milliseconds; the service's default (10 s) when omitted.", valueName: "ms"))
  var timeLimitMs: Int32 = 0

  func validate() throws {
    guard timeLimitMs >= 0 else { throw ValidationError("--time-limit-ms must not be negative") }
  }

  func run() async throws {
    guard let data = FileManager.default.contents(atPath: input) else {
      throw ValidationError("--input \(input): no such readable file")
    }
    let file: PlanInputFile
    do {
      file = try PlanInputFile.decode(data)
    } catch {
      throw InputRefusal.refuse(file: input, error)
    }
    let request = InspectionPlanRequest(
      idempotencyKey: UUID().uuidString, input: file.wire, name: name, ownerUnitCode: owner,
      timeLimitMs: timeLimitMs, dryRun: dryRun)
    // The planner may take its whole budget; the call waits for it and a margin besides.
    let budget = Duration.milliseconds(timeLimitMs == 0 ? 10_000 : Int64(timeLimitMs))
    let timeout = max(options.callTimeout, budget + .seconds(10))
    let inputPath = input
    let response = try await options.withClient { client in
      do {
        return try await client.call(InspectionService.Plan.self, request, timeout: timeout)
      } catch let error as ReformError {
        throw error.namingInputFields(of: inputPath).naming(field: "owner_unit_code", asFlag: "--owner")
      }
    }
    guard let programme = response.programme else {
      StandardError.print("reformctl: INTERNAL: the service answered without a programme")
      throw ExitStatus.serverFault
    }
    let stored =
      dryRun ? "planned (dry run, not stored)" : "planned and stored \(programme.programmeId) v\(programme.version)"
    StandardError.print("\(stored) in \(Format.age(milliseconds: response.elapsedMs)) of planning")
    print(ProgrammeReport(programme: programme).table())
  }
}

extension ReformError {
  /// The error with a leading `field` of the request rewritten as the command's `flag`, which
  /// is what the person typed (or left out): `owner_unit_code: required…` as `--owner: required…`.
  func naming(field: String, asFlag flag: String) -> ReformError {
    guard message.hasPrefix(field + ":") else { return self }
    return ReformError(code: code, message: flag + message.dropFirst(field.count), cause: cause)
  }

  /// The error with a leading field path under `input.` rewritten as the plan input file
  /// writes it: `input.visits_due[3].length_days: …` as `FILE: visitsDue[3].lengthDays: …`.
  func namingInputFields(of file: String) -> ReformError {
    guard message.hasPrefix("input."), let colon = message.firstIndex(of: ":") else { return self }
    let path = message[message.index(message.startIndex, offsetBy: 6)..<colon]
    var camel = ""
    var upper = false
    for character in path {
      if character == "_" {
        upper = true
      } else {
        camel.append(upper ? Character(character.uppercased()) : character)
        upper = false
      }
    }
    return ReformError(code: code, message: "\(file): \(camel)\(message[colon...])", cause: cause)
  }
}

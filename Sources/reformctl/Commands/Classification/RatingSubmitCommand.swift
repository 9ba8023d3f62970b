import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl rating submit FILE.csv`: a unit's evaluations from a spreadsheet, checked line
/// by line, then sent to `Classification.SubmitEvaluations` in batches.
///
/// A file of more than one batch is first sent as a dry run, batch by batch, so that every
/// error of every line is known before anything is written; only a file without errors is
/// then written, each batch under its own idempotency key (a batch whose answer was lost is
/// sent again with the same key, and is not written twice).
struct RatingSubmitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "submit",
    abstract: "Submit evaluations (people and collectives) from a CSV file: every line is checked, nothing written while any is wrong.",
    details: RatingEvaluationFile.help)

  /// The most evaluations one call carries.
  static let largestBatch = 10_000

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "The CSV file.") var file: String

  @Flag(help: "Check the file, locally and against the rule sets, writing nothing.") var dryRun = false

  @Option(help: "The year of rows whose year cell is blank.") var year: Int32?

  @Option(help: ArgumentHelp("Evaluations per call, at most \(largestBatch).", valueName: "count"))
  var batchSize = largestBatch

  func validate() throws {
    guard (1...Self.largestBatch).contains(batchSize) else {
      throw ValidationError("--batch-size must be between 1 and \(Self.largestBatch)")
    }
    if let year, !(1900...9999).contains(year) { throw ValidationError("--year \(year): not a year") }
  }

  func run() async throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ValidationError("\(file): no such readable file")
    }
    let parsed = RatingEvaluationFile(data, defaultYear: year)
    let name = file
    guard parsed.problems.isEmpty else {
      for problem in parsed.problems { StandardError.print(problem.render(file: name)) }
      StandardError.print(
        "\(RatingText.count(parsed.problems.count, "error")) in \(RatingText.count(parsed.rows, "row")): nothing was sent")
      throw ExitStatus.refused
    }
    guard parsed.rows > 0 else {
      StandardError.print("\(file): no rows under the header: nothing to submit")
      throw ExitStatus.refused
    }
    let batches = RatingBatch.split(parsed, size: batchSize)
    let timeout = max(options.callTimeout, .seconds(600))
    let (dryRun, key) = (dryRun, UUID().uuidString)
    let people = parsed.persons.count == 1 ? "1 person" : "\(parsed.persons.count) people"
    let counts = "\(RatingText.count(parsed.rows, "row")) (\(people), \(RatingText.count(parsed.collectives.count, "collective")))"

    let failed = try await options.withClient { client -> Bool in
      var bar = ProgressBar()
      // One batch is all or nothing on its own; several are checked first, all of them.
      if dryRun || batches.count > 1 {
        var problems: [RatingEvaluationFile.Problem] = []
        var done: Int64 = 0
        for batch in batches {
          bar.update(phase: "checking", done: done, total: Int64(parsed.rows))
          let response = try await client.call(
            ClassificationService.SubmitEvaluations.self, batch.request(dryRun: true, key: ""), timeout: timeout)
          problems += response.errors.map(batch.problem)
          done += Int64(batch.count)
        }
        bar.update(phase: "checking", done: done, total: Int64(parsed.rows))
        bar.finish()
        if !problems.isEmpty { return Self.report(problems, rows: parsed.rows, file: name) }
        if dryRun {
          print("checked (dry run, nothing written): \(counts)")
          return false
        }
      }
      var done: Int64 = 0
      for (index, batch) in batches.enumerated() {
        bar.update(phase: "sending", done: done, total: Int64(parsed.rows))
        let request = batch.request(dryRun: false, key: "rating-submit-\(key)-\(index + 1)")
        let response = try await Self.sendKeyed(request, client: client, timeout: timeout)
        guard response.applied else {
          bar.finish()
          let earlier = index == 1 ? "the first batch" : "the first \(index) batches"
          let written = index == 0 ? "nothing was written" : "\(earlier) (lines before \(batch.firstLine)) were written"
          _ = Self.report(response.errors.map(batch.problem), rows: parsed.rows, file: name)
          StandardError.print("batch \(index + 1) of \(batches.count) was refused: \(written)")
          return true
        }
        done += Int64(batch.count)
      }
      bar.update(phase: "sending", done: done, total: Int64(parsed.rows))
      bar.finish()
      print("submitted: \(counts) in \(RatingText.count(batches.count, "call"))")
      return false
    }
    if failed { throw ExitStatus.refused }
  }

  /// Sends one batch; when the coordinator cannot be reached, sends it again with the same
  /// key, so that a batch whose answer was lost is not written twice.
  private static func sendKeyed(
    _ request: SubmitEvaluationsRequest, client: ReformClient, timeout: Duration
  ) async throws -> SubmitEvaluationsResponse {
    var wait: Duration = .milliseconds(250)
    var attempt = 1
    while true {
      // Held as a Result: a typed `catch … where` in this loop sends Swift 6.3's SIL passes
      // into an endless loop at compile time.
      let outcome: Result<SubmitEvaluationsResponse, ReformError>
      do {
        outcome = .success(try await client.call(ClassificationService.SubmitEvaluations.self, request, timeout: timeout))
      } catch {
        outcome = .failure(error)
      }
      switch outcome {
      case .success(let response):
        return response
      case .failure(let error) where error.code == .unavailable && attempt < 5:
        StandardError.print("reformctl: \(error.code): \(error.message); sending the batch again")
        try await Task.sleep(for: wait)
        wait *= 2
        attempt += 1
      case .failure(let error):
        throw error
      }
    }
  }

  /// Prints `problems` by line; true, as the submission failed.
  private static func report(_ problems: [RatingEvaluationFile.Problem], rows: Int, file: String) -> Bool {
    let sorted = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
    for (_, problem) in sorted { StandardError.print(problem.render(file: file)) }
    StandardError.print("\(RatingText.count(problems.count, "error")) in \(RatingText.count(rows, "row")): nothing was written")
    return true
  }
}

/// Up to a batch of evaluations from a ``RatingEvaluationFile``, with the line of each, so
/// that an error the service reports by list and index names the line it came from.
struct RatingBatch: Sendable {
  var persons: [RatingEvaluationFile.PersonRow] = []
  var collectives: [RatingEvaluationFile.CollectiveRow] = []

  var count: Int { persons.count + collectives.count }

  /// The first line of the batch.
  var firstLine: Int { min(persons.first?.line ?? .max, collectives.first?.line ?? .max) }

  /// Collectives first, then people, at most `size` to a batch.
  static func split(_ file: RatingEvaluationFile, size: Int) -> [RatingBatch] {
    var batches: [RatingBatch] = []
    var current = RatingBatch()
    for row in file.collectives {
      current.collectives.append(row)
      if current.count == size {
        batches.append(current)
        current = RatingBatch()
      }
    }
    for row in file.persons {
      current.persons.append(row)
      if current.count == size {
        batches.append(current)
        current = RatingBatch()
      }
    }
    if current.count > 0 { batches.append(current) }
    return batches
  }

  func request(dryRun: Bool, key: String) -> SubmitEvaluationsRequest {
    SubmitEvaluationsRequest(
      persons: persons.map(\.evaluation), collectives: collectives.map(\.evaluation), dryRun: dryRun, idempotencyKey: key)
  }

  /// The service's error as a problem of the file: its line, and the column that holds the
  /// field it names.
  func problem(_ error: ClassificationInputError) -> RatingEvaluationFile.Problem {
    let index = Int(error.index)
    let line: Int
    switch error.listName {
    case "persons" where persons.indices.contains(index): line = persons[index].line
    case "collectives" where collectives.indices.contains(index): line = collectives[index].line
    default: return RatingEvaluationFile.Problem(line: 0, column: "", message: error.message)
    }
    return RatingEvaluationFile.Problem(line: line, column: Self.column(of: error.field), message: error.message)
  }

  /// The column of the file a field path such as `persons[3].scores.task_results_hundredths`
  /// comes from; the path after the entry when no column holds it alone.
  static func column(of field: String) -> String {
    var rest = Substring(field)
    if let close = rest.firstIndex(of: "]"), rest.hasPrefix("persons[") || rest.hasPrefix("collectives[") {
      rest = rest[rest.index(after: close)...].drop { $0 == "." }
    }
    let path = String(rest)
    let name = String(path.prefix { $0 != "[" && $0 != "." })
    let item = path.dropFirst(name.count).first == "[" ? path.dropFirst(name.count + 1).prefix { $0 != "]" } : nil
    let itemText = item.flatMap { Int($0) }.map { " item \($0 + 1)" } ?? ""
    switch name {
    case "person_id": return "id"
    case "subject_name": return "name"
    case "subject_kind": return "kind"
    case "scores":
      if path.hasSuffix("common_criteria_hundredths") { return "common_score" }
      if path.hasSuffix("task_results_hundredths") { return "task_score" }
      return "common_score"
    case "tasks":
      if path.hasSuffix(".on_time") { return "tasks_on_time" }
      if path.hasSuffix(".exceeded") { return "tasks_exceeded" }
      return "tasks_total"
    case "discipline": return "discipline" + itemText
    case "declines": return "decline" + itemText
    case "positions": return "leads_unit"
    case "subordinate_units_total": return "subordinates_total"
    case "disciplined_subordinate_unit_codes", "self_detected_subordinate_unit_codes":
      return "disciplined_subordinates" + itemText
    case "leader_person_ids": return "leaders" + itemText
    case "disciplined_leader_person_ids": return "disciplined_leaders" + itemText
    case "unit_code", "quota_unit_code", "duty_group", "year", "assessed_level", "self_assessed_level", "note",
      "targets_total", "targets_met", "parent_unit_code":
      return name
    default: return path
    }
  }
}

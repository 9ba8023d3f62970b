import InspectionDomain
import ReformModule

/// What one request may hold, so that no input, however large or absurd, can exhaust a worker:
/// counts beyond these get `RESOURCE_EXHAUSTED`, texts beyond them `INVALID_ARGUMENT`, each
/// naming the field.
enum InspectionLimits {
  /// Visits due in one programme: a bloc has hundreds of grassroots organisations, and the
  /// planner's time grows with visits × teams.
  static let maxVisitsDue = 5_000
  static let maxTeams = 200
  static let maxInspectorsPerTeam = 100
  /// Periods of leave per inspector, and blackouts, unit codes or rows of a table per input.
  static let maxEntries = 1_000
  static let maxRisks = 5_000
  /// Units in one ComputeRisk call.
  static let maxRiskUnits = 1_000
  /// Changes in one replan.
  static let maxChanges = 1_000
  /// Days a notice may list: each day of a year at most once.
  static let maxNoticeDays = 366
  static let maxSources = 100
  /// Components of one risk: a handful of factors, each perhaps refined.
  static let maxRiskComponents = 100

  /// Ids and codes (due_id, unit_code, team_id, inspector_id, idempotency_key).
  static let maxCodeLength = 128
  /// Names (unit, team, inspector, programme, holiday).
  static let maxNameLength = 300
  /// Topics, reasons, notes, explanations.
  static let maxNoteLength = 2_000

  /// Working days a visit, a gap or a length may span: a year holds fewer.
  static let maxDays: Int32 = 366
  /// Members of a unit.
  static let maxMembers: Int32 = 10_000_000
  /// Visits a team may start per month.
  static let maxVisitsPerMonth: Int32 = 1_000
  /// The planner's time budget, in milliseconds; 0 takes ``SearchBudget/defaultMilliseconds``.
  static let maxTimeLimitMilliseconds: Int32 = 600_000

  /// Refuses a text longer than `limit` characters.
  static func checkText(_ text: String, field: String, limit: Int) throws {
    guard text.unicodeScalars.count > limit else { return }
    throw FieldError.invalid(field, "is longer than \(limit) characters")
  }

  /// Refuses an empty or over-long id or code.
  static func checkCode(_ code: String, field: String) throws {
    guard !code.isEmpty else { throw FieldError.invalid(field, "required") }
    try checkText(code, field: field, limit: maxCodeLength)
  }

  /// Refuses more than `limit` entries in a repeated field.
  static func checkCount(_ count: Int, field: String, limit: Int) throws {
    guard count <= limit else { throw tooMany(field, count: count, limit: limit) }
  }

  /// `RESOURCE_EXHAUSTED` for a field holding more than the service accepts.
  static func tooMany(_ field: String, count: Int, limit: Int) -> FieldError {
    .tooLarge(field, "\(count) entries is more than the \(limit) this service accepts in one request")
  }

  /// Refuses a number outside `range`.
  static func checkRange(_ value: Int32, _ range: ClosedRange<Int32>, field: String, meaning: String = "")
    throws
  {
    guard range.contains(value) else {
      throw FieldError.invalid(field, "\(value) is outside \(range.lowerBound)–\(range.upperBound)\(meaning)")
    }
  }

  /// Refuses a year that is unset or outside the years the working-day calendar is computed
  /// for.
  static func checkYear(_ year: Int32, field: String) throws {
    guard year != 0 else { throw FieldError.invalid(field, "required") }
    let years = WorkingCalendar.supportedYears
    guard years.contains(Int(year)) else {
      throw FieldError.invalid(
        field, "\(year) is outside the years the calendar is computed for (\(years.lowerBound)–\(years.upperBound))")
    }
  }
}

import Foundation
import ReformWire

/// The cells of one row of a ``RatingEvaluationFile``, read by column name, with every cell
/// that cannot be read recorded as a problem naming its column. A blank cell is "not given".
struct RatingCells {
  let line: Int
  private let fields: [String]
  private let columns: [String: Int]
  private(set) var problems: [RatingEvaluationFile.Problem] = []

  init(line: Int, fields: [String], columns: [String: Int]) {
    self.line = line
    self.fields = fields
    self.columns = columns
  }

  /// The trimmed text of `column`; empty when the file has no such column or the row no
  /// such cell.
  subscript(_ column: String) -> String {
    guard let index = columns[column], index < fields.count else { return "" }
    return fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Records that the cell of `column` (the whole row when empty) is wrong.
  mutating func fail(_ column: String, _ message: String) {
    problems.append(RatingEvaluationFile.Problem(line: line, column: column, message: message))
  }

  /// A whole number of at most nine digits; `nil` when blank or wrong.
  mutating func int(_ column: String) -> Int32? {
    let text = self[column]
    guard !text.isEmpty else { return nil }
    guard let value = RatingNumber.digits(Substring(text)) else {
      fail(column, "\"\(text)\" is not a whole number")
      return nil
    }
    return Int32(value)
  }

  /// Points with at most two decimals, as hundredths; `nil` when blank or wrong.
  mutating func points(_ column: String) -> Int32? {
    let text = self[column]
    guard !text.isEmpty else { return nil }
    guard let hundredths = RatingNumber.hundredths(text), hundredths <= 10_000 else {
      fail(column, "\"\(text)\" is not a number of points with at most two decimals (e.g. 27.5 or 27,50)")
      return nil
    }
    return Int32(hundredths)
  }

  /// `yes`/`no` in English or Vietnamese, `x`, `1`/`0`; `nil` when blank or wrong.
  mutating func flag(_ column: String) -> Bool? {
    let text = self[column]
    guard !text.isEmpty else { return nil }
    switch RatingText.key(text) {
    case "yes", "y", "x", "1", "true", "co": return true
    case "no", "n", "0", "false", "khong": return false
    default:
      fail(column, "\"\(text)\" is neither yes nor no")
      return nil
    }
  }

  /// A level by abbreviation (`HTXSNV`) or full Vietnamese name; unspecified when blank.
  mutating func level(_ column: String) -> RatingLevel {
    let text = self[column]
    guard !text.isEmpty else { return .unspecified }
    let key = RatingText.key(text)
    guard
      let level = RatingText.levels.first(where: {
        RatingText.level($0).lowercased() == key || RatingText.key(RatingText.levelName($0)) == key
      })
    else {
      fail(column, "\"\(text)\" is not HTXSNV, HTTNV, HTNV or KHTNV")
      return .unspecified
    }
    return level
  }

  /// The `disciplined_subordinates` cell: `CODE[*self]` items separated by `;`; the codes, and
  /// those marked `*self` (disciplined on the collective's own finding).
  mutating func subordinates() -> (codes: [String], selfDetected: [String]) {
    var codes: [String] = []
    var selfDetected: [String] = []
    for (index, item) in list("disciplined_subordinates").enumerated() {
      let (code, marks) = Self.marks(Substring(item))
      if code.isEmpty { fail("disciplined_subordinates", "item \(index + 1): a unit code is required before its marks") }
      codes.append(code)
      for (mark, value) in marks {
        if mark == "*", RatingText.key(value) == "self" {
          selfDetected.append(code)
        } else {
          fail("disciplined_subordinates", "item \(index + 1): \"\(mark)\(value)\" is not understood (only *self)")
        }
      }
    }
    return (codes, selfDetected)
  }

  /// `;`-separated codes or ids, each trimmed; blanks between separators are skipped.
  func list(_ column: String) -> [String] {
    self[column].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The two scores, or `nil` when both are blank.
  mutating func scores() -> RatingScores? {
    let commonText = self["common_score"], taskText = self["task_score"]
    guard !commonText.isEmpty || !taskText.isEmpty else { return nil }
    if commonText.isEmpty { fail("common_score", "required with task_score") }
    if taskText.isEmpty { fail("task_score", "required with common_score") }
    let common = points("common_score"), task = points("task_score")
    guard let common, let task else { return nil }
    return RatingScores(commonCriteriaHundredths: common, taskResultsHundredths: task)
  }

  /// The task counts, or `nil` when all three are blank.
  mutating func tasks() -> RatingTaskCounts? {
    let given = ["tasks_total", "tasks_on_time", "tasks_exceeded"].filter { !self[$0].isEmpty }
    guard !given.isEmpty else { return nil }
    for required in ["tasks_total", "tasks_on_time"] where self[required].isEmpty {
      fail(required, "required with \(given.joined(separator: ", "))")
    }
    let total = int("tasks_total"), onTime = int("tasks_on_time"), exceeded = int("tasks_exceeded")
    return RatingTaskCounts(total: total ?? 0, onTime: onTime ?? 0, exceeded: exceeded ?? 0)
  }

  /// The `discipline` cell: `[SYSTEM:]LEVEL@DATE[#DECISION][=VIOLATION][!counted|!YEAR][*self]`
  /// items separated by `;`. Without a `#DECISION` an item is numbered `KL1`, `KL2`… in the
  /// row; without a system, `defaultSystem`.
  mutating func discipline(defaultSystem: DisciplineSystem) -> [DisciplineRecord] {
    var records: [DisciplineRecord] = []
    for (index, item) in list("discipline").enumerated() {
      let at = "discipline item \(index + 1)"
      guard let atSign = item.firstIndex(of: "@") else {
        fail("discipline", "\(at) \"\(item)\": expected LEVEL@DATE, e.g. khiển trách@2025-06-12")
        continue
      }
      var head = Substring(item[..<atSign])
      var system = defaultSystem
      if let colon = head.firstIndex(of: ":") {
        let systemText = String(head[..<colon])
        switch RatingText.key(systemText) {
        case "party", "dang": system = .party
        case "admin", "administrative", "chinh-quyen", "hanh-chinh": system = .administrative
        default: fail("discipline", "\(at): \"\(systemText)\" is not a discipline system (party or admin)")
        }
        head = head[head.index(after: colon)...]
      }
      guard let level = Self.disciplineLevel(String(head)) else {
        fail("discipline", "\(at): \"\(head.trimmingCharacters(in: .whitespaces))\" is not a disciplinary measure (\(Self.disciplineLevelHelp))")
        continue
      }
      var record = DisciplineRecord(id: "KL\(index + 1)", system: system, level: level)
      let (dateText, marks) = Self.marks(item[item.index(after: atSign)...])
      guard let date = Self.date(dateText) else {
        fail("discipline", "\(at): \"\(dateText)\" is not a date (YYYY-MM-DD or DD/MM/YYYY)")
        continue
      }
      record.decided = date
      for (mark, value) in marks {
        switch mark {
        case "#":
          record.id = value
          record.decision = SourceRef(document: value)
        case "=": record.violationId = value
        case "*" where RatingText.key(value) == "self": record.selfDetected = true
        case "!" where RatingText.key(value) == "counted": record.countedInEarlierYear = true
        case "!":
          guard let year = RatingNumber.digits(Substring(value)), (1900...9999).contains(year) else {
            fail("discipline", "\(at): \"!\(value)\": expected !counted or !YEAR (the year it was counted in)")
            continue
          }
          record.countedInEarlierYear = true
          record.countedYear = Int32(year)
        default: fail("discipline", "\(at): \"\(mark)\(value)\" is not understood (#DECISION, =VIOLATION, !counted, !YEAR, *self)")
        }
      }
      records.append(record)
    }
    return records
  }

  /// The `decline` cell: `DATE[!counted]` items separated by `;`.
  mutating func declines() -> [RatingDeclineFinding] {
    var findings: [RatingDeclineFinding] = []
    for (index, item) in list("decline").enumerated() {
      let (dateText, marks) = Self.marks(Substring(item))
      guard let date = Self.date(dateText) else {
        fail("decline", "item \(index + 1): \"\(dateText)\" is not a date (YYYY-MM-DD or DD/MM/YYYY)")
        continue
      }
      var finding = RatingDeclineFinding(concluded: date)
      for (mark, value) in marks {
        if mark == "!", RatingText.key(value) == "counted" {
          finding.countedInEarlierYear = true
        } else {
          fail("decline", "item \(index + 1): \"\(mark)\(value)\" is not understood (only !counted)")
        }
      }
      findings.append(finding)
    }
    return findings
  }

  /// Splits `DATE#A=B!C` into the date and its marks, each with its text.
  private static func marks(_ text: Substring) -> (String, [(Character, String)]) {
    let sigils: Set<Character> = ["#", "=", "!", "*"]
    var date = ""
    var marks: [(Character, String)] = []
    for character in text {
      if sigils.contains(character) {
        marks.append((character, ""))
      } else if marks.isEmpty {
        date.append(character)
      } else {
        marks[marks.count - 1].1.append(character)
      }
    }
    return (
      date.trimmingCharacters(in: .whitespaces), marks.map { ($0.0, $0.1.trimmingCharacters(in: .whitespaces)) }
    )
  }

  /// `2025-06-12` or `12/06/2025`, a real day; `nil` otherwise.
  static func date(_ text: String) -> CalendarDate? {
    let iso = text.split(separator: "-", omittingEmptySubsequences: false)
    let vietnamese = text.split(separator: "/", omittingEmptySubsequences: false)
    let parts: (Substring, Substring, Substring)
    if iso.count == 3, iso[0].count == 4 {
      parts = (iso[0], iso[1], iso[2])
    } else if vietnamese.count == 3, vietnamese[2].count == 4 {
      parts = (vietnamese[2], vietnamese[1], vietnamese[0])
    } else {
      return nil
    }
    guard let year = RatingNumber.digits(parts.0), let month = RatingNumber.digits(parts.1),
      let day = RatingNumber.digits(parts.2), (1900...9999).contains(year), (1...12).contains(month)
    else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard (1...days).contains(day) else { return nil }
    return CalendarDate(year: Int32(year), month: Int32(month), day: Int32(day))
  }

  /// The measures a `discipline` item may name, in English and in Vietnamese.
  static let disciplineLevels: [(keys: [String], level: DisciplineLevel)] = [
    (["admonition", "phe-binh", "nhac-nho"], .admonition),
    (["reprimand", "khien-trach"], .reprimand),
    (["warning", "canh-cao"], .warning),
    (["salary-downgrade", "ha-bac-luong"], .salaryDowngrade),
    (["demotion", "giang-chuc"], .demotion),
    (["removal", "cach-chuc"], .removal),
    (["deposition", "bai-nhiem"], .deposition),
    (["dismissal", "buoc-thoi-viec"], .dismissal),
    (["expulsion", "khai-tru"], .expulsion),
    (["dissolution", "giai-tan"], .dissolution),
  ]

  static let disciplineLevelHelp =
    "phê bình (nhắc nhở, below every disciplinary measure), khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, bãi nhiệm, buộc thôi việc, khai trừ, giải tán "
    + "or in English admonition, reprimand … dissolution"

  private static func disciplineLevel(_ text: String) -> DisciplineLevel? {
    let key = RatingText.key(text)
    return disciplineLevels.first { $0.keys.contains(key) }?.level
  }
}

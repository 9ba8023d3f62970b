import ReformWire

/// The file of a government's yearly notice of days off (thông báo nghỉ lễ, Tết), as
/// `reformctl calendar notice load` reads it: UTF-8 CSV, one line per day or run of days.
///
/// ```
/// # Thông báo nghỉ Tết Nguyên đán, Giỗ Tổ năm 2026
/// source,Thông báo số …/TB-BNV,2025-10-20,Bộ Nội vụ
/// date,kind,name,note
/// 2026-02-14..2026-02-22,holiday,Tết Nguyên đán
/// 2026-04-26,holiday,Giỗ Tổ Hùng Vương,"10/3 âm lịch, Chủ nhật"
/// 2026-04-27,compensating_day_off,Nghỉ bù Giỗ Tổ Hùng Vương
/// ```
///
/// - A day line is `date,kind,name[,note]`: `date` is `2026-04-27` (or `27/04/2026`), or a
///   run `FIRST..LAST` for several days of the same kind and name; `kind` is one of
///   ``InspectionText/dayKinds`` (`holiday`, `compensating_day_off`, `swapped_day_off`,
///   `swapped_working_saturday`, or `working` to cancel a computed day off).
/// - An optional line `source,DOCUMENT[,ISSUED[,NOTE]]` names the notice.
/// - A header line `date,kind,name,note`, blank lines and lines starting with `#` are skipped.
/// - Every day must be in the same year, and no day may appear twice.
struct CalendarNoticeFile {
  /// The notice the file gives.
  var notice: InspectionCalendarNotice
  /// The line of the file each of the notice's days comes from, in the same order.
  var lines: [Int]

  /// A line of the file that is wrong, with what is wrong with it.
  struct Problem: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "line \(line): \(message)" }
  }

  /// The help text of the format, for the command's discussion.
  static let help = """
    The file is UTF-8 CSV: one line 'date,kind,name[,note]' per day, where date is \
    2026-04-27 (or 27/04/2026) or a run FIRST..LAST of days alike, and kind is one of \
    \(InspectionText.dayKinds.map(\.name).joined(separator: ", ")) (working cancels a \
    computed day off); an optional line 'source,DOCUMENT[,ISSUED[,NOTE]]' names the notice. \
    A header line 'date,kind,name,note', blank lines and lines starting with # are skipped. \
    Every day must lie in one year. Example:

      # Nghỉ Tết Nguyên đán và Giỗ Tổ năm 2026
      source,Thông báo nghỉ lễ Tết năm 2026,2025-10-20,Bộ Nội vụ
      2026-02-14..2026-02-22,holiday,Tết Nguyên đán
      2026-04-26,holiday,Giỗ Tổ Hùng Vương,"10/3 âm lịch, Chủ nhật"
      2026-04-27,compensating_day_off,Nghỉ bù Giỗ Tổ Hùng Vương
    """

  /// Reads the notice from the file's text.
  ///
  /// - Throws: ``Problem`` for the first wrong line.
  init(text: String) throws(Problem) {
    // Comment lines are blanked rather than removed, so that line numbers stay the file's.
    let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }.hasPrefix("#") ? "" : String(line)
    }.joined(separator: "\n")
    let records: [InspectionCSV.Record]
    do {
      records = try InspectionCSV.records(uncommented)
    } catch {
      throw Problem(line: error.line, message: "a quoted field is not closed")
    }

    var notice = InspectionCalendarNotice()
    var lines: [Int] = []
    var seen: [Int32: Int] = [:]
    for record in records {
      let fields = record.fields
      let first = fields[0].lowercased()
      if first == "date" { continue }
      if first == "source" {
        guard fields.count >= 2, !fields[1].isEmpty else {
          throw Problem(line: record.line, message: "a source line is 'source,DOCUMENT[,ISSUED[,NOTE]]'")
        }
        var source = SourceRef(document: fields[1])
        if fields.count > 2, !fields[2].isEmpty {
          guard let issued = InspectionText.parseDate(fields[2]) else {
            throw Problem(line: record.line, message: "issued \"\(fields[2])\" is not a date (2025-10-20)")
          }
          source.issued = issued
        }
        if fields.count > 3 { source.note = fields[3...].joined(separator: ",") }
        notice.source = source
        continue
      }
      guard (3...4).contains(fields.count) else {
        throw Problem(line: record.line, message: "expected date,kind,name[,note]; found \(fields.count) fields")
      }
      guard let range = InspectionText.parseRange(fields[0]), let last = range.last, var day = range.first else {
        throw Problem(
          line: record.line, message: "\"\(fields[0])\" is not a date (2026-04-27) or a run of dates (FIRST..LAST)")
      }
      guard let kind = InspectionText.parseDayKind(fields[1]) else {
        throw Problem(
          line: record.line,
          message: "kind \"\(fields[1])\" is not one of \(InspectionText.dayKinds.map(\.name).joined(separator: ", "))")
      }
      if notice.year == 0 { notice.year = day.year }
      guard day.year == notice.year, last.year == notice.year else {
        throw Problem(
          line: record.line, message: "\(fields[0]) is not in \(notice.year), the year of the earlier lines")
      }
      while true {
        if let earlier = seen[InspectionText.ordinal(day)] {
          throw Problem(line: record.line, message: "\(InspectionText.date(day)) is already set on line \(earlier)")
        }
        seen[InspectionText.ordinal(day)] = record.line
        notice.days.append(
          InspectionDayOverride(date: day, kind: kind, name: fields[2], note: fields.count > 3 ? fields[3] : ""))
        lines.append(record.line)
        guard InspectionText.ordinal(day) < InspectionText.ordinal(last) else { break }
        day = Self.nextDay(day)
      }
    }
    guard !notice.days.isEmpty else {
      throw Problem(line: max(1, records.last?.line ?? 1), message: "the file sets no day")
    }
    self.notice = notice
    self.lines = lines
  }

  /// The service's refusal of a day, `notice.days[3].kind: …`, as the line of the file it
  /// comes from, `line 5: …`; any other message as it is.
  func naming(lines message: String) -> String {
    let prefix = "notice.days["
    guard message.hasPrefix(prefix), let close = message.firstIndex(of: "]"),
      let index = Int(message[message.index(message.startIndex, offsetBy: prefix.count)..<close]),
      lines.indices.contains(index)
    else { return message }
    let rest = message[message.index(after: close)...].drop { $0 == "." }
    return "line \(lines[index]): \(rest)"
  }

  /// The day after `date`.
  static func nextDay(_ date: CalendarDate) -> CalendarDate {
    if date.day < InspectionText.daysIn(month: date.month, year: date.year) {
      return CalendarDate(year: date.year, month: date.month, day: date.day + 1)
    }
    if date.month < 12 { return CalendarDate(year: date.year, month: date.month + 1, day: 1) }
    return CalendarDate(year: date.year + 1, month: 1, day: 1)
  }
}

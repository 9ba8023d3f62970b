import ReformKit

extension Programme {
  /// The header row of ``csv()``, in Vietnamese.
  public static let csvHeader = [
    "Mã cuộc", "Mã đơn vị", "Tên đơn vị", "Mã đoàn", "Tên đoàn", "Loại", "Từ ngày", "Đến ngày",
    "Số ngày làm việc", "Rủi ro (bp)", "Nội dung",
  ]

  /// The programme as CSV (RFC 4180): UTF-8 text in NFC, CRLF line ends, a header row, then
  /// one row per visit in programme order; fields holding a comma, a double quote or a line
  /// break are quoted, with quotes doubled; a text starting with `=`, `+`, `-` or `@` is
  /// neutralised with a leading apostrophe (``csvField(_:)``). Dates are ISO 8601 (`2026-03-02`).
  public func csv() -> String {
    let teamNames = Dictionary(input.teams.map { ($0.teamID, $0.name) }, uniquingKeysWith: { first, _ in first })
    let rows =
      [Self.csvHeader]
      + visits.map { visit in
        [
          visit.visitID, visit.unitCode, visit.unitName, visit.teamID, teamNames[visit.teamID] ?? "",
          visit.kind.vietnameseName, visit.firstDay.description, visit.lastDay.description,
          String(visit.workingDays), String(visit.riskBP), visit.topic,
        ]
      }
    return rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
  }

  /// `value` as one CSV field: made safe for spreadsheets (a text that would run as a formula
  /// gets a leading apostrophe), then quoted when it must be.
  static func csvField(_ value: String) -> String {
    let text = SpreadsheetCell.neutralised(value.nfc)
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

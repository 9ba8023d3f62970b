/// A table of text with aligned columns, as operators read `workers`, `jobs` and `status`:
/// a header row, then one row per item; text columns are left-aligned, figures right-aligned.
struct TextTable {
  /// One column: its heading and on which side its cells line up.
  struct Column {
    var title: String
    var alignRight: Bool

    /// A left-aligned column, for names and states.
    static func text(_ title: String) -> Column { Column(title: title, alignRight: false) }
    /// A right-aligned column, for counts and durations.
    static func number(_ title: String) -> Column { Column(title: title, alignRight: true) }
  }

  var columns: [Column]
  var rows: [[String]] = []

  init(_ columns: [Column]) {
    self.columns = columns
  }

  /// Adds a row; cells beyond the columns are dropped, missing ones are empty.
  mutating func append(_ cells: [String]) {
    rows.append((0..<columns.count).map { $0 < cells.count ? cells[$0] : "" })
  }

  /// The table as lines separated by newlines, columns two spaces apart, without trailing
  /// spaces.
  func render() -> String {
    let all = [columns.map(\.title)] + rows
    let widths = columns.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { cells in
      let padded = columns.indices.map { column in
        let cell = cells[column]
        let fill = String(repeating: " ", count: widths[column] - cell.count)
        return columns[column].alignRight ? fill + cell : cell + fill
      }
      var line = padded.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }
}

extension TextTable {
  /// Prints `items` as a table of `columns`, a row per item as `row` gives it, or the line
  /// `none` alone when there is no item: an empty list reads as a sentence, not a bare header.
  static func print<Item>(_ items: [Item], columns: [Column], ifNone none: String, row: (Item) -> [String]) {
    guard !items.isEmpty else {
      Swift.print(none)
      return
    }
    var table = TextTable(columns)
    for item in items { table.append(row(item)) }
    Swift.print(table.render())
  }
}

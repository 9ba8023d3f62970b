import ReformKit
import Testing

@Suite struct SpreadsheetCellTests {
  @Test("a cell a spreadsheet would run as a formula gets a leading apostrophe",
    arguments: ["=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tTab", "\rCR"])
  func formulasAreNeutralised(_ cell: String) {
    #expect(SpreadsheetCell.neutralised(cell) == "'" + cell)
    #expect(SpreadsheetCell.restored(SpreadsheetCell.neutralised(cell)) == cell)
  }

  @Test("plain numbers and ordinary text are written as they are",
    arguments: ["-12", "+3.5", "-0,25", "Sở Nội vụ", "", "DUK", "a=b", "'quoted"])
  func ordinaryCellsAreUnchanged(_ cell: String) {
    #expect(SpreadsheetCell.neutralised(cell) == cell)
    #expect(SpreadsheetCell.restored(cell) == cell)
  }
}

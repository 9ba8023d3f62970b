import Foundation
import GRPCCore
import ReformWire
import Registry
import Testing

/// Exports are safe to open in a spreadsheet, and still import back unchanged.
@Suite("Spreadsheet-safe CSV")
struct SpreadsheetSafeCSVTests {
  @Test func unitsNamedLikeFormulasExportNeutralisedAndImportBackUnchanged() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let formula = "=HYPERLINK(\"http://evil.example\",\"Mở\")"
    try await registry.importCSV(
      .units,
      """
      code,name,short_name,kind,parent_code,opened
      CBCS-F,\(CSVQuoting.quoted(formula)),-Phòng,GRASSROOTS_CELL,DUK,2015-01-01
      CBCS-G,@SUM(A1),+Tổ,GRASSROOTS_CELL,DUK,2015-01-01

      """)
    let stored = try await registry.call(RegistryService.GetUnit.self, GetUnitRequest(code: "CBCS-F"))
    #expect(stored.unit?.name == formula)
    #expect(stored.unit?.shortName == "-Phòng")
    let chunks = try await registry.stream(RegistryService.ExportCsv.self, RegistryExportCsvRequest(kind: .units))
    let exported = String(decoding: chunks.flatMap(\.data), as: UTF8.self)
    #expect(exported.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Mở\"\")\""))
    #expect(exported.contains(",'-Phòng,"))
    #expect(exported.contains(",'@SUM(A1),'+Tổ,"))
    for line in exported.split(separator: "\r\n") {
      for cell in line.split(separator: ",") {
        #expect(!["=", "+", "@"].contains(cell.first.map(String.init) ?? ""), "\(line)")
      }
    }
    let back = try await registry.importCSV(.units, exported, dryRun: true)
    let summary = try #require(back.last?.summary)
    #expect(back.flatMap(\.errors).isEmpty)
    #expect(summary.created == 0 && summary.updated == 0 && summary.unchanged == summary.rowsRead)
  }
}

/// RFC 4180 quoting for building test files by hand.
enum CSVQuoting {
  static func quoted(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

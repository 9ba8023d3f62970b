import Foundation
import ReformWire
import Testing

/// Names in the ratings export come from clerks: a name a spreadsheet would run as a formula
/// leaves the service as text.
@Suite("ExportCsv and formulas")
struct CsvFormulaTests {
  @Test("a subject name that starts with = leaves ExportCsv with a leading apostrophe")
  func aFormulaInANameIsNeutralisedInTheExport() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1", unit: "CB1", name: "=HYPERLINK(\"http://x\",\"Xem\")")])
    _ = try await bed.run(mode: .final)
    let chunks = try await bed.stream(
      ClassificationService.ExportCsv.self, ClassificationExportCsvRequest(year: Sample.year))
    let text = String(decoding: chunks.flatMap(\.data), as: UTF8.self)
    #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"Xem\"\")\","), "\(text)")
    #expect(!text.contains(",=HYPERLINK"))
  }
}

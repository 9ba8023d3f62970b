import Foundation
import GRPCCore
import InspectionDomain
import ReformModule
import ReformModuleTesting
import ReformWire
import Testing

@Suite("Export")
struct ExportTests {
  /// Runs `ics_check.py` (beside this file) on `content`; its exit status and output.
  func checkICalendar(_ content: [UInt8]) throws -> (status: Int32, output: String, errors: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ics-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("programme.ics")
    try Data(content).write(to: file)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ics_check.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, file.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
      String(decoding: err, as: UTF8.self)
    )
  }

  @Test func theICalendarExportParsesWithARealParserWithOneEventPerVisit() async throws {
    let module = try Harness()
    let planned = try #require(
      try await module.call(InspectionService.Plan.self, planRequest(generatedInput(units: 60, teams: 6, seed: 2)))
        .programme)
    let file = try await module.call(
      InspectionService.ExportProgramme.self, .init(programmeId: planned.programmeId, format: .icalendar))
    #expect(file.mediaType == "text/calendar")
    #expect(file.fileName == "chuong-trinh-kiem-tra-2026-\(planned.programmeId)-v1.ics")
    let check = try checkICalendar(file.content)
    #expect(check.status == 0, "\(check.errors)")
    #expect(check.output == String(planned.visits.count))
    // Exporting one version again gives the same bytes.
    let again = try await module.call(
      InspectionService.ExportProgramme.self, .init(programmeId: planned.programmeId, format: .icalendar))
    #expect(again == file)
  }

  @Test func theCheckerRefusesABrokenCalendar() throws {
    let broken = Array(
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
    let check = try checkICalendar(broken)
    #expect(check.status == 1)
    #expect(check.errors.contains("no UID"))
  }

  @Test func theCSVExportHasAHeaderAndOneRowPerVisit() async throws {
    let module = try Harness()
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    let file = try await module.call(
      InspectionService.ExportProgramme.self, .init(programmeId: planned.programmeId, format: .csv))
    #expect(file.mediaType == "text/csv" && file.format == .csv)
    let text = String(decoding: file.content, as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(lines.count == planned.visits.count + 1)
    #expect(lines.first == Programme.csvHeader.joined(separator: ","))
    #expect(lines.dropFirst().first?.hasPrefix(planned.visits[0].visitId + ",") == true)
  }

  @Test func anExportNeedsAFormatAndAStoredVersion() async throws {
    let module = try Harness()
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    await expectRPCError(.invalidArgument, field: "format") {
      _ = try await module.call(InspectionService.ExportProgramme.self, .init(programmeId: planned.programmeId))
    }
    await expectRPCError(.invalidArgument, field: "format") {
      _ = try await module.call(
        InspectionService.ExportProgramme.self,
        .init(programmeId: planned.programmeId, format: InspectionExportFormat(rawValue: 42)))
    }
    await expectRPCError(.notFound, field: "version") {
      _ = try await module.call(
        InspectionService.ExportProgramme.self, .init(programmeId: planned.programmeId, version: 3, format: .csv))
    }
    await expectRPCError(.invalidArgument, field: "programme_id") {
      _ = try await module.call(InspectionService.ExportProgramme.self, .init(format: .csv))
    }
  }
}

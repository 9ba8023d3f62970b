import Foundation
import ReformKit
import Testing

/// `reformd up --demo` as a newcomer runs it, then `reformctl` as they would type it: every
/// module has something to show — the ratings of the last three years, an inbox, this year's
/// inspection programme and indicator 3a.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct DemoEveryModuleTests {
  static let reformctl: String =
    ProcessInfo.processInfo.environment["REFORMCTL"]
    ?? DemoSystem.root.appendingPathComponent(".build/debug/reformctl").path

  @Test func everyModuleAnswersWithTheDemosData() async throws {
    let system = try await DemoSystem.start(name: "demo-all")
    defer { system.stop() }
    let year = CivilDate(Date()).year
    func ctl(_ arguments: String...) throws -> String {
      let result = try ChildProcess.run(
        Self.reformctl, arguments + ["--address", system.address], environment: ["REFORM_TOKEN": system.adminToken])
      #expect(result.status == 0, "reformctl \(arguments.joined(separator: " ")): \(result.output)")
      return result.output
    }

    // Ratings of last year beside the year before, for Party members and collectives.
    let ratings = try ctl("rating", "summary", "--year", "\(year - 1)")
    #expect(ratings.contains("Đảng viên — the whole bloc, \(year - 1): "), "\(ratings)")
    #expect(ratings.contains("(\(year - 2): "), "no comparison with the year before: \(ratings)")
    #expect(!ratings.contains(" 0 rated"), "\(ratings)")
    #expect(ratings.contains("Tập thể"), "\(ratings)")

    // The bloc committee's inbox: reports from its organisations, in Vietnamese.
    let inbox = try ctl("docs", "inbox", "--unit", "DUK")
    let rows = inbox.split(separator: "\n").dropFirst()
    #expect(rows.count >= 10, "\(inbox)")
    #expect(inbox.contains("Báo cáo") || inbox.contains("Tờ trình") || inbox.contains("V/v"), "\(inbox)")
    #expect(inbox.contains("06 hoàn thành"), "no copy was handled to the end: \(inbox)")

    // This year's programme of the inspection commission, every visit placed.
    let programmes = try ctl("inspection", "list", "--year", "\(year)", "--owner", "DUK")
    #expect(programmes.contains("KTGS-\(year)-0001"), "\(programmes)")
    let programme = try ctl("inspection", "show", "KTGS-\(year)-0001")
    #expect(programme.contains("Đảng bộ") || programme.contains("Chi bộ"), "\(programme)")

    // Indicator 3a from the exchange's counts, with a figure, for the whole bloc.
    let report = try ctl(
      "report", "--set", "DEMO-CCHC-2025-2030", "--period", "\(year)", "--indicator", "3a", "--depth", "1")
    #expect(report.contains("Chỉ tiêu 3a"), "\(report)")
    let whole = try #require(report.split(separator: "\n").first { $0.contains("Toàn đơn vị:") }, "\(report)")
    #expect(whole.range(of: #"[1-9][0-9]*/[1-9][0-9]* = "#, options: .regularExpression) != nil, "\(whole)")

    // The load ran to its end: the marker is written and no part was refused.
    #expect(FileManager.default.fileExists(atPath: system.directory + "/demo.loaded"))
    #expect(!system.upLog.contains("not loaded"), "\(system.upLog)")
  }
}

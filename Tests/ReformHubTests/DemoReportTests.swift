import Foundation
import ReformClient
import ReformWire
import Testing

/// The demo bloc through the real registry worker, and its HTML report opened in a real
/// browser: headless Chromium renders it, takes a screenshot, and must log no script error.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct DemoReportTests {
  static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Deploy/demo").path

  @Test func theDemoReportOpensInChromiumAndNamesEveryIndicator() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    try cluster.startWorker(module: "registry")
    try await cluster.waitForWorkers(1)

    let report = try await cluster.withClient { client in
      for (file, kind) in [("units.csv", RegistryCsvKind.units), ("people.csv", .people), ("studies.csv", .studies), ("values.csv", .values)] {
        let csv = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.demo + "/" + file)))
        let applied = AppliedFlag()
        try await client.stream(
          RegistryService.ImportCsv.self,
          RegistryImportCsvRequest(kind: kind, csv: csv, fileName: file, idempotencyKey: "demo-\(file)"),
          timeout: .seconds(120)
        ) { event in
          if case .summary(let summary)? = event.event { await applied.set(summary.applied) }
        }
        #expect(await applied.value, "\(file) was not applied")
      }
      _ = try await client.call(
        RegistryService.ComputeIndicators.self,
        ComputeIndicatorsRequest(setId: "01-NQ-DUK-2020-2025", period: Period(type: .year, year: 2024)),
        timeout: .seconds(120))
      return try await client.call(
        RegistryService.Report.self,
        // The demo's 2024 figures against 01-NQ/ĐUK, as HTML.
        RegistryReportRequest(setId: "01-NQ-DUK-2020-2025", periods: [Period(type: .year, year: 2024)], format: .html),
        timeout: .seconds(60))
    }
    let names = try #require(report.indicatorSet).indicators.map(\.name)
    #expect(names.count == 10, "the 01-NQ/ĐUK set has ten indicators")

    let page = cluster.directory + "/report.html"
    try Data(report.rendered).write(to: URL(fileURLWithPath: page))
    let screenshot = (ProcessInfo.processInfo.environment["REFORM_ARTIFACTS"] ?? cluster.directory) + "/demo-report.png"
    let (dom, log) = try Chromium.run(["--dump-dom", "file://\(page)"])
    _ = try Chromium.run(["--screenshot=\(screenshot)", "--window-size=1280,4000", "file://\(page)"])

    #expect(Chromium.consoleLines(log).isEmpty, "the page logged to its console: \(Chromium.consoleLines(log))")
    for name in names {
      #expect(Self.text(of: dom).contains(name), "the rendered page lacks indicator \(name)")
    }
    let size = try FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int ?? 0
    #expect(size > 10_000, "the screenshot is empty")
  }

  /// The DOM's text with the five XML entities put back.
  private static func text(of dom: String) -> String {
    dom.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  private actor AppliedFlag {
    var value = false
    func set(_ applied: Bool) { value = applied }
  }
}

import Foundation
import ReformClient
import ReformKit
import ReformWire
import Testing

@testable import ReformWeb

/// The web console served by `reformd up`, driven over real HTTP: sign-in with the admin
/// token, the operations page, drain and resume, the form token, sign-out.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct ConsoleTests {
  @Test func anOperatorSignsInDrainsAndResumesAWorkerAndSignsOut() async throws {
    let webPort = try FreePort.find()
    let up = try UpProcess(extra: ["--web-listen", "127.0.0.1:\(webPort)"])
    defer { up.stop() }
    _ = try await up.lines.waitFor(prefix: "ready", count: 1, limit: .seconds(120))
    let token = try String(contentsOfFile: up.directory + "/admin.token", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let browser = ConsoleBrowser(port: webPort)
    let signInPage = try await Self.waitForConsole(browser)
    #expect(signInPage.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
    let policy = signInPage.header("Content-Security-Policy") ?? ""
    #expect(policy.contains("script-src 'self';") && !policy.contains("unsafe-inline"), "only the console's own script files may run: \(policy)")
    #expect(signInPage.header("X-Content-Type-Options") == "nosniff")

    let signedIn = try browser.post("/console/dang-nhap", [("csrf", try #require(signInPage.formToken)), ("token", token)])
    #expect(signedIn.status == 303)
    #expect(signedIn.header("Location") == "/console/van-hanh")
    let cookie = try #require(signedIn.setCookies.first { $0.hasPrefix("reform_session=") })
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/console"] {
      #expect(cookie.contains(attribute), "the session cookie lacks \(attribute): \(cookie)")
    }
    #expect(!signedIn.headers.contains { $0.1.contains(token) }, "the token came back to the browser")

    let operations = try browser.get("/console/van-hanh")
    #expect(operations.status == 200)
    #expect(!operations.body.contains(token), "the token came back to the browser")
    for module in ["diagnostics", "registry", "classification", "exchange", "inspection"] {
      #expect(operations.body.contains("<td>\(module)</td>"), "the operations page does not list \(module)")
    }
    let worker = try await ReformClient.connect(to: up.address, token: token) { client in
      try await client.admin.listWorkers(module: "diagnostics").workers.first?.workerId
    }
    let id = try #require(worker)
    let formToken = try #require(operations.formToken)

    // A form without the session's form token is refused, and changes nothing.
    let forged = try browser.post("/console/van-hanh/tam-dung", [("worker", id)])
    #expect(forged.status == 403)
    let wrong = try browser.post("/console/van-hanh/tam-dung", [("csrf", String(formToken.reversed())), ("worker", id)])
    #expect(wrong.status == 403)
    #expect(try await Self.state(of: id, up: up, token: token) == .attached)

    let drained = try browser.post("/console/van-hanh/tam-dung", [("csrf", formToken), ("worker", id)])
    #expect(drained.status == 303)
    #expect(try await Self.state(of: id, up: up, token: token) == .draining)
    #expect(Self.row(of: id, in: try browser.get("/console/van-hanh").body).contains("Đã tạm dừng"))

    let resumed = try browser.post("/console/van-hanh/tiep-tuc", [("csrf", formToken), ("worker", id)])
    #expect(resumed.status == 303)
    #expect(try await Self.state(of: id, up: up, token: token) == .attached)
    #expect(Self.row(of: id, in: try browser.get("/console/van-hanh").body).contains("Đang chạy"))

    // Sign-out ends the session on the server: the old cookie no longer opens a page.
    let session = try #require(browser.cookies["reform_session"])
    let signedOut = try browser.post("/console/dang-xuat", [("csrf", formToken)])
    #expect(signedOut.status == 303)
    browser.setCookie("reform_session", session)
    let after = try browser.get("/console/van-hanh")
    #expect(after.status == 303)
    #expect(after.header("Location")?.hasPrefix("/console/dang-nhap") == true)
  }

  @Test func aWrongTokenIsRefusedAndTheFormNeedsItsOwnToken() async throws {
    let webPort = try FreePort.find()
    let up = try UpProcess(extra: ["--web-listen", "127.0.0.1:\(webPort)"])
    defer { up.stop() }
    _ = try await up.lines.waitFor(prefix: "ready", count: 1, limit: .seconds(120))
    let browser = ConsoleBrowser(port: webPort)
    let page = try await Self.waitForConsole(browser)
    let formToken = try #require(page.formToken)

    let wrong = try browser.post("/console/dang-nhap", [("csrf", formToken), ("token", "rf_not-a-token")])
    #expect(wrong.status == 401)
    #expect(wrong.body.contains("Mã truy cập không hợp lệ"))
    #expect(!wrong.body.contains("rf_not-a-token"), "the page echoed the token")

    // Without the sign-in cookie's twin, a sign-in from another site's form is refused.
    browser.setCookie("reform_signin", nil)
    let forged = try browser.post("/console/dang-nhap", [("csrf", formToken), ("token", "anything")])
    #expect(forged.status == 403)

    // A body past the limit is refused before it is read whole.
    let huge = try browser.post("/console/dang-nhap", [("token", String(repeating: "a", count: Console.formLimit + 1))])
    #expect(huge.status == 413)
  }

  @Test func afterSignInOnlyConsolePathsAreFollowed() {
    #expect(Console.safeNext("/console/van-ban-den?don-vi=DUK") == "/console/van-ban-den?don-vi=DUK")
    for hostile in ["//evil.example/", "https://evil.example/", "/console//evil.example", "/\\evil.example", "/console/../x", "javascript:alert(1)", "/consolex"] {
      #expect(Console.safeNext(hostile) == nil, "\(hostile) was accepted")
    }
  }

  @Test func everyValueIsEscapedAndNoTemplateOptsOut() throws {
    let html = try ConsoleTemplates.library().render(
      ProblemView(session: nil, heading: "<b>x</b>", message: "\"><script>alert(1)</script>", back: "/console"),
      withTemplate: "problem") ?? ""
    #expect(!html.contains("<script>") && !html.contains("<b>x</b>"))
    #expect(html.contains("&quot;&gt;&lt;script&gt;"))
    for template in [
      ConsoleTemplates.layout, ConsoleTemplates.signIn, ConsoleTemplates.operations, ConsoleTemplates.inbox, ConsoleTemplates.document,
      ConsoleTemplates.problem, ConsoleTemplates.ratings, ConsoleTemplates.report, ConsoleTemplates.programmes, ConsoleTemplates.programme,
      ConsoleTemplates.audit, ConsoleTemplates.ratingList, ConsoleTemplates.explain, ConsoleTemplates.documentFormFields,
      ConsoleTemplates.sent, ConsoleTemplates.operationsModules, ConsoleTemplates.operationsWorkers,
    ] {
      #expect(!template.contains("{{{") && !template.contains("{{&"), "a template renders a value unescaped")
    }
  }

  /// The web front builds on the client library alone: no module, domain, store or hub target,
  /// no database driver. What it shows comes through the coordinator or not at all.
  @Test func theWebFrontDependsOnNoModuleStoreOrHub() throws {
    let manifest = try String(contentsOf: DemoSystem.root.appendingPathComponent("Package.swift"), encoding: .utf8)
    let start = try #require(manifest.range(of: "name: \"ReformWeb\""))
    let block = manifest[start.upperBound...].prefix { $0 != ")" }
    let names = block.matches(of: /"([A-Za-z0-9_-]+)"/).map { String($0.output.1) }
    #expect(names.contains("ReformClient"))
    let forbidden = ["Registry", "Exchange", "Classification", "Inspection", "ReformStore", "ReformHub", "ReformModule", "GRDB", "PostgresNIO"]
    for name in names {
      #expect(!forbidden.contains { name.hasPrefix($0) }, "ReformWeb depends on \(name)")
    }
  }

  @Test func downloadsKeepTheirNamesAndServeNoActiveContent() {
    #expect(Console.contentDisposition("Báo cáo 2025.csv") == "attachment; filename=\"B_o_c_o_2025.csv\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%202025.csv")
    #expect(Console.contentDisposition("a\"b\r\nc") == "attachment; filename=\"a_b__c\"; filename*=UTF-8''a%22b%0D%0Ac")
    #expect(Console.safeMediaType("application/pdf") == "application/pdf")
    for active in ["text/html", "image/svg+xml", "application/xhtml+xml", "text/javascript", "text/plain; charset=x\r\nSet-Cookie: a", "", "a/b/c"] {
      #expect(Console.safeMediaType(active) == "application/octet-stream", "\(active) is served as it is")
    }
    #expect(Console.queryEscaped("Đảng ủy&x=1") == "%C4%90%E1%BA%A3ng%20%E1%BB%A7y%26x%3D1")
    #expect(Console.idempotencyKey("not a uuid").hasPrefix("console-") && Console.idempotencyKey(nil) != Console.idempotencyKey(nil))
    let key = UUID().uuidString
    #expect(Console.idempotencyKey(key) == "console-" + key, "a form sent twice acts once")
  }

  @Test func auditDaysAreVietnamsAndBadOnesNameTheField() throws {
    let request = try AuditFilter(from: "2026-12-07", to: "2026-12-07").request()
    // 00:00 in Vietnam is 17:00 UTC the day before; the `den` day is taken whole.
    #expect(request.timeRange?.since?.date == ISO8601DateFormatter().date(from: "2026-12-06T17:00:00Z"))
    #expect(request.timeRange?.until?.date == ISO8601DateFormatter().date(from: "2026-12-07T17:00:00Z"))
    for bad in ["2026-02-30", "26-12-07", "2026-12", "x", "2026-12-07-1", "99999-01-01"] {
      #expect(throws: ReformError.self, "\(bad) was taken") { try AuditFilter(from: bad).request() }
    }
    #expect(try AuditFilter().request().timeRange == nil)
  }

  @Test func theMonthCalendarStartsOnMondayAndMarksDaysOff() {
    var holiday = InspectionCalendarDay()
    holiday.date = CalendarDate(year: 2026, month: 1, day: 1)
    holiday.working = false
    holiday.name = "Tết Dương lịch"
    var visit = InspectionVisit()
    visit.unitCode = "CB-A"
    visit.firstDay = CalendarDate(year: 2026, month: 1, day: 2)
    visit.lastDay = CalendarDate(year: 2026, month: 1, day: 5)
    let weeks = ProgrammeView.weeks(year: 2026, month: 1, days: [CivilDate(2026, 1, 1): holiday], visits: [visit])
    #expect(weeks.count == 5)
    #expect(weeks.allSatisfy { $0.days.count == 7 })
    // 1 January 2026 was a Thursday: three days of December lead.
    #expect(weeks[0].days.map(\.number) == ["29", "30", "31", "1", "2", "3", "4"])
    #expect(weeks[0].days[3].holiday == "Tết Dương lịch" && !weeks[0].days[3].working)
    // The visit shows on its working days only: Friday the 2nd and Monday the 5th.
    #expect(weeks[0].days[4].visits == ["CB-A"] && weeks[0].days[5].visits.isEmpty && weeks[0].days[6].visits.isEmpty)
    #expect(weeks[1].days[0].visits == ["CB-A"] && weeks[1].days[1].visits.isEmpty)
  }

  @Test func liveEventsCarryNoLineAValueCouldForge() {
    let event = Console.event("workers", "<tr>a\rdata: x\r\nevent: lost\nb</tr>")
    #expect(event == "event: workers\ndata: <tr>a\ndata: data: x\ndata: event: lost\ndata: b</tr>\n\n")
    // Each field line starts with `data: `: none starts a field of its own.
    for line in event.split(separator: "\n").dropFirst() { #expect(line.hasPrefix("data: ")) }
  }

  @Test func liveStreamsAreBoundedPerSessionAndInAll() async throws {
    let streams = LiveStreams()
    var places: [Int] = []
    for _ in 0..<LiveStreams.perSession { places.append(try #require(await streams.acquire("a"))) }
    // One more page of the same session takes the oldest stream's place.
    let newest = try #require(await streams.acquire("a"))
    #expect(await !streams.holds(places[0], of: "a"), "the oldest stream kept its place")
    let newestHolds = await streams.holds(newest, of: "a")
    let secondHolds = await streams.holds(places[1], of: "a")
    #expect(newestHolds && secondHolds)
    #expect(await streams.count == LiveStreams.perSession)
    await streams.release(places[0], of: "a")
    #expect(await streams.count == LiveStreams.perSession, "a place given up twice was counted twice")
    await streams.release(newest, of: "a")
    #expect(await streams.count == LiveStreams.perSession - 1)
    var index = 0
    while await streams.count < LiveStreams.maximum {
      _ = try #require(await streams.acquire("s\(index / 2)"))
      index += 1
    }
    #expect(await streams.acquire("new") == nil, "more live streams than the console's bound")
    #expect(await !streams.holds(places[1], of: "b"), "a stream is held under another session")
  }

  @Test func anyTargetRatioReadsAsAPercentage() {
    var target = IndicatorTarget(comparison: .greaterOrEqual, value: IndicatorRatio(numerator: 9, denominator: 10))
    #expect(ConsoleText.target(target) == "≥ 90,0%")
    target.value = IndicatorRatio(numerator: .max, denominator: 1)
    #expect(ConsoleText.target(target) == "≥ " + ConsoleText.percent(.max), "a huge target must not stop the web front")
    target.value = IndicatorRatio(numerator: .min, denominator: 1)
    #expect(ConsoleText.target(target) == "≥ " + ConsoleText.percent(.min))
    target.value = IndicatorRatio(numerator: 1, denominator: 0)
    #expect(ConsoleText.target(target) == "")
  }

  @Test func callsPerSecondComeFromTwoSamples() {
    #expect(OperationsView.rate(now: 150, before: 100, seconds: 2) == "25,0")
    #expect(OperationsView.rate(now: 100, before: nil, seconds: 2) == "—", "a page as loaded has no rate")
    #expect(OperationsView.rate(now: 5, before: 100, seconds: 2) == "—", "a restarted coordinator's counts start again")
    #expect(OperationsView.rate(now: 100, before: 100, seconds: 0) == "—")
  }

  @Test func sessionsEndWhenIdleAndAreCapped() async {
    let store = SessionStore(limits: SessionLimits(idle: .seconds(60), absolute: .seconds(600), maximum: 2, perPrincipal: 1))
    let now = Date()
    let a = Principal(id: "a"), b = Principal(id: "b"), c = Principal(id: "c")
    let first = await store.open(token: "t", principal: a, now: now)
    #expect(await store.use(first!.id, now: now.addingTimeInterval(30)) != nil)
    #expect(await store.use(first!.id, now: now.addingTimeInterval(100)) == nil, "an idle session lived on")
    let second = await store.open(token: "t", principal: a, now: now)
    let third = await store.open(token: "t", principal: a, now: now)
    #expect(await store.use(second!.id, now: now) == nil, "one principal holds more than its share")
    #expect(await store.use(third!.id, now: now) != nil)
    #expect(await store.open(token: "t", principal: b, now: now) != nil)
    #expect(await store.open(token: "t", principal: c, now: now) == nil, "the cap was passed")
    #expect(third!.acceptsFormToken(third!.formToken))
    #expect(!third!.acceptsFormToken(String(third!.formToken.dropLast())))
  }

  /// The sign-in page, once the web front answers (it starts beside the coordinator).
  static func waitForConsole(_ browser: ConsoleBrowser) async throws -> ConsoleBrowser.Page {
    let deadline = ContinuousClock.now + .seconds(120)
    while true {
      if let page = try? browser.get("/console/dang-nhap"), page.status == 200 { return page }
      guard ContinuousClock.now < deadline else { throw ClusterError(description: "the console did not answer") }
      try await Task.sleep(for: .milliseconds(200))
    }
  }

  static func state(of worker: String, up: UpProcess, token: String) async throws -> AdminWorkerState? {
    try await ReformClient.connect(to: up.address, token: token) { client in
      try await client.admin.listWorkers().workers.first { $0.workerId == worker }?.state
    }
  }

  /// The operations page's table row of one worker.
  static func row(of worker: String, in body: String) -> String {
    guard let start = body.range(of: "data-worker=\"\(worker)\"") else { return "" }
    let rest = body[start.upperBound...]
    return String(rest[..<(rest.range(of: "</tr>")?.lowerBound ?? rest.endIndex)])
  }
}

import Foundation
import ReformClient
import ReformSecurity
import ReformWire
import Synchronization
import Testing

@testable import ReformWeb

/// The console on the demo bloc: a clerk of the bloc committee reads its inbox and a
/// document, and is refused another unit's; headless Chromium opens the sign-in page.
@Suite(.serialized, .timeLimit(.minutes(20)))
struct ConsoleDemoTests {
  @Test func aClerkSeesItsOwnUnitsInboxAndIsRefusedAnothersAndTheSignInPageOpensInChromium() async throws {
    let webPort = try FreePort.find()
    let demo = try await DemoSystem.start(name: "console", extra: ["--web-listen", "127.0.0.1:\(webPort)"])
    defer { demo.stop() }
    // The demo writes a token for each of its people at work beside admin.token.
    let clerk = try TokenFile.read(from: demo.directory + "/demo-clerk.token")
    let browser = ConsoleBrowser(port: webPort)
    let signInPage = try await ConsoleTests.waitForConsole(browser)
    let signedIn = try browser.post("/console/dang-nhap", [("csrf", try #require(signInPage.formToken)), ("token", clerk)])
    #expect(signedIn.status == 303)
    #expect(signedIn.header("Location") == "/console/van-ban-den", "a clerk lands on the inbox")

    let inbox = try browser.get("/console/van-ban-den")
    #expect(inbox.status == 200)
    #expect(inbox.body.contains("Văn thư Đảng ủy Khối"))
    let link = try #require(Self.firstDocumentLink(in: inbox.body), "the clerk's inbox is empty")
    let document = try browser.get(link.replacingOccurrences(of: "&amp;", with: "&"))
    #expect(document.status == 200)
    #expect(document.body.contains("Bản của đơn vị DUK"))

    let other = try browser.get("/console/van-ban-den?don-vi=CBCS-BDT")
    #expect(other.status == 403)
    #expect(other.body.contains("Không được phép"))
    let otherDocument = try browser.get(
      link.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "don-vi=DUK", with: "don-vi=CBCS-BDT"))
    #expect(otherDocument.status == 403)
    let operations = try browser.get("/console/van-hanh")
    #expect(operations.status == 403, "a clerk does not run the hub")

    // Attachments download from the document's page as they were sent, under their own names;
    // a type that could run in the page is served as bytes.
    let receiver = try await ReformClient.connect(to: demo.address, token: demo.adminToken) { client in
      try await client.call(RegistryService.ListUnits.self, ListUnitsRequest(page: PageRequest(pageSize: 1_000)), timeout: .seconds(30))
        .units.first { $0.parentCode == "DUK" && !$0.organId.isEmpty }
    }
    let organ = try #require(receiver)
    let report = (0..<(3 * 65_536 + 777)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) }
    let page = Array("<script>alert(1)</script>".utf8)
    let documentId = try await ReformClient.connect(to: demo.address, token: clerk) { client in
      var ids: [String] = []
      for (index, (name, type, content)) in [("Báo cáo tiến độ CCHC.pdf", "application/pdf", report), ("trang.html", "text/html", page)].enumerated() {
        let upload = try await client.call(
          ExchangeService.BeginUpload.self,
          ExchangeBeginUploadRequest(
            idempotencyKey: "console-upload-\(index)", unitCode: "DUK", name: name, mediaType: type, sizeBytes: Int64(content.count)),
          timeout: .seconds(30))
        for offset in stride(from: 0, to: content.count, by: 65_536) {
          _ = try await client.call(
            ExchangeService.UploadChunk.self,
            ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: Int64(offset), content: Array(content[offset..<min(offset + 65_536, content.count)])),
            timeout: .seconds(30))
        }
        ids.append(try await client.call(ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: upload.uploadId), timeout: .seconds(30)).attachmentId)
      }
      let to = ExchangeBloc.Unit(code: organ.code, organId: organ.organId, name: organ.name)
      var request = ExchangeBloc.send(number: 9_001, from: ExchangeBloc.Unit(code: "DUK", organId: "", name: "Đảng ủy Khối"), to: [to], key: "console-send")
      request.receivers = [ExchangeOrgan(organId: organ.organId, name: organ.name)]
      request.attachmentIds = ids
      return try #require(try await client.call(ExchangeService.Send.self, request, timeout: .seconds(60)).document?.documentId)
    }
    let sentPage = try browser.get(DocumentView.link(id: documentId, unit: "DUK"))
    #expect(sentPage.status == 200)
    let downloads = sentPage.body.matches(of: /href="(\/console\/van-ban\/tep\?[^"]+)"/).map { String($0.output.1).replacingOccurrences(of: "&amp;", with: "&") }
    #expect(downloads.count == 2, "\(sentPage.body)")
    if downloads.count == 2 {
      let pdf = try browser.get(downloads[0])
      #expect(pdf.status == 200 && pdf.bytes == report, "the attachment came back changed (\(pdf.bytes.count) bytes)")
      #expect(pdf.header("Content-Type") == "application/pdf")
      #expect(pdf.header("Content-Disposition")?.contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20ti%E1%BA%BFn") == true)
      let html = try browser.get(downloads[1])
      #expect(html.status == 200 && html.bytes == page)
      #expect(html.header("Content-Type") == "application/octet-stream", "an HTML attachment is served as bytes")
      #expect(try browser.get(downloads[0].replacingOccurrences(of: "don-vi=DUK", with: "don-vi=CBCS-BDT")).status == 403)
      #expect(try ConsoleBrowser(port: webPort).get(downloads[0]).status == 303, "a download without a session goes to sign-in")
    }

    // The bloc's ratings, as an administrator sees them: last year's, with every grassroots unit.
    let admin = ConsoleBrowser(port: webPort)
    let adminSignIn = try admin.get("/console/dang-nhap")
    _ = try admin.post("/console/dang-nhap", [("csrf", try #require(adminSignIn.formToken)), ("token", demo.adminToken)])
    let ratings = try admin.get("/console/xep-loai")
    #expect(ratings.status == 200)
    #expect(ratings.body.contains("Đảng viên") && ratings.body.contains("HTXSNV"))
    #expect(!ratings.body.contains("Chưa có kết quả xếp loại"), "the demo's ratings of last year are missing")
    #expect(try admin.get("/console/xep-loai?nam=abc").status == 400)

    // The report's CSV and the programme's iCalendar download from their pages.
    let csv = try admin.get("/console/bao-cao/tai?bo=01-NQ-DUK-2020-2025&nam=2025&dinh-dang=csv")
    #expect(csv.status == 200 && csv.header("Content-Type")?.hasPrefix("text/csv") == true)
    #expect(csv.body.contains("Đảng bộ Khối") && csv.body.split(whereSeparator: \.isNewline).count > 10, "\(csv.body.prefix(300))")
    #expect(try admin.get("/console/bao-cao/tai?bo=01-NQ-DUK-2020-2025&nam=2025&dinh-dang=exe").status == 400)
    let programmes = try admin.get("/console/kiem-tra")
    let programme = try #require(programmes.body.firstMatch(of: /href="\/console\/kiem-tra\/ke-hoach\?id=([^"&]+)"/)?.output.1)
    let ics = try admin.get("/console/kiem-tra/tai?id=\(programme)&dinh-dang=ics")
    #expect(ics.status == 200 && ics.body.hasPrefix("BEGIN:VCALENDAR") && ics.body.contains("BEGIN:VEVENT"))
    #expect(try admin.get("/console/kiem-tra/ke-hoach?id=\(programme)&thang=13").status == 400)

    // Submitting and approving a year from the report page: the clerk submits their unit's,
    // the administrator approves it; a clerk may not approve.
    let reportPage = try browser.get("/console/bao-cao?bo=DEMO-CCHC-2025-2030&nam=2026&don-vi=DUK")
    #expect(reportPage.status == 200 && reportPage.body.contains("Nộp số liệu năm 2026 của DUK"))
    #expect(!reportPage.body.contains("Duyệt số liệu"), "a clerk is offered the approval")
    let period = [("set", "DEMO-CCHC-2025-2030"), ("unit", "DUK"), ("year", "2026")]
    let clerkToken = try #require(reportPage.formToken)
    let submitted = try browser.post("/console/bao-cao/nop", [("csrf", clerkToken)] + period)
    #expect(submitted.status == 303, "submit answered \(submitted.status): \(submitted.body.prefix(400))")
    #expect(try browser.post("/console/bao-cao/duyet", [("csrf", clerkToken)] + period).status == 403)
    #expect(try browser.post("/console/bao-cao/nop", period).status == 403, "a form without its token was taken")
    if submitted.status == 303 {
      let adminToken = try #require(try admin.get("/console/bao-cao?bo=DEMO-CCHC-2025-2030&nam=2026&don-vi=DUK").formToken)
      let approved = try admin.post("/console/bao-cao/duyet", [("csrf", adminToken)] + period)
      #expect(approved.status == 303, "approve answered \(approved.status): \(approved.body.prefix(400))")
    }

    // What a person sees first: the sign-in page in a real browser, with no console error.
    let artifacts = ProcessInfo.processInfo.environment["REFORM_ARTIFACTS"] ?? demo.directory
    try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
    let screenshot = artifacts + "/console-sign-in.png"
    let url = "http://127.0.0.1:\(webPort)/console/dang-nhap"
    let (dom, log) = try Chromium.run(["--dump-dom", url])
    _ = try Chromium.run(["--screenshot=\(screenshot)", "--window-size=1280,800", url])
    #expect(Chromium.consoleLines(log).isEmpty, "the page logged to its console: \(Chromium.consoleLines(log))")
    #expect(dom.contains("Mã truy cập Reform"))
    let size = try FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int ?? 0
    #expect(size > 5_000, "the screenshot is empty")
  }

  /// Every page for an administrator, a clerk and an inspector in headless Chromium, driven by
  /// Selenium (`Tests/Interop/console_browser.py`); then the web front's connections: each one
  /// it opened leads to the coordinator, never to a worker, and it holds no file of the data
  /// folder.
  @Test func everyRoleClicksThroughItsPagesInChromiumAndTheConsoleReachesOnlyTheCoordinator() async throws {
    let webPort = try FreePort.find()
    let demo = try await DemoSystem.start(name: "console-browser", extra: ["--web-listen", "127.0.0.1:\(webPort)"])
    defer { demo.stop() }
    _ = try await ConsoleTests.waitForConsole(ConsoleBrowser(port: webPort))
    let artifacts = (ProcessInfo.processInfo.environment["REFORM_ARTIFACTS"] ?? demo.directory) + "/console"
    let coordinator = try await ReformClient.connect(to: demo.address, token: demo.adminToken) { client in
      try await client.admin.status(timeout: .seconds(10)).coordinator?.pid ?? 0
    }
    let web = try #require(ProcessTable.pids(commandContaining: ["web", "--listen", "127.0.0.1:\(webPort)"]).first, "no web front process")
    let supervisor = ProcessTable.parent(of: web)
    let finished = Mutex(false)
    let browsing = Task.detached {
      defer { finished.withLock { $0 = true } }
      return try DemoSystem.runPython(
        "console_browser.py",
        arguments: [
          "http://127.0.0.1:\(webPort)", demo.directory + "/admin.token", demo.directory + "/demo-clerk.token",
          demo.directory + "/demo-inspector.token", artifacts,
        ],
        environment: [:])
    }
    // While the browsers click, the web front's connections are sampled: any seen leads to the
    // coordinator or to the supervisor. (A sample can miss a short call; the audit trail below
    // shows each page's calls went through the coordinator.)
    var peers: [Int32: String] = [:]
    var files: Set<String> = []
    repeat {
      for peer in (try? SocketPeers.outbound(of: web, ownPort: webPort)) ?? [] { peers[peer.pid] = peer.command }
      files.formUnion(ProcessTable.openFiles(of: web))
      try await Task.sleep(for: .milliseconds(50))
    } while !finished.withLock({ $0 })
    let (status, printed) = try await browsing.value
    #expect(status == 0, "\(printed)")
    #expect(printed.contains("all console checks passed"))

    // What the clerk did in the browser reached the exchange through the coordinator, under the
    // clerk's own name: the coordinator's audit trail holds each read and the notice.
    let entries = try await ReformClient.connect(to: demo.address, token: demo.adminToken) { client in
      try await client.call(
        AdminService.QueryAudit.self, AdminQueryAuditRequest(page: PageRequest(pageSize: 500), principalId: "van-thu-duk"),
        timeout: .seconds(30)
      ).entries
    }
    let methods = Set(entries.map(\.method))
    for method in [ExchangeService.ListInbox.self, ExchangeService.GetDocument.self, ExchangeService.SendNotice.self] as [any WireMethod.Type] {
      #expect(methods.contains(method.info.path), "no audit entry of \(method.info.path) for the clerk: \(methods.sorted())")
    }
    #expect(
      entries.contains { $0.method == ExchangeService.ListInbox.info.path && $0.statusCode == 7 && $0.message.contains("CBCS-BDT") },
      "the refused inbox of another unit is not in the audit trail as PERMISSION_DENIED: \(entries.filter { $0.method == ExchangeService.ListInbox.info.path })")

    // The web front's own process: its sockets led to the coordinator and to its supervisor
    // (`reformd up`, which started it), to no worker; it held no file of the data folder.
    // (Pid 0: the other end had closed before `ss` read it, as a finished call's does.)
    for (pid, command) in peers where pid != coordinator && pid != supervisor && pid != 0 {
      #expect(Bool(false), "the web front was connected to pid \(pid) (\(command)), not the coordinator \(coordinator)")
    }
    #expect(!files.contains { $0.hasPrefix(demo.directory) }, "the web front held files of the data folder: \(files)")
  }

  static func firstDocumentLink(in body: String) -> String? {
    guard let start = body.range(of: "href=\"/console/van-ban?") else { return nil }
    let rest = body[body.index(start.lowerBound, offsetBy: 6)...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }
}

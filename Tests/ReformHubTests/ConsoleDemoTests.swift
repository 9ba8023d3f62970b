import Foundation
import ReformClient
import ReformWire
import Testing

/// The console on the demo bloc: a clerk of the bloc committee reads its inbox and a
/// document, and is refused another unit's; headless Chromium opens the sign-in page.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ConsoleDemoTests {
  @Test func aClerkSeesItsOwnUnitsInboxAndIsRefusedAnothersAndTheSignInPageOpensInChromium() async throws {
    let webPort = try FreePort.find()
    let demo = try await DemoSystem.start(name: "console", extra: ["--web-listen", "127.0.0.1:\(webPort)"])
    defer { demo.stop() }
    let clerk = try await ReformClient.connect(to: demo.address, token: demo.adminToken) { client in
      try await client.call(
        AdminService.CreateToken.self,
        AdminCreateTokenRequest(
          idempotencyKey: "console-clerk",
          principal: Principal(id: "van-thu-duk", displayName: "Văn thư Đảng ủy Khối", unitCode: "DUK", roles: [.clerk]),
          note: "console test"),
        timeout: .seconds(30)
      ).token
    }
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

    // The bloc's ratings, as an administrator sees them: last year's, with every grassroots unit.
    let admin = ConsoleBrowser(port: webPort)
    let adminSignIn = try admin.get("/console/dang-nhap")
    _ = try admin.post("/console/dang-nhap", [("csrf", try #require(adminSignIn.formToken)), ("token", demo.adminToken)])
    let ratings = try admin.get("/console/xep-loai")
    #expect(ratings.status == 200)
    #expect(ratings.body.contains("Đảng viên") && ratings.body.contains("HTXSNV"))
    #expect(!ratings.body.contains("Chưa có kết quả xếp loại"), "the demo's ratings of last year are missing")
    #expect(try admin.get("/console/xep-loai?nam=abc").status == 400)

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

  static func firstDocumentLink(in body: String) -> String? {
    guard let start = body.range(of: "href=\"/console/van-ban?") else { return nil }
    let rest = body[body.index(start.lowerBound, offsetBy: 6)...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }
}

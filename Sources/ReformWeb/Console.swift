import Foundation
import Hummingbird
import Logging
import Mustache
import ReformClient
import ReformKit
import ReformWire

/// The console's routes under `/console`: sign-in and sign-out, and the pages, each made from
/// calls to the coordinator as the signed-in principal.
struct Console: Sendable {
  static let sessionCookie = "reform_session"
  /// The sign-in form's own token, in a cookie until sign-in: a page of another site cannot
  /// sign a browser in under someone else's token.
  static let signInCookie = "reform_signin"
  /// Forms are small: a token, a form token, an id, a note of at most 2,000 characters
  /// (up to 18 bytes each once percent-encoded).
  static let formLimit = 48 * 1024
  static let fieldLimit = 512

  let configuration: WebFront.Configuration
  let sessions: SessionStore
  let liveStreams = LiveStreams()
  let templates: MustacheLibrary
  let logger: Logger

  init(configuration: WebFront.Configuration, logger: Logger) throws {
    self.configuration = configuration
    self.sessions = SessionStore(limits: configuration.sessions)
    self.templates = try ConsoleTemplates.library()
    self.logger = logger
  }

  func register(on router: Router<BasicRequestContext>) {
    router.get("/console") { request, _ in try await landing(request) }
    router.get("/console/dang-nhap") { request, _ in signInPage(next: request.uri.queryParameters["tiep"].map(String.init)) }
    router.post("/console/dang-nhap") { request, _ in try await signIn(request) }
    router.post("/console/dang-xuat") { request, _ in try await signOut(request) }
    router.get("/console/van-hanh") { request, _ in try await page(request) { try await operations($0) } }
    router.post("/console/van-hanh/tam-dung") { request, _ in try await workerAction(request, drain: true) }
    router.post("/console/van-hanh/tiep-tuc") { request, _ in try await workerAction(request, drain: false) }
    router.get("/console/van-ban-den") { request, _ in try await page(request) { try await inbox($0, request: request) } }
    router.get("/console/van-ban-di") { request, _ in try await page(request) { try await sent($0, request: request) } }
    router.get("/console/van-ban") { request, _ in try await page(request) { try await document($0, request: request) } }
    router.get("/console/xep-loai") { request, _ in try await page(request) { try await ratings($0, request: request) } }
    registerReport(on: router)
    registerInspection(on: router)
    registerAudit(on: router)
    registerRatings(on: router)
    registerDocuments(on: router)
    registerLive(on: router)
    router.get("/console/tep/bieu-tuong.svg") { _, _ in
      Response(
        status: .ok,
        headers: [.contentType: "image/svg+xml", .cacheControl: "public, max-age=86400"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: ConsoleStyle.icon)))
    }
    router.get("/console/tep/console.css") { _, _ in
      Response(
        status: .ok,
        headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: ConsoleStyle.css)))
    }
  }

  // MARK: Sign-in and sign-out

  private func landing(_ request: Request) async throws -> Response {
    guard let session = await session(of: request) else { return redirect("/console/dang-nhap") }
    return redirect(Self.home(of: session.principal))
  }

  private func signInPage(next: String?, message: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
    let formToken = SessionStore.randomToken()
    var response = render(
      "sign-in", SignInView(formToken: formToken, next: Self.safeNext(next) ?? "", message: message), status: status)
    response.setCookie(cookie(Self.signInCookie, formToken, maxAge: 3600))
    return response
  }

  private func signIn(_ request: Request) async throws -> Response {
    let form = try await Self.form(SignInForm.self, of: request)
    let expected = request.cookies[Self.signInCookie]?.value ?? ""
    guard !expected.isEmpty, ConstantTime.equal(Array((form.csrf ?? "").utf8), Array(expected.utf8)) else {
      return forbiddenForm()
    }
    let token = (form.token ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    guard !token.isEmpty, token.utf8.count <= Self.fieldLimit else {
      return signInPage(next: form.next, message: "Hãy nhập mã truy cập.", status: .badRequest)
    }
    let principal: Principal
    do {
      principal = try await ReformClient.connect(
        to: configuration.coordinator, token: token, tls: configuration.coordinatorTLS
      ) { client in
        try await client.call(DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "console"), timeout: .seconds(10)).caller
          ?? Principal()
      }
    } catch let error as ReformError where error.code == .unauthenticated {
      return signInPage(next: form.next, message: "Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.", status: .unauthorized)
    } catch let error as ReformError where error.code == .permissionDenied {
      return signInPage(next: form.next, message: "Mã truy cập này không dùng được cho bảng điều khiển.", status: .forbidden)
    } catch {
      logger.warning("sign-in: the coordinator did not answer", metadata: ["error": "\(Self.describe(error))"])
      return signInPage(next: form.next, message: "Không liên lạc được với máy chủ điều phối; hãy thử lại.", status: .serviceUnavailable)
    }
    guard let session = await sessions.open(token: token, principal: principal) else {
      return signInPage(next: form.next, message: "Máy chủ đang có quá nhiều phiên làm việc; hãy thử lại sau.", status: .serviceUnavailable)
    }
    logger.info("signed in", metadata: ["principal": "\(principal.id)"])
    var response = redirect(Self.safeNext(form.next) ?? Self.home(of: principal))
    response.setCookie(cookie(Self.sessionCookie, session.id, maxAge: Int(configuration.sessions.absolute.seconds)))
    response.setCookie(cookie(Self.signInCookie, "", maxAge: 0))
    return response
  }

  private func signOut(_ request: Request) async throws -> Response {
    try await formAction(request, ActionForm.self) { _, session in
      await sessions.close(session.id)
      var response = redirect("/console/dang-nhap")
      response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
      return response
    }
  }

  // MARK: Pages

  /// Runs `build` for the signed-in user and renders what it gives; without a session, sends
  /// the browser to sign in and back.
  func page(_ request: Request, _ build: (ConsoleSession) async throws -> (String, any Sendable)) async throws -> Response {
    try await respond(request) { session in
      let (template, view) = try await build(session)
      return render(template, view)
    }
  }

  /// Runs `answer` for the signed-in user, a refused or failed call shown as its page (see
  /// ``problem(_:session:)``); without a session, sends the browser to sign in and back.
  func respond(_ request: Request, _ answer: (ConsoleSession) async throws -> Response) async throws -> Response {
    guard let session = await session(of: request) else {
      return redirect("/console/dang-nhap?tiep=" + Self.queryEscaped(request.uri.path))
    }
    do {
      return try await answer(session)
    } catch let error as ReformError {
      return await problem(error, session: session)
    }
  }

  /// Runs `act` for a form posted by the signed-in user with the session's form token; a form
  /// without it is refused (403), and a refused or failed call is shown as its page.
  func formAction<Form: ConsoleForm>(
    _ request: Request, _ type: Form.Type, _ act: (Form, ConsoleSession) async throws -> Response
  ) async throws -> Response {
    let form = try await Self.form(Form.self, of: request)
    guard let session = await session(of: request) else { return redirect("/console/dang-nhap") }
    guard session.acceptsFormToken(form.csrf ?? "") else { return forbiddenForm() }
    do {
      return try await act(form, session)
    } catch let error as ReformError {
      return await problem(error, session: session)
    }
  }

  private func operations(_ session: ConsoleSession) async throws -> (String, any Sendable) {
    ("operations", try await operationsView(session))
  }

  /// The hub as the coordinator shows it to the session's principal: modules and workers.
  func operationsView(_ session: ConsoleSession) async throws(ReformError) -> OperationsView {
    let (status, workers) = try await call(session) { try await Self.hubState($0) }
    return OperationsView(session: session, status: status, workers: workers)
  }

  /// The coordinator's status and its workers, read with `client`.
  static func hubState(_ client: ReformClient) async throws -> (AdminStatusResponse, [AdminWorkerInfo]) {
    (try await client.admin.status(timeout: .seconds(10)), try await client.admin.listWorkers(timeout: .seconds(10)).workers)
  }

  private func workerAction(_ request: Request, drain: Bool) async throws -> Response {
    try await formAction(request, ActionForm.self) { form, session in
      guard let worker = form.worker, !worker.isEmpty, worker.utf8.count <= Self.fieldLimit else {
        return render("problem", ProblemView(session: session, heading: "Yêu cầu không hợp lệ", message: "Thiếu worker.", back: "/console/van-hanh"), status: .badRequest)
      }
      try await call(session) { client in
        if drain {
          _ = try await client.admin.drainWorker(id: worker, reason: "bảng điều khiển: \(session.principal.id)", timeout: .seconds(10))
        } else {
          _ = try await client.admin.resumeWorker(id: worker, timeout: .seconds(10))
        }
      }
      return redirect("/console/van-hanh")
    }
  }

  private func inbox(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    let unit = try Self.parameter("don-vi", of: request) ?? session.principal.unitCode
    // A bloc-wide principal has no unit of its own: it picks one first.
    guard !unit.isEmpty else { return ("inbox", InboxView(session: session, unit: unit, response: ExchangeListInboxResponse())) }
    let response = try await call(session) { client in
      try await client.call(
        ExchangeService.ListInbox.self,
        ExchangeListInboxRequest(page: PageRequest(pageSize: InboxView.pageSize), unitCode: unit), timeout: .seconds(15))
    }
    return ("inbox", InboxView(session: session, unit: unit, response: response))
  }

  private func sent(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    let unit = try Self.parameter("don-vi", of: request) ?? session.principal.unitCode
    guard !unit.isEmpty else { return ("sent", SentView(session: session, unit: unit, response: ExchangeListSentResponse())) }
    let response = try await call(session) { client in
      try await client.call(
        ExchangeService.ListSent.self,
        ExchangeListSentRequest(page: PageRequest(pageSize: InboxView.pageSize), unitCode: unit), timeout: .seconds(15))
    }
    return ("sent", SentView(session: session, unit: unit, response: response))
  }

  private func document(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    guard let id = try Self.parameter("id", of: request) else {
      throw ReformError(code: .invalidArgument, message: "Thiếu mã định danh văn bản.")
    }
    let unit = try Self.parameter("don-vi", of: request) ?? session.principal.unitCode
    let (response, trace) = try await call(session) { client in
      let response = try await client.call(
        ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: id, unitCode: unit, includeNotices: true),
        timeout: .seconds(15))
      // A receiver sees its copy's notices; the sender every receiver's.
      guard !response.deliveries.isEmpty else { return (response, ExchangeTrace?.none) }
      return (response, try await client.call(ExchangeService.GetTrace.self, ExchangeGetTraceRequest(documentId: id), timeout: .seconds(15)))
    }
    return ("document", DocumentView(session: session, unit: unit, response: response, trace: trace))
  }

  private func ratings(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    // Ratings are final at the year's end: last year's are the newest whole ones.
    let year = try Self.year(of: request, default: Self.thisYear() - 1)
    let unit = try Self.parameter("don-vi", of: request) ?? session.principal.unitCode
    let summary = ClassificationSummaryRequest(year: year, unitCode: unit, byChildUnit: true)
    let response = try await call(session) { client in
      try await client.call(ClassificationService.Summary.self, summary, timeout: .seconds(15))
    }
    return ("ratings", RatingsView(session: session, year: year, unit: unit, response: response))
  }

  // MARK: Calls, sessions, responses

  /// Runs `body` with a client that carries the session's token; a token the coordinator no
  /// longer accepts ends the session.
  func call<T: Sendable>(_ session: ConsoleSession, _ body: @Sendable (ReformClient) async throws -> T) async throws(ReformError) -> T {
    do {
      return try await ReformClient.connect(to: configuration.coordinator, token: session.token, tls: configuration.coordinatorTLS, body)
    } catch let error as ReformError {
      if error.code == .unauthenticated { await sessions.close(session.id) }
      throw error
    } catch {
      throw ReformError(code: .internalError, message: Self.describe(error), cause: error)
    }
  }

  func session(of request: Request) async -> ConsoleSession? {
    guard let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty, id.utf8.count <= 128 else { return nil }
    return await sessions.use(id)
  }

  /// The page for a refused or failed call: "Không được phép" for PERMISSION_DENIED, sign-in
  /// again for a token no longer accepted.
  func problem(_ error: ReformError, session: ConsoleSession) async -> Response {
    let back = Self.home(of: session.principal)
    switch error.code {
    case .permissionDenied:
      return render("problem", ProblemView(session: session, heading: "Không được phép", message: "Tài khoản của bạn không được xem hoặc làm việc này.", back: back), status: .forbidden)
    case .unauthenticated:
      var response = redirect("/console/dang-nhap")
      response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
      return response
    case .notFound:
      return render("problem", ProblemView(session: session, heading: "Không tìm thấy", message: "Không có mục này.", back: back), status: .notFound)
    case .failedPrecondition, .alreadyExists, .outOfRange:
      return render("problem", ProblemView(session: session, heading: "Không thực hiện được", message: error.message, back: back), status: .conflict)
    case .invalidArgument:
      return render("problem", ProblemView(session: session, heading: "Yêu cầu không hợp lệ", message: error.message, back: back), status: .badRequest)
    default:
      logger.warning("console call failed", metadata: ["code": "\(error.code)", "principal": "\(session.principal.id)"])
      return render("problem", ProblemView(session: session, heading: "Lỗi máy chủ", message: "Máy chủ điều phối không trả lời được; hãy thử lại.", back: back), status: .badGateway)
    }
  }

  func forbiddenForm() -> Response {
    render("problem", ProblemView(session: nil, heading: "Không được phép", message: "Biểu mẫu đã hết hạn hoặc không hợp lệ; hãy tải lại trang.", back: "/console"), status: .forbidden)
  }

  func render(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
    let html = templates.render(view, withTemplate: template) ?? ""
    return Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
  }

  private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
    Cookie(name: name, value: value, maxAge: maxAge, path: "/console", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
  }

  // MARK: Input

  /// Where to go after sign-in, when it is a page of the console: a path under `/console/`,
  /// never another host (`//evil.example`, `/\evil.example`) nor a scheme.
  static func safeNext(_ next: String?) -> String? {
    guard let next, next.utf8.count <= 256, next.hasPrefix("/console/") else { return nil }
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/-_.?=&%"))
    guard next.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }), !next.contains("//"), !next.contains("/..") else {
      return nil
    }
    return next
  }

  static func home(of principal: Principal) -> String {
    principal.roles.contains(where: { $0 == .admin || $0 == .operator }) ? "/console/van-hanh" : "/console/van-ban-den"
  }

  /// A query parameter, nil when absent or empty; too long a value is refused.
  static func parameter(_ name: String, of request: Request) throws(ReformError) -> String? {
    guard let value = request.uri.queryParameters[Substring(name)].map(String.init), !value.isEmpty else { return nil }
    guard value.utf8.count <= fieldLimit else { throw ReformError(code: .invalidArgument, message: "Tham số \(name) quá dài.") }
    return value
  }

  /// This year on Vietnam's calendar.
  static func thisYear() -> Int32 {
    Int32(CivilDate(Date()).year)
  }

  /// The `nam` parameter: a year from 1900 to 2999, else `fallback` when absent.
  static func year(of request: Request, default fallback: Int32) throws(ReformError) -> Int32 {
    guard let text = try parameter("nam", of: request) else { return fallback }
    guard let year = Int32(text), (1900...2999).contains(year) else {
      throw ReformError(code: .invalidArgument, message: "Năm không hợp lệ.")
    }
    return year
  }

  /// The idempotency key a form carried (made when the page was rendered, so a form sent twice
  /// acts once), else a new one. Only a UUID is taken from the form.
  static func idempotencyKey(_ fromForm: String?) -> String {
    guard let text = fromForm, let uuid = UUID(uuidString: text) else { return "console-" + UUID().uuidString }
    return "console-" + uuid.uuidString
  }

  /// A file to save, named for the browser: ASCII in `filename`, the whole name in
  /// `filename*` (RFC 6266), so Vietnamese names keep their diacritics.
  static func download(_ bytes: [UInt8], name: String, mediaType: String) -> Response {
    Response(
      status: .ok,
      headers: [.contentType: mediaType, .contentDisposition: contentDisposition(name), .cacheControl: "private, no-store"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  static func contentDisposition(_ name: String) -> String {
    let ascii = String(name.unicodeScalars.map { (asciiAlphanumerics + "-_.").unicodeScalars.contains($0) ? Character($0) : "_" })
    let encoded = name.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: asciiAlphanumerics + "-_.")) ?? ascii
    return "attachment; filename=\"\(ascii.isEmpty ? "tep" : ascii)\"; filename*=UTF-8''\(encoded)"
  }

  static let asciiAlphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

  static func queryEscaped(_ text: String) -> String {
    // Only ASCII letters and digits pass as they are: `CharacterSet.alphanumerics` holds every
    // script's letters, and a query must be ASCII.
    text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: asciiAlphanumerics + "-_./")) ?? ""
  }

  /// The body of a form post, at most ``formLimit`` bytes, decoded.
  static func form<Form: Decodable>(_ type: Form.Type, of request: Request) async throws -> Form {
    var request = request
    let body = try await request.collectBody(upTo: formLimit)
    do {
      return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
    } catch {
      throw HTTPError(.badRequest, message: "Biểu mẫu không hợp lệ.")
    }
  }

  /// An error's text without the token: only a ReformError's code and message.
  static func describe(_ error: any Error) -> String {
    (error as? ReformError).map { "\($0.code): \($0.message)" } ?? String(describing: type(of: error))
  }
}

/// A form of the console's own pages: it carries the session's form token.
protocol ConsoleForm: Decodable {
  var csrf: String? { get }
}

/// The fields of the sign-in form.
struct SignInForm: Decodable {
  var token: String?
  var csrf: String?
  var next: String?
}

/// The fields of the console's other forms.
struct ActionForm: ConsoleForm {
  var csrf: String?
  var worker: String?
}

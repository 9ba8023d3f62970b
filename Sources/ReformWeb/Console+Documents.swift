import Foundation
import Hummingbird
import ReformClient
import ReformWire

/// A document's actions: a receiver's status notice, the sender's recall, and its attachments
/// as downloads streamed from the exchange.
extension Console {
  func registerDocuments(on router: Router<BasicRequestContext>) {
    router.post("/console/van-ban/thong-bao") { request, _ in try await notice(request) }
    router.post("/console/van-ban/thu-hoi") { request, _ in try await recall(request) }
    router.get("/console/van-ban/tep") { request, _ in try await attachment(request) }
  }

  /// The notice codes a receiver's clerk gives from the console, in the order work goes.
  static let noticeCodes: [ExchangeNoticeCode] = [.registered, .assigned, .inProgress, .done, .refused, .recallAgreed, .recallRefused]

  private func notice(_ request: Request) async throws -> Response {
    try await formAction(request, DocumentForm.self) { form, session in
      let (id, unit) = try Self.document(of: form, session: session)
      let code = ExchangeNoticeCode(rawValue: Int32(form.code ?? "") ?? 0)
      guard Self.noticeCodes.contains(code) else { throw ReformError(code: .invalidArgument, message: "Trạng thái không hợp lệ.") }
      let detail = try Self.text(form.detail, field: "Nội dung", max: 2_000)
      try await call(session) { client in
        _ = try await client.call(
          ExchangeService.SendNotice.self,
          ExchangeSendNoticeRequest(
            idempotencyKey: Self.idempotencyKey(form.key), documentId: id, unitCode: unit, code: code, detail: detail,
            staff: Self.staff(session)),
          timeout: .seconds(30))
      }
      return redirect(DocumentView.link(id: id, unit: unit))
    }
  }

  private func recall(_ request: Request) async throws -> Response {
    try await formAction(request, DocumentForm.self) { form, session in
      let (id, unit) = try Self.document(of: form, session: session)
      let reason = try Self.text(form.detail, field: "Lý do", max: 2_000)
      guard !reason.isEmpty else { throw ReformError(code: .invalidArgument, message: "Hãy ghi lý do lấy lại văn bản.") }
      try await call(session) { client in
        _ = try await client.call(
          ExchangeService.Recall.self,
          ExchangeRecallRequest(idempotencyKey: Self.idempotencyKey(form.key), documentId: id, reason: reason, staff: Self.staff(session)),
          timeout: .seconds(30))
      }
      return redirect(DocumentView.link(id: id, unit: unit))
    }
  }

  /// The officer a notice or a recall names: the signed-in person.
  static func staff(_ session: ConsoleSession) -> ExchangeStaff {
    ExchangeStaff(fullName: session.principal.displayName.isEmpty ? session.principal.id : session.principal.displayName)
  }

  /// An attachment, streamed chunk by chunk from the exchange to the browser: the whole file
  /// is never held here. The document is read first, so a refusal is a page, not a cut stream.
  private func attachment(_ request: Request) async throws -> Response {
    try await respond(request) { session in
      guard let id = try Self.parameter("id", of: request), let attachmentId = try Self.parameter("tep", of: request) else {
        throw ReformError(code: .invalidArgument, message: "Thiếu văn bản hoặc tệp.")
      }
      let unit = try Self.parameter("don-vi", of: request) ?? session.principal.unitCode
      let document = try await call(session) { client in
        try await client.call(
          ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: id, unitCode: unit), timeout: .seconds(15))
      }
      guard let file = document.document?.attachments.first(where: { $0.attachmentId == attachmentId }) else {
        throw ReformError(code: .notFound, message: "Không có tệp này.")
      }
      let fetch = ExchangeFetchAttachmentRequest(documentId: id, attachmentId: attachmentId, unitCode: unit)
      let body = ResponseBody(contentLength: Int(clamping: file.sizeBytes)) { [self] writer in
        let sink = ChunkSink(writer)
        try await call(session) { client in
          try await client.stream(ExchangeService.FetchAttachment.self, fetch, timeout: .seconds(600)) { chunk in
            try await sink.write(chunk.content)
          }
        }
        writer = sink.writer
        try await writer.finish(nil)
      }
      return Response(
        status: .ok,
        headers: [
          .contentType: Self.safeMediaType(file.mediaType), .contentDisposition: Self.contentDisposition(file.name),
          .cacheControl: "private, no-store",
        ],
        body: body)
    }
  }

  /// The sender's media type when it is a plain `type/subtype`, else bytes: a sender cannot
  /// make the console serve HTML or script under its own origin (the download is also marked
  /// `attachment`, and `nosniff` is on every answer).
  static func safeMediaType(_ mediaType: String) -> String {
    let allowed = CharacterSet(charactersIn: asciiAlphanumerics + "/.+-")
    let lower = mediaType.lowercased()
    guard lower.utf8.count <= 100, lower.split(separator: "/").count == 2, lower.unicodeScalars.allSatisfy(allowed.contains),
      !lower.contains("html"), !lower.contains("javascript"), !lower.contains("xml"), !lower.contains("svg")
    else { return "application/octet-stream" }
    return lower
  }

  /// The document and unit a form names: the unit defaults to the principal's.
  static func document(of form: DocumentForm, session: ConsoleSession) throws(ReformError) -> (String, String) {
    guard let id = form.id, !id.isEmpty, id.utf8.count <= fieldLimit else {
      throw ReformError(code: .invalidArgument, message: "Thiếu mã định danh văn bản.")
    }
    let unit = form.unit.flatMap { $0.isEmpty ? nil : $0 } ?? session.principal.unitCode
    guard unit.utf8.count <= fieldLimit else { throw ReformError(code: .invalidArgument, message: "Mã đơn vị quá dài.") }
    return (id, unit)
  }

  static func text(_ text: String?, field: String, max: Int) throws(ReformError) -> String {
    let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.count <= max else { throw ReformError(code: .invalidArgument, message: "\(field) dài quá \(max) ký tự.") }
    return trimmed
  }
}

/// The fields of a document's forms.
struct DocumentForm: ConsoleForm {
  var csrf: String?
  var key: String?
  var id: String?
  var unit: String?
  var code: String?
  var detail: String?
}

/// Holds a response's writer while chunks arrive from a call: each chunk is written before the
/// next is read, one at a time, so the browser's pace holds the stream back.
final class ChunkSink: @unchecked Sendable {
  var writer: any ResponseBodyWriter

  init(_ writer: any ResponseBodyWriter) { self.writer = writer }

  func write(_ bytes: [UInt8]) async throws {
    try await writer.write(ByteBuffer(bytes: bytes))
  }
}

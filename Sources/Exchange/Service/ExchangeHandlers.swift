import ExchangeDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformStore
import ReformWire

/// The handlers of `reform.v1.Exchange`: each decodes, checks the caller's scope first, then
/// validates through the domain, reads or writes the store, and encodes. Thin: the rules are the
/// domain's, the transactions the store's.
///
/// ## Topics
/// - `ExchangeHandlers+Uploads.swift`: BeginUpload, UploadChunk, CommitUpload, AbortUpload.
/// - `ExchangeHandlers+Send.swift`: Send, CheckDuplicates.
/// - `ExchangeHandlers+Documents.swift`: GetDocument, FetchAttachment, GetTrace.
/// - `ExchangeHandlers+Mailbox.swift`: ListInbox, ListSent, Watch.
/// - `ExchangeHandlers+Notices.swift`: SendNotice, Recall.
/// - `ExchangeHandlers+Oversight.swift`: ListOverdue, CountDocuments.
/// - `ExchangeHandlers+Edxml.swift`: ExportEdxml, ImportEdxml.
struct ExchangeHandlers<Store: ExchangeStoring>: Sendable {
  /// Documents, copies, notices, uploads and the directory kept with them; CountDocuments
  /// reads that directory when its caller names units without OrganIds, since ``units`` may be
  /// the registry, and the registry calls CountDocuments (a call back would be a loop).
  let store: Store
  /// Attachment content: the data folder's files, or the shared database's chunks.
  let content: any AttachmentContent
  let units: any UnitDirectory
  let clock: @Sendable () -> Date

  func register(into methods: inout ModuleMethods) {
    methods.unary(ExchangeService.BeginUpload.self) { try await beginUpload($0, $1) }
    methods.unary(ExchangeService.UploadChunk.self) { try await uploadChunk($0, $1) }
    methods.unary(ExchangeService.CommitUpload.self) { try await commitUpload($0, $1) }
    methods.unary(ExchangeService.AbortUpload.self) { try await abortUpload($0, $1) }
    methods.unary(ExchangeService.Send.self) { try await send($0, $1) }
    methods.unary(ExchangeService.CheckDuplicates.self) { try await checkDuplicates($0, $1) }
    methods.unary(ExchangeService.GetDocument.self) { try await getDocument($0, $1) }
    methods.serverStreaming(ExchangeService.FetchAttachment.self) { try await fetchAttachment($0, $1, $2) }
    methods.unary(ExchangeService.ListInbox.self) { try await listInbox($0, $1) }
    methods.serverStreaming(ExchangeService.Watch.self) { try await watch($0, $1, $2) }
    methods.unary(ExchangeService.ListSent.self) { try await listSent($0, $1) }
    methods.unary(ExchangeService.SendNotice.self) { try await sendNotice($0, $1) }
    methods.unary(ExchangeService.Recall.self) { try await recall($0, $1) }
    methods.unary(ExchangeService.GetTrace.self) { try await getTrace($0, $1) }
    methods.unary(ExchangeService.ListOverdue.self) { try await listOverdue($0, $1) }
    methods.unary(ExchangeService.CountDocuments.self) { try await countDocuments($0, $1) }
    methods.serverStreaming(ExchangeService.ExportEdxml.self) { try await exportEdxml($0, $1, $2) }
    methods.unary(ExchangeService.ImportEdxml.self) { try await importEdxml($0, $1) }
  }

  /// Today in Asia/Ho_Chi_Minh.
  var today: CivilDate { CivilDate(clock()) }

  /// The current instant in the store's microseconds.
  var nowMicroseconds: Int64 { Microseconds.of(clock()) }

  /// Runs `body`, turning whatever it throws into the status the caller gets: statuses pass
  /// through, domain failures name their field in the request's terms, a busy store is
  /// UNAVAILABLE (safe to retry), anything else (the store, the disk) is INTERNAL naming `what`.
  func guarded<T: Sendable>(_ what: String, _ body: () async throws -> T) async throws(RPCError) -> T {
    do {
      return try await body()
    } catch {
      throw Self.status(of: error, what)
    }
  }

  /// What ``guarded(_:_:)`` answers for `error`, thrown by the part of the call named `what`.
  static func status(of error: any Error, _ what: String) -> RPCError {
    switch error {
    case let error as RPCError: error
    case is CancellationError: RPCError(code: .cancelled, message: "the call was cancelled before \(what) finished")
    case let error as any DomainFailure: FieldError(error).rpcError
    default: RPCError.internalFailure(what, error)
    }
  }

  /// The idempotency claim of `request`'s key for `method`, sent for `unit`, fingerprinted
  /// without the key; nil when the key is empty, as no repeat is to be recognised. The key's
  /// length was checked against the exchange's own limit (``ExchangeLimits/checkKey(_:field:)``)
  /// before.
  static func claim(method: String, unit: String, request: some IdempotentRequest) throws -> IdempotencyClaim? {
    guard !request.idempotencyKey.isEmpty else { return nil }
    return IdempotencyClaim(
      method: method, scope: unit, key: request.idempotencyKey, fingerprint: Array(try Fingerprint.of(request)))
  }

  /// The DocumentId `text` names, INVALID_ARGUMENT on `field` when it is not one.
  static func documentId(_ text: String, field: String = "document_id") throws(RPCError) -> DocumentId {
    guard !text.isEmpty else { throw FieldError.invalid(field, "required").rpcError }
    guard text.unicodeScalars.count <= ExchangeLimits.maxDocumentIdLength else {
      throw FieldError.invalid(field, "at most \(ExchangeLimits.maxDocumentIdLength) characters").rpcError
    }
    do {
      return try DocumentId(parsing: text.precomposedStringWithCanonicalMapping)
    } catch {
      throw FieldError.invalid(field, error.message).rpcError
    }
  }
}

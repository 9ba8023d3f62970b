import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl docs show`: one document as the reading unit sees it — its metadata, its
/// attachments with their SHA-256, and the state of its copies (every receiver's for the
/// sender, its own for a receiver) — and with `--fetch DIR`, its attachments saved to disk.
///
/// Attachments are streamed to `DIR/NAME.part` and renamed once whole and checked against their
/// SHA-256; a `.part` left by a broken download is resumed from where it stopped.
struct DocsShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a document, its attachments and its copies; save its attachments with --fetch.",
    discussion: """
      Example: reformctl docs show '000.00.00.H41,2025/03/01,125/CV-ĐUK' --fetch ./125
      \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: ArgumentHelp("The DocumentId, e.g. '000.00.00.H41,2025/03/01,125/CV-ĐUK'.", valueName: "document-id"))
  var documentId: String

  @Option(help: DocsCommand.unitHelp) var unit: String = ""

  @Option(help: ArgumentHelp("Save the attachments into this folder (created when missing).", valueName: "dir"))
  var fetch: String?

  func run() async throws {
    let request = ExchangeGetDocumentRequest(documentId: documentId, unitCode: unit)
    let unit = unit, fetch = fetch, timeout = options.callTimeout
    let transfer = max(timeout, DocsCommand.transferTimeout)
    try await TransferFailure.reporting {
      try await options.withClient { client in
        let response = try await client.call(ExchangeService.GetDocument.self, request, timeout: timeout)
        print(Self.render(response))
        if let fetch {
          try await Self.fetch(response.document ?? ExchangeDocument(), into: fetch, unit: unit, client: client, timeout: transfer)
        }
      }
    }
  }

  /// The document as labelled lines, then its attachments and copies as tables.
  static func render(_ response: ExchangeGetDocumentResponse) -> String {
    let document = response.document ?? ExchangeDocument()
    let metadata = document.metadata ?? ExchangeDocumentMetadata()
    var fields: [(String, String)] = [
      ("Document", document.documentId),
      ("Number", "\(metadata.codeNumber)/\(metadata.codeNotation)"),
      ("Issued", [DocsText.day(metadata.issuedDate), metadata.place].filter { !$0.isEmpty }.joined(separator: ", ")),
      ("Type", Format.orDash(metadata.documentType?.name ?? "")),
      ("Issuer", DocsText.organ(ExchangeOrgan(organId: metadata.organId, name: metadata.issuingOrganName))),
      ("Subject", metadata.subject),
      ("Signer", signer(metadata.signer)),
      ("Urgency", DocsText.urgency(metadata.urgency)),
      ("Due", DocsText.day(metadata.dueDate)),
      ("Pages", metadata.pageCount > 0 ? String(metadata.pageCount) : "-"),
      ("Recipients", metadata.recipients.map { DocsText.organ($0) }.joined(separator: "; ")),
    ]
    if !metadata.inReplyTo.isEmpty { fields.append(("In reply to", metadata.inReplyTo.joined(separator: "; "))) }
    fields.append(("Sent", "\(DocsText.stamp(document.sent)) from \(DocsText.organ(document.sender))"))
    if let frozen = document.frozen { fields.append(("Frozen", "by a recall, \(DocsText.stamp(frozen))")) }
    if let duplicate = document.duplicateConfirmation {
      fields.append(("Duplicate", "of \(duplicate.duplicateOf.joined(separator: "; ")), sent anyway: \"\(duplicate.reason)\", \(DocsText.stamp(duplicate.confirmed))"))
    }
    let width = fields.map(\.0.count).max() ?? 0
    var lines = fields.map { label, value in label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + value }

    lines.append("")
    if document.attachments.isEmpty {
      lines.append("no attachments")
    } else {
      var table = TextTable([.text("ATTACHMENT"), .text("NAME"), .text("TYPE"), .number("SIZE"), .text("SHA-256")])
      for attachment in document.attachments {
        table.append([
          attachment.attachmentId, attachment.name, attachment.mediaType, DocsText.size(attachment.sizeBytes), attachment.sha256,
        ])
      }
      lines.append(table.render())
    }

    let copies = response.delivery.map { [$0] } ?? response.deliveries
    lines.append("")
    if copies.isEmpty {
      lines.append("no copies")
    } else {
      var table = TextTable([
        .text("RECEIVER"), .text("ORGAN ID"), .number("ARRIVAL NO."), .text("ARRIVED"), .text("STATE"), .text("OVERDUE"),
        .text("LAST NOTICE"),
      ])
      for copy in copies {
        table.append([
          DocsText.organName(copy.receiver), Format.orDash(copy.receiver?.organId ?? ""), DocsText.arrival(copy),
          Format.wallClock(copy.arrivalTime), DocsText.state(copy), copy.overdue ? "quá hạn" : "", Format.wallClock(copy.lastNoticeTime),
        ])
      }
      lines.append(table.render())
    }
    return lines.joined(separator: "\n")
  }

  private static func signer(_ signer: ExchangeSigner?) -> String {
    guard let signer else { return "-" }
    return Format.orDash([signer.competence, signer.position, signer.fullName].filter { !$0.isEmpty }.joined(separator: " "))
  }

  /// Streams every attachment of `document` into `folder`.
  private static func fetch(
    _ document: ExchangeDocument, into folder: String, unit: String, client: ReformClient, timeout: Duration
  ) async throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let names = fileNames(document.attachments)
    for (attachment, name) in zip(document.attachments, names) {
      let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
      if FileManager.default.fileExists(atPath: path),
        (try? AttachmentUpload.digest(of: URL(fileURLWithPath: path)).sha256) == attachment.sha256
      {
        StandardError.print("\(path): already there, SHA-256 checked")
        continue
      }
      let resumed = FileManager.default.fileExists(atPath: path + ".part")
      do {
        try await download(attachment, of: document.documentId, to: path, resume: true, unit: unit, client: client, timeout: timeout)
      } catch let failure as TransferFailure where resumed {
        // A transfer resumed from a stale `.part` is tried once more from the start.
        StandardError.print("reformctl: \(failure); starting over")
        try await download(attachment, of: document.documentId, to: path, resume: false, unit: unit, client: client, timeout: timeout)
      }
      StandardError.print("\(path): \(DocsText.size(attachment.sizeBytes)), SHA-256 checked")
    }
  }

  /// Streams one attachment into `path`, through ``PartFile``.
  private static func download(
    _ attachment: ExchangeAttachment, of documentId: String, to path: String, resume: Bool, unit: String,
    client: ReformClient, timeout: Duration
  ) async throws {
    let name = URL(fileURLWithPath: path).lastPathComponent
    let file = try PartFile(path: path, resume: resume, label: "receiving \(name)", total: attachment.sizeBytes)
    let request = ExchangeFetchAttachmentRequest(
      documentId: documentId, attachmentId: attachment.attachmentId, unitCode: unit, offset: await file.written,
      maxChunkBytes: Int32(AttachmentUpload.chunkBytes))
    do {
      if request.offset < attachment.sizeBytes {
        try await client.stream(ExchangeService.FetchAttachment.self, request, timeout: timeout) { chunk in
          try await file.write(chunk.content, at: chunk.offset)
        }
      }
      try await file.finish(size: attachment.sizeBytes, sha256: attachment.sha256)
    } catch {
      await file.abandon()
      throw TransferFailure.unwrapped(error)
    }
  }

  /// A safe file name per attachment: path separators and control characters replaced, and a
  /// number added when two attachments share a name.
  static func fileNames(_ attachments: [ExchangeAttachment]) -> [String] {
    var used: Set<String> = []
    return attachments.enumerated().map { index, attachment in
      var name = String(attachment.name.map { $0 == "/" || $0 == "\\" || $0.isNewline || $0.asciiValue.map { $0 < 32 } == true ? "_" : $0 })
      if name.isEmpty || name == "." || name == ".." { name = attachment.attachmentId.isEmpty ? "attachment-\(index + 1)" : attachment.attachmentId }
      if used.contains(name) { name = "\(index + 1)-\(name)" }
      used.insert(name)
      return name
    }
  }
}

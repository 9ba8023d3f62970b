import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl docs send`: sends one document (văn bản đi) to other agencies, its metadata given
/// as options (Nghị định 30/2020/NĐ-CP, Phụ lục VI) and its files with `--attach`.
///
/// Everything the command does carries one idempotency key — the send and each upload — so that
/// running it again with `--key` after a failure resumes the uploads where they stopped and
/// never delivers the document twice. The DocumentId comes first on standard output, alone on its
/// line, for scripts.
struct DocsSendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "send",
    abstract: "Send a document to other agencies, with its attachments.",
    discussion: """
      Example: reformctl docs send --organ 000.00.00.H41 --number 125 --notation CV/ĐUK \
      --type 'Công văn' --subject 'V/v triển khai Nghị quyết 01-NQ/ĐUK' --signer-name 'Nguyễn Thị Hương' \
      --signer-position 'Phó Bí thư' --to 000.00.31.H41 --to 000.00.32.H41 --due 2025-03-31 \
      --attach 125-CV-DUK.pdf

      Organ names are read from the registry when --to or --organ gives only an OrganId. The \
      document goes to every --to. Secret documents (Mật, Tối mật, Tuyệt mật) never travel \
      through this exchange. \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: DocsCommand.unitHelp) var unit: String = ""

  @Option(help: ArgumentHelp("OrganId of the issuing organ (mã định danh); the sending unit's when omitted.", valueName: "organ-id"))
  var organ: String = ""

  @Option(help: ArgumentHelp("Name of the issuing organ; the registry's when omitted.", valueName: "name"))
  var issuerName: String = ""

  @Option(help: ArgumentHelp("Số: the document's number, e.g. 125.", valueName: "number")) var number: String

  @Option(help: ArgumentHelp("Ký hiệu: the notation, e.g. CV/ĐUK.", valueName: "notation")) var notation: String

  @Option(help: "Ngày ban hành: the date of issue; today (Asia/Ho_Chi_Minh) when omitted.") var issued: DayArgument?

  @Option(help: ArgumentHelp("Tên loại văn bản, e.g. 'Công văn', 'Quyết định', 'Báo cáo'.", valueName: "type"))
  var type: String

  @Option(help: ArgumentHelp("Trích yếu: what the document is about, at most 500 characters.", valueName: "text"))
  var subject: String

  @Option(help: ArgumentHelp("Người ký: the signer's full name.", valueName: "name")) var signerName: String

  @Option(help: ArgumentHelp("The signer's position, e.g. 'Phó Bí thư'.", valueName: "position")) var signerPosition: String

  @Option(help: ArgumentHelp("Quyền hạn ký: TM., KT., TL. or TUQ.; none when signing in one's own name.", valueName: "competence"))
  var signerCompetence: String = ""

  @Option(help: ArgumentHelp("Địa danh, e.g. 'Lai Châu'.", valueName: "place")) var place: String = ""

  @Option(help: "A receiving organ: its OrganId, or OrganId=Name. Repeat for each.") var to: [OrganArgument] = []

  @Option(help: "Độ khẩn: normal (thường, the default), urgent (khẩn), very-urgent (thượng khẩn) or flash (hỏa tốc).")
  var urgency: UrgencyArgument?

  @Option(help: "Hạn xử lý: the date by which receivers must handle it.") var due: DayArgument?

  @Option(help: ArgumentHelp("Số trang: the page count.", valueName: "count")) var pages: Int32 = 0

  @Option(help: ArgumentHelp("DocumentId of a document this one answers. Repeat for several.", valueName: "document-id"))
  var inReplyTo: [String] = []

  @Option(help: ArgumentHelp("A file to attach (at most 50 MB). Repeat for several.", valueName: "file")) var attach: [String] = []

  @Option(help: ArgumentHelp("Send even though the document duplicates an earlier one, for this reason (recorded).", valueName: "reason"))
  var confirmDuplicate: String = ""

  @Option(help: ArgumentHelp("The idempotency key; one is made when omitted. Repeat a failed send with the key it printed.", valueName: "key"))
  var key: String?

  func validate() throws {
    guard !to.isEmpty else { throw ValidationError("--to: name at least one receiving organ") }
    for file in attach where !FileManager.default.isReadableFile(atPath: file) {
      throw ValidationError("--attach \(file): no such readable file")
    }
    guard pages >= 0 else { throw ValidationError("--pages must not be negative") }
  }

  func run() async throws {
    let key = self.key ?? UUID().uuidString
    let unit = unit, organ = organ, attach = attach, to = to, issuerName = issuerName
    let timeout = options.callTimeout
    let transfer = max(timeout, DocsCommand.transferTimeout)
    let base = ExchangeDocumentMetadata(
      organId: organ, codeNumber: number, codeNotation: notation, place: place, issuedDate: issued?.date ?? DayArgument.today,
      documentType: ExchangeDocumentType(name: type), subject: subject,
      signer: ExchangeSigner(competence: signerCompetence, position: signerPosition, fullName: signerName),
      pageCount: pages, dueDate: due?.date, urgency: urgency?.urgency ?? .normal, confidentiality: .normal,
      inReplyTo: inReplyTo)
    let confirmDuplicate = confirmDuplicate
    let response = try await TransferFailure.reporting {
      try await options.withClient { client in
        var metadata = base
        return try await KeyedRetry.resumable("the send", key: key, without: "sending twice") {
          metadata.issuingOrganName = try await Self.issuerName(issuerName, organ: organ, unit: unit, client: client, timeout: timeout)
          metadata.recipients = try await Self.recipients(to, client: client, timeout: timeout)
          var attachmentIds: [String] = []
          for (index, file) in attach.enumerated() {
            let upload = AttachmentUpload(path: file, key: "\(key)/attachment-\(index + 1)", unit: unit)
            attachmentIds.append(try await upload.run(client: client, timeout: transfer).attachmentId)
          }
          let request = ExchangeSendRequest(
            idempotencyKey: key, sender: ExchangeOrgan(unitCode: unit), metadata: metadata, attachmentIds: attachmentIds,
            confirmDuplicateReason: confirmDuplicate)
          return try await KeyedRetry.run("sending") {
            try await client.call(ExchangeService.Send.self, request, timeout: timeout)
          }
        }
      }
    }
    Self.report(response)
  }

  /// The issuing organ's name: as given, else the registry's for `organ` or for `unit`.
  private static func issuerName(
    _ given: String, organ: String, unit: String, client: ReformClient, timeout: Duration
  ) async throws -> String {
    if !given.isEmpty { return given }
    if !organ.isEmpty, let name = await OrganNames.name(of: organ, client: client, timeout: timeout) { return name }
    if !unit.isEmpty, let name = await OrganNames.name(ofUnit: unit, client: client, timeout: timeout) { return name }
    throw ValidationError(
      organ.isEmpty && unit.isEmpty
        ? "--issuer-name: give the issuing organ's name, or its OrganId with --organ so that the registry names it"
        : "--issuer-name: the registry does not name the issuing organ; give its name")
  }

  /// The recipients, each named by the registry when the command line gave only its OrganId.
  private static func recipients(_ organs: [OrganArgument], client: ReformClient, timeout: Duration) async throws
    -> [ExchangeOrgan]
  {
    var recipients: [ExchangeOrgan] = []
    for organ in organs {
      var name = organ.name
      if name.isEmpty {
        guard let known = await OrganNames.name(of: organ.organId, client: client, timeout: timeout) else {
          throw ValidationError("--to \(organ.organId): the registry does not name this organ; write it as '\(organ.organId)=Tên cơ quan'")
        }
        name = known
      }
      recipients.append(ExchangeOrgan(organId: organ.organId, name: name))
    }
    return recipients
  }

  /// Prints the DocumentId alone on its line, then every receiver's copy; what was attached and
  /// whether this was a repeat go to standard error.
  static func report(_ response: ExchangeSendResponse) {
    let document = response.document ?? ExchangeDocument()
    print(document.documentId)
    if response.replayed {
      StandardError.print("already sent with this key: nothing was sent again")
    }
    for attachment in document.attachments {
      StandardError.print("attached \(attachment.name) (\(DocsText.size(attachment.sizeBytes)), SHA-256 \(attachment.sha256))")
    }
    var table = TextTable([.text("RECEIVER"), .text("ORGAN ID"), .number("ARRIVAL NO."), .text("ARRIVED"), .text("STATE")])
    for delivery in response.deliveries {
      table.append([
        DocsText.organName(delivery.receiver), Format.orDash(delivery.receiver?.organId ?? ""), DocsText.arrival(delivery),
        Format.wallClock(delivery.arrivalTime), DocsText.state(delivery),
      ])
    }
    print(table.render())
  }
}

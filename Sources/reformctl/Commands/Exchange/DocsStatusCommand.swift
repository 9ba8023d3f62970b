import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl docs status`: a receiver's status notice on its copy of a document — 03 đã tiếp
/// nhận, 04 phân công, 05 đang xử lý, 06 hoàn thành, or 02 từ chối tiếp nhận with a reason —
/// sent back to the sender.
struct DocsStatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Give a status notice on a received document: 03, 04, 05, 06, or 02 with a reason.",
    discussion: """
      Example: reformctl docs status '000.00.00.H41,2025/03/01,125/CV-ĐUK' --code 04 --reason 'Phòng Tổ chức'

      States follow 01 → 02 or 03; 03 → 04, 05 or 06; 04 → 05 or 06; 05 → 06. \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: ArgumentHelp("The DocumentId.", valueName: "document-id")) var documentId: String

  @Option(help: DocsCommand.unitHelp) var unit: String = ""

  @Option(help: "The notice: 03 registered, 04 assigned, 05 in progress, 06 done, 02 refused.")
  var code: ProcessingStateArgument

  @Option(
    name: [.customLong("reason"), .customLong("detail")],
    help: ArgumentHelp("Why (required for 02), to whom it is assigned (04), or a note.", valueName: "text"))
  var reason: String = ""

  @Option(help: ArgumentHelp("The officer handling it (người xử lý).", valueName: "name")) var staff: String = ""

  @Option(help: ArgumentHelp("The officer's department (phòng, ban).", valueName: "name")) var department: String = ""

  @Option(help: ArgumentHelp("The idempotency key; one is made when omitted.", valueName: "key")) var key: String?

  func validate() throws {
    guard code.code != .arrived else { throw ValidationError("--code 01: đã đến is given automatically on delivery") }
    if code.code == .refused, reason.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--code 02: give the reason for refusing with --reason")
    }
  }

  func run() async throws {
    let request = ExchangeSendNoticeRequest(
      idempotencyKey: key ?? UUID().uuidString, documentId: documentId, unitCode: unit, code: code.code, detail: reason,
      staff: Self.staff(staff, department))
    let timeout = options.callTimeout
    let response = try await options.withClient { client in
      try await KeyedRetry.run("sending the notice") {
        try await client.call(ExchangeService.SendNotice.self, request, timeout: timeout)
      }
    }
    print(Self.confirmation(response))
  }

  /// The officer named in a notice, or none.
  static func staff(_ name: String, _ department: String) -> ExchangeStaff? {
    name.isEmpty && department.isEmpty ? nil : ExchangeStaff(fullName: name, department: department)
  }

  /// E.g. `04 phân công on 000.00.00.H41,2025/03/01,125/CV-ĐUK at Sở Nội vụ tỉnh Lai Châu; the
  /// copy is now 04 phân công`.
  static func confirmation(_ response: ExchangeSendNoticeResponse) -> String {
    let notice = response.notice ?? ExchangeNotice()
    return "\(DocsText.notice(notice.code)) on \(notice.documentId) at \(DocsText.organName(notice.fromOrgan)), "
      + "\(Format.wallClock(notice.time)); the copy is now \(DocsText.state(response.delivery))"
  }
}

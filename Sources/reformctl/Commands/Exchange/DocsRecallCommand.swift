import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl docs recall`: taking a document back. The sender asks for it (13 yêu cầu lấy
/// lại); a receiver answers with `--agree` (15 đồng ý lấy lại: its copy is voided and the
/// sender's document frozen) or `--refuse` (16 từ chối lấy lại, with a reason: handling goes on).
struct DocsRecallCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recall",
    abstract: "Ask for a sent document back (13), or answer a recall as its receiver (--agree 15, --refuse 16).",
    discussion: """
      Examples:
        reformctl docs recall '000.00.00.H41,2025/03/01,125/CV-ĐUK' --reason 'Sai số ký hiệu'
        reformctl docs recall '000.00.00.H41,2025/03/01,125/CV-ĐUK' --unit DBCS-SNV --agree
      \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: ArgumentHelp("The DocumentId.", valueName: "document-id")) var documentId: String

  @Option(help: DocsCommand.unitHelp) var unit: String = ""

  @Option(help: ArgumentHelp("Why: required to ask (13) and to refuse (16).", valueName: "text")) var reason: String = ""

  @Option(help: ArgumentHelp("As the sender, ask only this receiver (OrganId); every receiver when omitted. Repeat for several.", valueName: "organ-id"))
  var receiver: [String] = []

  @Flag(help: "As a receiver, agree to give the document back (15): your copy is voided.") var agree = false

  @Flag(help: "As a receiver, refuse to give it back (16); --reason required.") var refuse = false

  @Option(help: ArgumentHelp("The officer handling it (người xử lý).", valueName: "name")) var staff: String = ""

  @Option(help: ArgumentHelp("The officer's department (phòng, ban).", valueName: "name")) var department: String = ""

  @Option(help: ArgumentHelp("The idempotency key; one is made when omitted.", valueName: "key")) var key: String?

  func validate() throws {
    guard !(agree && refuse) else { throw ValidationError("--agree and --refuse: give one of them") }
    if (agree || refuse) && !receiver.isEmpty {
      throw ValidationError("--receiver: only the sender names receivers; a receiver answers for its own copy")
    }
    if !agree, reason.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError(refuse ? "--refuse: give the reason with --reason" : "--reason: say why the document is recalled")
    }
    if !agree && !refuse && !unit.isEmpty {
      throw ValidationError("--unit: a recall is asked by the document's sender; --unit is for a receiver answering it")
    }
  }

  func run() async throws {
    let key = key ?? UUID().uuidString
    let staff = DocsStatusCommand.staff(staff, department)
    let timeout = options.callTimeout
    if agree || refuse {
      let request = ExchangeSendNoticeRequest(
        idempotencyKey: key, documentId: documentId, unitCode: unit, code: agree ? .recallAgreed : .recallRefused,
        detail: reason, staff: staff)
      let response = try await options.withClient { client in
        try await KeyedRetry.run("answering the recall") {
          try await client.call(ExchangeService.SendNotice.self, request, timeout: timeout)
        }
      }
      print(DocsStatusCommand.confirmation(response))
      return
    }
    let request = ExchangeRecallRequest(
      idempotencyKey: key, documentId: documentId, receiverOrganIds: receiver, reason: reason, staff: staff)
    let response = try await options.withClient { client in
      try await KeyedRetry.run("recalling") {
        try await client.call(ExchangeService.Recall.self, request, timeout: timeout)
      }
    }
    guard !response.notices.isEmpty else {
      print("no receiver was asked: every copy is void already")
      return
    }
    var table = TextTable([.text("ASKED"), .text("ORGAN ID"), .text("NOTICE"), .text("TIME")])
    for notice in response.notices {
      table.append([
        DocsText.organName(notice.toOrgan), Format.orDash(notice.toOrgan?.organId ?? ""), DocsText.notice(notice.code),
        Format.wallClock(notice.time),
      ])
    }
    print(table.render())
  }
}

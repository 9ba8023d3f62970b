import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl docs trace`: the sender's view of a document — every receiver's copy and every
/// notice about it, oldest first (01 first) — as a table or CSV.
struct DocsTraceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract: "Show every receiver's history of a sent document, notice by notice.",
    discussion: """
      Example: reformctl docs trace '000.00.00.H41,2025/03/01,125/CV-ĐUK' --format csv > trace.csv
      \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: ArgumentHelp("The DocumentId.", valueName: "document-id")) var documentId: String

  @Option(help: "table, or csv for a spreadsheet.") var format: ListFormat = .table

  func run() async throws {
    let request = ExchangeGetTraceRequest(documentId: documentId)
    let trace = try await options.call(ExchangeService.GetTrace.self, request)
    switch format {
    case .table: print(Self.table(trace))
    case .csv: print(Self.csv(trace), terminator: "")
    }
  }

  static func table(_ trace: ExchangeTrace) -> String {
    let document = trace.document ?? ExchangeDocument()
    var lines = ["\(document.documentId)  \(DocsText.cut(document.metadata?.subject ?? "", 100))"]
    guard !trace.receivers.isEmpty else { return (lines + ["no receivers"]).joined(separator: "\n") }
    var table = TextTable([
      .text("RECEIVER"), .number("ARRIVAL NO."), .text("NOTICE"), .text("TIME"), .text("DETAIL"), .text("STAFF"),
      .text("RECORDED BY"),
    ])
    for receiver in trace.receivers {
      let delivery = receiver.delivery
      for (index, notice) in receiver.notices.enumerated() {
        table.append([
          index == 0 ? DocsText.organName(delivery?.receiver) : "", index == 0 ? DocsText.arrival(delivery) : "",
          DocsText.notice(notice.code), Format.wallClock(notice.time), DocsText.cut(notice.detail, 40), DocsText.staff(notice.staff),
          Format.orDash(notice.recorded?.displayName ?? ""),
        ])
      }
      if receiver.notices.isEmpty {
        table.append([DocsText.organName(delivery?.receiver), DocsText.arrival(delivery), DocsText.state(delivery)])
      }
    }
    lines.append(table.render())
    return lines.joined(separator: "\n")
  }

  static func csv(_ trace: ExchangeTrace) -> String {
    var rows = CSVRows(header: [
      "document_id", "receiver_organ_id", "receiver_name", "arrival_year", "arrival_number", "code", "notice", "time",
      "detail", "staff", "department", "recorded_by", "from_organ_id", "to_organ_id",
    ])
    let documentId = trace.document?.documentId ?? ""
    for receiver in trace.receivers {
      let delivery = receiver.delivery ?? ExchangeDelivery()
      for notice in receiver.notices {
        rows.append([
          documentId, delivery.receiver?.organId ?? "", delivery.receiver?.name ?? "", String(delivery.arrivalYear),
          String(delivery.arrivalNumber), String(format: "%02d", notice.code.rawValue), DocsText.notice(notice.code),
          Format.wallClock(notice.time), notice.detail, notice.staff?.fullName ?? "", notice.staff?.department ?? "",
          notice.recorded?.displayName ?? "", notice.fromOrgan?.organId ?? "", notice.toOrgan?.organId ?? "",
        ])
      }
    }
    return rows.render()
  }
}

import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl docs inbox`: a unit's incoming book (sổ văn bản đến) — urgent documents first,
/// then by arrival number — filtered by state, urgency, arrival dates, subject or overdue, as a
/// table or CSV.
///
/// The Watch cursor of the moment the list was read goes to standard error, so that
/// `docs watch --cursor` can follow on from the list without missing an arrival.
struct DocsInboxCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inbox",
    abstract: "List a unit's incoming documents: urgent first, then by arrival number.",
    discussion: """
      Example: reformctl docs inbox --status 01 --urgency flash --overdue --since 2025-01-01
      \(ExitStatus.help)
      """
  )

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: DocsCommand.unitHelp) var unit: String = ""

  @Option(help: "Only copies in this processing state: 01 to 06. Repeat for several.") var status: [ProcessingStateArgument] = []

  @Option(help: "Only documents of this urgency: normal, urgent, very-urgent or flash (or khẩn, thượng khẩn, hỏa tốc). Repeat for several.")
  var urgency: [UrgencyArgument] = []

  @Flag(help: "Only copies past their due date without 06 hoàn thành.") var overdue = false

  @Option(help: "Only documents that arrived on or after this day.") var since: DayArgument?

  @Option(help: "Only documents that arrived on or before this day.") var until: DayArgument?

  @Option(help: ArgumentHelp("Only documents whose subject contains this text (diacritics and case ignored).", valueName: "text"))
  var subject: String = ""

  @Flag(help: "Include copies voided by a recall.") var includeVoided = false

  @Flag(help: "Within one urgency, the newest arrival first.") var newestFirst = false

  @Option(help: "At most this many documents.") var limit: Int = 100

  @Option(help: "table, or csv for a spreadsheet.") var format: ListFormat = .table

  func validate() throws {
    guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
  }

  func run() async throws {
    var request = ExchangeListInboxRequest(
      unitCode: unit, statuses: status.map(\.code), urgencies: urgency.map(\.urgency), overdueOnly: overdue,
      includeVoided: includeVoided, subjectContains: subject, newestFirst: newestFirst)
    if since != nil || until != nil {
      // The exchange takes closed ranges: an open end is the calendar's.
      request.arrivalDates = DateRange(
        first: since?.date ?? CalendarDate(year: 1, month: 1, day: 1), last: until?.date ?? CalendarDate(year: 9999, month: 12, day: 31))
    }
    let query = request, limit = limit, timeout = options.callTimeout
    let (items, total, cursor) = try await options.withClient { client in
      var items: [ExchangeIncoming] = []
      var page = PageRequest(pageSize: Int32(min(limit, 1000)))
      var total: Int64 = 0
      var cursor = ""
      repeat {
        var paged = query
        paged.page = page
        let response = try await client.call(ExchangeService.ListInbox.self, paged, timeout: timeout)
        // The cursor of the first page: watching from it misses nothing listed after it.
        if cursor.isEmpty { cursor = response.watchCursor }
        items += response.items
        total = response.page?.totalCount ?? Int64(items.count)
        page.pageToken = response.page?.nextPageToken ?? ""
      } while !page.pageToken.isEmpty && items.count < limit
      return (Array(items.prefix(limit)), total, cursor)
    }
    print(format == .csv ? Self.csv(items) : Self.table(items), terminator: format == .csv ? "" : "\n")
    let noun = total == 1 ? "document" : "documents"
    let shown = total > Int64(items.count) ? "\(items.count) of \(total) \(noun)" : "\(items.count) \(noun)"
    StandardError.print("\(shown); to follow new arrivals: reformctl docs watch --cursor \(cursor)")
  }

  static func table(_ items: [ExchangeIncoming]) -> String {
    guard !items.isEmpty else { return "no documents" }
    var table = TextTable([
      .number("ARRIVAL NO."), .text("ARRIVED"), .text("URGENCY"), .text("DOCUMENT"), .text("FROM"), .text("SUBJECT"),
      .text("DUE"), .text("STATE"), .text("OVERDUE"),
    ])
    for item in items {
      let document = item.document ?? ExchangeDocument()
      let metadata = document.metadata ?? ExchangeDocumentMetadata()
      table.append([
        DocsText.arrival(item.delivery), Format.wallClock(item.delivery?.arrivalTime), DocsText.urgency(metadata.urgency),
        document.documentId, DocsText.cut(DocsText.organName(document.sender), 32), DocsText.cut(metadata.subject, 50),
        DocsText.day(metadata.dueDate), DocsText.state(item.delivery), item.delivery?.overdue == true ? "quá hạn" : "",
      ])
    }
    return table.render()
  }

  static func csv(_ items: [ExchangeIncoming]) -> String {
    var rows = CSVRows(header: [
      "arrival_year", "arrival_number", "arrival_time", "urgency", "document_id", "number", "notation", "issued", "type",
      "from_organ_id", "from_name", "subject", "due", "status", "recall_status", "overdue", "voided",
    ])
    for item in items {
      let document = item.document ?? ExchangeDocument()
      let metadata = document.metadata ?? ExchangeDocumentMetadata()
      let delivery = item.delivery ?? ExchangeDelivery()
      rows.append([
        String(delivery.arrivalYear), String(delivery.arrivalNumber), Format.wallClock(delivery.arrivalTime),
        DocsText.urgency(metadata.urgency), document.documentId, metadata.codeNumber, metadata.codeNotation,
        DocsText.day(metadata.issuedDate), metadata.documentType?.name ?? "", document.sender?.organId ?? "",
        document.sender?.name ?? "", metadata.subject, metadata.dueDate.map { DocsText.day($0) } ?? "",
        DocsText.notice(delivery.status), delivery.recallStatus == .unspecified ? "" : DocsText.notice(delivery.recallStatus),
        delivery.overdue ? "yes" : "no", delivery.voided == nil ? "no" : "yes",
      ])
    }
    return rows.render()
  }
}

import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl audit`: what was changed or read, by whom, when, and how it ended — newest
/// first. Admins and inspectors only; no command can change an entry.
struct AuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus("audit", abstract: "Show the audit log, newest first, with filters.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "Only calls by this principal id.")
  var principal: String = ""

  @Option(help: "Only calls of this method path, e.g. /reform.v1.Exchange/Send.")
  var method: String = ""

  @Option(help: "Only calls for this unit.")
  var unit: String = ""

  @Option(help: "Only entries about this target, e.g. a document id.")
  var target: String = ""

  @Flag(help: "Only refused calls.")
  var denied = false

  @Option(help: "How many entries at most.")
  var limit: Int32 = 50

  func run() async throws {
    let request = AdminQueryAuditRequest(
      page: PageRequest(pageSize: limit), principalId: principal, method: method, unitCode: unit, target: target,
      actions: denied ? [.denied] : [], newestFirst: true)
    let entries = try await options.call(AdminService.QueryAudit.self, request).entries
    let columns: [TextTable.Column] = [
      .number("SEQ"), .text("TIME"), .text("PRINCIPAL"), .text("METHOD"), .text("UNIT"), .text("TARGET"), .text("ACTION"), .text("STATUS"),
      .number("CALLS"), .text("MESSAGE"),
    ]
    TextTable.print(entries, columns: columns, ifNone: "no entries") { entry in
      [
        String(entry.sequence), Format.wallClock(entry.time), Format.orDash(entry.principal?.id ?? ""), entry.method,
        Format.orDash(entry.unitCode), Format.orDash(String(entry.target.prefix(40))), Format.enumName(entry.action.description, prefix: "ADMIN_AUDIT_ACTION_").lowercased(),
        entry.statusCode == 0 ? "OK" : ReformError.Code(rawValue: Int(entry.statusCode))?.description ?? String(entry.statusCode),
        // A refusal entry stands for every refusal of its peer, method and reason in its window.
        String(max(1, entry.count)), String(entry.message.prefix(60)),
      ]
    }
  }
}

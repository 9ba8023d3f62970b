import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl audit`: what was changed or read, by whom, when, and how it ended — newest
/// first. Admins and inspectors only; no command can change an entry.
struct AuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Show the audit log, newest first, with filters.",
    discussion: ExitStatus.help
  )

  @OptionGroup(title: "Connection")
  var options: GlobalOptions

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
    let timeout = options.callTimeout
    try await options.withClient { client in
      let entries = try await client.call(AdminService.QueryAudit.self, request, timeout: timeout).entries
      guard !entries.isEmpty else {
        print("no entries")
        return
      }
      var table = TextTable([
        .number("SEQ"), .text("TIME"), .text("PRINCIPAL"), .text("METHOD"), .text("UNIT"), .text("TARGET"), .text("ACTION"), .text("STATUS"),
        .number("CALLS"), .text("MESSAGE"),
      ])
      for entry in entries {
        table.append([
          String(entry.sequence), Format.wallClock(entry.time), Format.orDash(entry.principal?.id ?? ""), entry.method,
          Format.orDash(entry.unitCode), Format.orDash(String(entry.target.prefix(40))), Format.enumName(entry.action.description, prefix: "ADMIN_AUDIT_ACTION_").lowercased(),
          entry.statusCode == 0 ? "OK" : ReformError.Code(rawValue: Int(entry.statusCode))?.description ?? String(entry.statusCode),
          // A refusal entry stands for every refusal of its peer, method and reason in its window.
          String(max(1, entry.count)), String(entry.message.prefix(60)),
        ])
      }
      print(table.render())
    }
  }
}

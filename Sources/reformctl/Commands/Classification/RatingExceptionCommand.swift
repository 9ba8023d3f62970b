import ArgumentParser
import Foundation
import ReformWire

/// `reformctl rating exception`: an authority's permission for a unit to exceed the HTXSNV
/// quota in a year (Nghị định 335/2025/NĐ-CP, for outstanding organisations) — grant,
/// revoke, list.
struct RatingExceptionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exception",
    abstract: "Grant, revoke or list quota exceptions.",
    subcommands: [Grant.self, Revoke.self, List.self],
    defaultSubcommand: List.self
  )

  /// `reformctl rating exception grant --unit SNV --year 2025 --share 30 --authority … --decision …`.
  struct Grant: AsyncParsableCommand {
    static let configuration = CommandConfiguration.withExitStatus(
      abstract: "Record an exception to the quota for a unit (or one duty group of it) in a year.",
      details: """
        Give exactly one of --unlimited, --share, --max-count or --extra-places. Runs after the grant apply \
        it; ratings already final change only by a rerun. One live exception per unit, duty \
        group and year.
        """)

    @OptionGroup(title: "Connection") var options: GlobalOptions

    @Option(help: "The quota unit it applies to.") var unit: String

    @Option(help: "The year it applies to.") var year: Int32

    @Option(help: "Only this duty group of the unit; the whole unit when omitted.") var dutyGroup: String = ""

    @Flag(help: "No quota for the group this year.") var unlimited = false

    @Option(help: "A higher share than the rule set's, as a percentage, e.g. 30.") var share: RatingShareArgument?

    @Option(help: ArgumentHelp("A fixed maximum count of HTXSNV.", valueName: "count")) var maxCount: Int32?

    @Option(help: ArgumentHelp("Places on top of the number the rule set's share allows.", valueName: "count"))
    var extraPlaces: Int32?

    @Option(help: "The granting authority, e.g. \"Ban Thường vụ Tỉnh ủy\".") var authority: String

    @Option(help: ArgumentHelp("The decision granting it: its number, e.g. 123-QĐ/TU.", valueName: "number"))
    var decision: String

    @Option(help: ArgumentHelp("The decision's date.", valueName: "YYYY-MM-DD")) var decisionDate: String?

    @Option(help: "Why it was granted.") var reason: String = ""

    func validate() throws {
      guard (1900...9999).contains(year) else { throw ValidationError("--year \(year): not a year") }
      let given = [unlimited, share != nil, maxCount != nil, extraPlaces != nil].filter { $0 }.count
      guard given == 1 else { throw ValidationError("give exactly one of --unlimited, --share, --max-count, --extra-places") }
      if let maxCount, maxCount < 0 { throw ValidationError("--max-count must be 0 or more") }
      if let extraPlaces, extraPlaces < 1 { throw ValidationError("--extra-places must be 1 or more") }
      if let decisionDate, RatingCells.date(decisionDate) == nil {
        throw ValidationError("--decision-date \(decisionDate): not a date (YYYY-MM-DD)")
      }
    }

    func run() async throws {
      let grant: RatingQuotaException.Grant
      if unlimited {
        grant = .unlimited(true)
      } else if let share {
        grant = .shareBasisPoints(share.basisPoints)
      } else if let extraPlaces {
        grant = .extraPlaces(extraPlaces)
      } else {
        grant = .maxExcellentCount(maxCount ?? 0)
      }
      let exception = RatingQuotaException(
        unitCode: unit, dutyGroup: dutyGroup, year: year, grant: grant, authority: authority,
        decision: SourceRef(document: decision, issued: decisionDate.flatMap(RatingCells.date)), reason: reason)
      let request = ClassificationGrantQuotaExceptionRequest(exception: exception, idempotencyKey: UUID().uuidString)
      let response = try await options.call(ClassificationService.GrantQuotaException.self, request)
      let recorded = response.exception ?? exception
      print("granted \(recorded.id): \(RatingExceptionCommand.describe(recorded))")
    }
  }

  /// `reformctl rating exception revoke QE-… --reason …`.
  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration.withExitStatus(
      abstract: "Revoke an exception: it is kept, with the reason, and no longer applied to later runs.")

    @OptionGroup(title: "Connection") var options: GlobalOptions

    @Argument(help: "The exception's id.") var id: String

    @Option(help: "Why it is revoked.") var reason: String

    func run() async throws {
      let request = ClassificationRevokeQuotaExceptionRequest(id: id, reason: reason, idempotencyKey: UUID().uuidString)
      let response = try await options.call(ClassificationService.RevokeQuotaException.self, request)
      let revoked = response.exception ?? RatingQuotaException(id: id)
      print("revoked \(revoked.id): \(RatingExceptionCommand.describe(revoked))")
    }
  }

  /// `reformctl rating exception list --year 2025`.
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration.withExitStatus(
      abstract: "List quota exceptions: unit, duty group, year, what is granted, by whom and on what decision.")

    @OptionGroup(title: "Connection") var options: GlobalOptions

    @Option(help: "Only this year; every year when omitted.") var year: Int32 = 0

    @Option(help: "Only units in this unit's subtree.") var unit: String = ""

    @Flag(help: "Include revoked exceptions.") var includeRevoked = false

    @Option(help: "table or csv.") var format: RatingOutputFormat = .table

    func run() async throws {
      let base = ClassificationListQuotaExceptionsRequest(year: year, unitCode: unit, includeRevoked: includeRevoked)
      let timeout = options.callTimeout
      let exceptions = try await options.withClient { client in
        try await client.everyPage(
          ClassificationService.ListQuotaExceptions.self, items: \.exceptions, page: \.page, timeout: timeout
        ) {
          var request = base
          request.page = PageRequest(pageSize: 500, pageToken: $0)
          return request
        }.items
      }
      let header = [
        "id", "unit_code", "duty_group", "year", "grant", "authority", "decision", "reason", "recorded_by", "recorded_at",
        "revoked", "revoked_reason",
      ]
      let rows = exceptions.map { exception in
        [
          exception.id, exception.unitCode, exception.dutyGroup, String(exception.year),
          RatingExceptionCommand.grant(exception.grant), exception.authority, RatingText.citation(exception.decision),
          exception.reason, RatingText.principal(exception.recordedBy), Format.wallClock(exception.recordedAt),
          exception.revoked ? "yes" : "no", exception.revokedReason,
        ]
      }
      switch format {
      case .csv:
        FileHandle.standardOutput.write(Data(([header] + rows).map(CSVText.line).joined().utf8))
      case .table:
        guard !rows.isEmpty else {
          print("no quota exceptions")
          return
        }
        var table = TextTable(header.map { .text($0.uppercased().replacingOccurrences(of: "_", with: " ")) })
        for row in rows { table.append(row.map(Format.orDash)) }
        print(table.render())
      }
    }
  }

  /// What is granted, in words: `unlimited`, `share 30.00%`, `at most 5 HTXSNV`,
  /// `2 extra places`.
  static func grant(_ grant: RatingQuotaException.Grant?) -> String {
    switch grant {
    case .unlimited?: "unlimited"
    case .shareBasisPoints(let share)?: "share \(RatingText.share(share))"
    case .maxExcellentCount(let count)?: "at most \(count) HTXSNV"
    case .extraPlaces(let places)?: places == 1 ? "1 extra place" : "\(places) extra places"
    case nil: "-"
    }
  }

  /// An exception in a sentence.
  static func describe(_ exception: RatingQuotaException) -> String {
    let group = exception.dutyGroup.isEmpty ? "" : ", duty group \(exception.dutyGroup)"
    let state = exception.revoked ? " (revoked: \(Format.orDash(exception.revokedReason)))" : ""
    return "\(exception.unitCode)\(group), \(exception.year): \(grant(exception.grant)), granted by "
      + "\(Format.orDash(exception.authority)) in \(RatingText.citation(exception.decision))\(state)"
  }
}

import Foundation
import ReformClient
import ReformWire

/// What must hold after the soak, checked against what the load was told: each a name, whether
/// it held, and what was found.
struct SoakInvariant: Sendable {
  var name: String
  var held: Bool
  var detail: String
}

enum SoakInvariants {
  static func check(_ client: ReformClient, bloc: LoadBloc, ledger: LoadLedger) async throws -> [SoakInvariant] {
    var results: [SoakInvariant] = []
    results += try await sends(client, bloc: bloc, ledger: ledger)
    results.append(try await values(client, ledger: ledger))
    results.append(try await quota(client))
    results.append(try await finalRuns(client, ledger: ledger))
    results.append(try await programmes(client, bloc: bloc, ledger: ledger))
    return results
  }

  // MARK: Documents

  private static func sends(_ client: ReformClient, bloc: LoadBloc, ledger: LoadLedger) async throws -> [SoakInvariant] {
    let acknowledged = await ledger.sends
    let unresolved = await ledger.unresolvedSends.count
    var problems: [String] = []
    var listedTotal = 0
    for sender in bloc.senders {
      let listed = try await client.everyPage(ExchangeService.ListSent.self, items: \.items, page: \.page, timeout: .seconds(60)) {
        ExchangeListSentRequest(page: PageRequest(pageSize: 1000, pageToken: $0), unitCode: sender.code)
      }.items.compactMap { $0.document?.documentId }.filter { !bloc.earlierDocuments.contains($0) }
      listedTotal += listed.count
      let counts = Dictionary(listed.map { ($0, 1) }, uniquingKeysWith: +)
      for send in acknowledged where send.sender == sender.code && counts[send.documentId] != 1 {
        problems.append("\(send.documentId) of \(sender.code) is listed \(counts[send.documentId] ?? 0) times")
      }
      for (id, count) in counts where count > 1 { problems.append("\(id) listed \(count) times") }
    }
    // Sends never acknowledged may or may not have been stored; no more than they.
    if listedTotal > acknowledged.count + unresolved {
      problems.append("\(listedTotal) stored, but only \(acknowledged.count) acknowledged and \(unresolved) unresolved")
    }
    let writes = SoakInvariant(
      name: "every acknowledged send stored exactly once", held: problems.isEmpty,
      detail: problems.isEmpty
        ? "\(acknowledged.count) acknowledged, \(listedTotal) stored, \(unresolved) attempted and never acknowledged"
        : problems.prefix(5).joined(separator: "; "))

    var gaps: [String] = []
    var watchProblems: [String] = []
    var arrivals = 0
    for receiver in bloc.receivers {
      let inbox = try await client.everyPage(ExchangeService.ListInbox.self, items: \.items, page: \.page, timeout: .seconds(60)) {
        ExchangeListInboxRequest(page: PageRequest(pageSize: 1000, pageToken: $0), unitCode: receiver.code)
      }.items
      arrivals += inbox.count
      for (year, copies) in Dictionary(grouping: inbox, by: { $0.delivery?.arrivalYear ?? 0 }) {
        let numbers = copies.compactMap { $0.delivery?.arrivalNumber }.sorted()
        if numbers != Array(1...Int64(max(numbers.count, 1))).prefix(numbers.count).map({ $0 }) {
          gaps.append("\(receiver.code) \(year): \(numbers.count) copies, numbers \(numbers.first ?? 0)…\(numbers.last ?? 0)")
        }
      }
      let watched = await ledger.watched[receiver.code] ?? []
      let ids = watched.map(\.documentId)
      if Set(ids).count != ids.count { watchProblems.append("\(receiver.code): a document delivered twice") }
      if Set(watched.map(\.cursor)).count != watched.count { watchProblems.append("\(receiver.code): a cursor delivered twice") }
      let stored = Set(inbox.compactMap { $0.document?.documentId }).subtracting(bloc.earlierDocuments)
      if Set(ids).subtracting(bloc.earlierDocuments) != stored {
        watchProblems.append(
          "\(receiver.code): watched \(Set(ids).count), inbox \(stored.count), missed \(stored.subtracting(ids).count)")
      }
    }
    let numbers = SoakInvariant(
      name: "arrival numbers gapless", held: gaps.isEmpty,
      detail: gaps.isEmpty ? "\(arrivals) copies in \(bloc.receivers.count) inboxes numbered 1…n" : gaps.joined(separator: "; "))
    let watches = SoakInvariant(
      name: "every watch delivered each arrival once", held: watchProblems.isEmpty,
      detail: watchProblems.isEmpty
        ? "\(bloc.receivers.count) watches, resumed \(await ledger.watchBreaks) times from their cursors"
        : watchProblems.joined(separator: "; "))
    return [writes, numbers, watches]
  }

  // MARK: Indicators

  private static func values(_ client: ReformClient, ledger: LoadLedger) async throws -> SoakInvariant {
    let last = await ledger.lastValues
    let unresolved = await ledger.unresolvedReports
    var problems: [String] = []
    var checked = 0
    for (unit, entries) in last where !unresolved.contains(unit) {
      let stored = try await client.call(
        RegistryService.ListValues.self,
        ListValuesRequest(
          page: PageRequest(pageSize: 1000), setId: LoadBloc.setId, indicatorCodes: entries.map(\.indicatorCode), unitCode: unit,
          periods: [LoadBloc.reportingPeriod]),
        timeout: .seconds(60))
      let byCode = Dictionary(stored.values.map { ($0.indicatorCode, ($0.numerator, $0.denominator)) }, uniquingKeysWith: { a, _ in a })
      for entry in entries where byCode[entry.indicatorCode].map({ $0 != (entry.numerator, entry.denominator) }) ?? true {
        problems.append("\(unit) \(entry.indicatorCode): stored \(byCode[entry.indicatorCode].map { "\($0.0)/\($0.1)" } ?? "nothing"), acknowledged \(entry.numerator)/\(entry.denominator)")
      }
      checked += 1
    }
    return SoakInvariant(
      name: "every unit's last acknowledged values stored", held: problems.isEmpty,
      detail: problems.isEmpty
        ? "\(checked) units checked (\(unresolved.count) left with a report unacknowledged)" : problems.prefix(5).joined(separator: "; "))
  }

  // MARK: Rating

  /// Recounts the current final results: in each quota group the HTXSNV are within what the
  /// rule set's share of the HTTNV (or of those rated) allows.
  private static func quota(_ client: ReformClient) async throws -> SoakInvariant {
    let ratings = try await client.everyPage(
      ClassificationService.ListResults.self, items: \.ratings, page: \.page, timeout: .seconds(60)
    ) { ClassificationListResultsRequest(page: PageRequest(pageSize: 1000, pageToken: $0), year: LoadBloc.ratingYear) }.items
    var quotas: [String: RatingQuotaConfig] = [:]
    for key in Set(ratings.map { "\($0.ruleSetId)#\($0.ruleSetVersion)" }) {
      let parts = key.split(separator: "#")
      let set = try await client.call(
        ClassificationService.GetRuleSet.self,
        ClassificationGetRuleSetRequest(id: String(parts[0]), version: Int32(parts[1]) ?? 0), timeout: .seconds(30))
      if let quota = set.ruleSet?.quota, quota.enabled { quotas[key] = quota }
    }
    var groups: [String: (quota: RatingQuotaConfig, excellent: Int, good: Int, rated: Int)] = [:]
    for rating in ratings {
      guard let quota = quotas["\(rating.ruleSetId)#\(rating.ruleSetVersion)"], quota.subjectKinds.contains(rating.subjectKind) else {
        continue
      }
      let unit = quota.perUnit ? rating.quotaUnitCode : ""
      var keys = ["\(rating.subjectKind)|\(unit)|"]
      if quota.perDutyGroup, !rating.dutyGroup.isEmpty { keys.append("\(rating.subjectKind)|\(unit)|\(rating.dutyGroup)") }
      for key in keys {
        var group = groups[key] ?? (quota, 0, 0, 0)
        group.rated += 1
        if rating.level == .htxsnv { group.excellent += 1 }
        if rating.level == .httnv { group.good += 1 }
        groups[key] = group
      }
    }
    var over: [String] = []
    for (key, group) in groups {
      let base = group.quota.basis == .ratedCount ? group.rated : group.good
      let share = Int(group.quota.shareBasisPoints)
      let allowed = group.quota.rounding == .halfUp ? (share * base + 5_000) / 10_000 : share * base / 10_000
      if group.excellent > allowed { over.append("\(key): \(group.excellent) HTXSNV, \(allowed) allowed") }
    }
    return SoakInvariant(
      name: "no rating quota exceeded", held: over.isEmpty && !ratings.isEmpty,
      detail: over.isEmpty ? "\(ratings.count) current final ratings in \(groups.count) quota groups" : over.prefix(5).joined(separator: "; "))
  }

  private static func finalRuns(_ client: ReformClient, ledger: LoadLedger) async throws -> SoakInvariant {
    let acknowledged = await ledger.finalRuns
    let runs = try await client.everyPage(ClassificationService.ListRuns.self, items: \.runs, page: \.page, timeout: .seconds(60)) {
      ClassificationListRunsRequest(page: PageRequest(pageSize: 1000, pageToken: $0), year: LoadBloc.ratingYear, mode: .final)
    }.items.map(\.id)
    let counts = Dictionary(runs.map { ($0, 1) }, uniquingKeysWith: +)
    let missing = acknowledged.filter { counts[$0] != 1 }
    return SoakInvariant(
      name: "every acknowledged final rating run recorded once", held: missing.isEmpty,
      detail: missing.isEmpty
        ? "\(acknowledged.count) acknowledged, \(runs.count) final runs recorded (\(await ledger.unresolvedFinalRuns) unresolved)"
        : "not recorded once: \(missing.prefix(5).joined(separator: ", "))")
  }

  // MARK: Inspection

  /// Every version of the programme is valid: each due visit placed at most once or listed
  /// unplaced, inside its window, no team in two places at once, no inspector on their own
  /// unit or on leave on one of the visit's working days (for visits not yet begun); versions
  /// run 1…n, one per acknowledged replan.
  private static func programmes(_ client: ReformClient, bloc: LoadBloc, ledger: LoadLedger) async throws -> SoakInvariant {
    let latest = try await client.call(
      InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: bloc.programmeId), timeout: .seconds(60))
    let replans = await ledger.replannedVersions
    let unresolved = await ledger.unresolvedReplans
    var problems: [String] = []
    if Set(replans).count != replans.count { problems.append("a replan version was acknowledged twice") }
    if latest.version < 1 + Int32(replans.count) || latest.version > 1 + Int32(replans.count + unresolved) {
      problems.append("latest version \(latest.version) after \(replans.count) acknowledged replans (\(unresolved) unresolved)")
    }
    let calendar = try await client.call(
      InspectionService.GetCalendar.self, InspectionGetCalendarRequest(year: latest.year), timeout: .seconds(60))
    let workingDays = Set(calendar.days.filter(\.working).map { ordinal($0.date) })
    for version in 1...max(latest.version, 1) {
      let programme = try await client.call(
        InspectionService.GetProgramme.self,
        InspectionGetProgrammeRequest(programmeId: bloc.programmeId, version: version, includeInput: true), timeout: .seconds(60))
      problems += violations(programme, workingDays: workingDays).map { "v\(version): \($0)" }
    }
    return SoakInvariant(
      name: "every programme version valid", held: problems.isEmpty,
      detail: problems.isEmpty
        ? "\(latest.version) versions checked (\(replans.count) replans acknowledged, \(unresolved) unresolved)"
        : problems.prefix(5).joined(separator: "; "))
  }

  /// What is wrong with one programme; `workingDays` are the ordinals of its year's working days.
  static func violations(_ programme: InspectionProgramme, workingDays: Set<Int>) -> [String] {
    guard let input = programme.input else { return ["no input returned"] }
    var problems: [String] = []
    let dues = Dictionary(input.visitsDue.map { ($0.dueId, $0) }, uniquingKeysWith: { a, _ in a })
    let placed = programme.visits.map(\.dueId)
    if Set(placed).count != placed.count { problems.append("a due visit placed twice") }
    if Set(placed).union(programme.unplaced.compactMap { $0.due?.dueId }) != Set(dues.keys) {
      problems.append("placed and unplaced visits do not cover the due visits exactly")
    }
    let teams = Dictionary(input.teams.map { ($0.teamId, $0) }, uniquingKeysWith: { a, _ in a })
    let today = Calendar.current.dateComponents(in: TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current, from: Date())
    let todayOrdinal = ordinal(CalendarDate(year: Int32(today.year ?? 0), month: Int32(today.month ?? 0), day: Int32(today.day ?? 0)))
    for visit in programme.visits {
      let first = ordinal(visit.firstDay), last = ordinal(visit.lastDay)
      let days = workingDays.filter { (first...last).contains($0) }
      if first > last { problems.append("\(visit.visitId) ends before it begins") }
      if let window = dues[visit.dueId]?.window, ordinal(window.first) > first || ordinal(window.last) < last {
        problems.append("\(visit.visitId) outside its window")
      }
      for inspector in teams[visit.teamId]?.inspectors ?? [] {
        if inspector.homeUnitCode == visit.unitCode || inspector.conflictUnitCodes.contains(visit.unitCode) {
          problems.append("\(visit.visitId): \(inspector.inspectorId) inspects their own unit")
        }
        if first >= todayOrdinal,
          inspector.unavailable.contains(where: { leave in
            days.contains { ordinal(leave.dates?.first) <= $0 && $0 <= ordinal(leave.dates?.last) }
          })
        {
          problems.append("\(visit.visitId): \(inspector.inspectorId) is on leave")
        }
      }
    }
    for (team, visits) in Dictionary(grouping: programme.visits, by: \.teamId) {
      let sorted = visits.sorted { ordinal($0.firstDay) < ordinal($1.firstDay) }
      for (earlier, later) in zip(sorted, sorted.dropFirst()) where ordinal(later.firstDay) <= ordinal(earlier.lastDay) {
        problems.append("team \(team) at \(earlier.unitCode) and \(later.unitCode) at once")
      }
    }
    return problems
  }

  private static func ordinal(_ date: CalendarDate?) -> Int {
    guard let date else { return 0 }
    return Int(date.year) * 10_000 + Int(date.month) * 100 + Int(date.day)
  }
}

import Foundation
import InspectionDomain
import ReformKit

/// Checks a programme against every hard rule from scratch, written apart from the planner:
/// it reads only the input, the programme and the working-day calendar, and reports each
/// violation as a sentence.
struct ProgrammeChecker {
  let input: PlanInput
  let calendar: WorkingCalendar

  /// Every rule the programme breaks; empty when it keeps them all.
  func violations(of programme: Programme) -> [String] {
    var found: [String] = []
    let dues = Dictionary(input.visitsDue.map { (norm($0.dueID), $0) }, uniquingKeysWith: { first, _ in first })
    let teams = Dictionary(input.teams.map { (norm($0.teamID), $0) }, uniquingKeysWith: { first, _ in first })

    // Each due exactly once, placed or unplaced.
    let mentioned = programme.visits.map { norm($0.dueID) } + programme.unplaced.map { norm($0.due.dueID) }
    if Set(mentioned).count != mentioned.count { found.append("a due appears twice") }
    if Set(mentioned) != Set(dues.keys) { found.append("placed and unplaced do not cover the dues exactly") }

    for visit in programme.visits {
      let name = "visit \(visit.visitID)"
      guard let due = dues[norm(visit.dueID)] else {
        found.append("\(name): no such due")
        continue
      }
      if norm(visit.unitCode) != norm(due.unitCode) || visit.kind != due.kind {
        found.append("\(name): not its due's unit or kind")
      }
      guard let team = teams[norm(visit.teamID)] else {
        found.append("\(name): unknown team \(visit.teamID)")
        continue
      }
      if let required = due.teamID, norm(required) != norm(visit.teamID) {
        found.append("\(name): not the required team")
      }
      for member in team.inspectors
      where ([member.homeUnitCode] + member.conflictUnitCodes).map(norm).contains(norm(due.unitCode)) {
        found.append("\(name): inspector \(member.inspectorID) inspects their own unit")
      }

      // Consecutive working days of the right length.
      if !calendar.isWorkingDay(visit.firstDay) || !calendar.isWorkingDay(visit.lastDay) {
        found.append("\(name): starts or ends on a day off")
      }
      let days = workingDays(visit.firstDay, visit.lastDay)
      let length = expectedLength(of: due)
      if days.count != length || visit.workingDays != length {
        found.append(
          "\(name): spans \(days.count) working days, says \(visit.workingDays), should be \(length.map(String.init) ?? "?")"
        )
      }
      let rules = input.rules
      if days.count > rules.maxLengthDays + rules.maxLengthDays * rules.extensionBP / 10_000 {
        found.append("\(name): longer than the limit")
      }
      if let window = due.window, visit.firstDay < window.first || visit.lastDay > window.last {
        found.append("\(name): outside its window \(window)")
      }
      for date in days {
        for blackout in input.blackouts
        where blackout.dates.contains(date)
          && (blackout.unitCodes.isEmpty || blackout.unitCodes.map(norm).contains(norm(due.unitCode)))
        {
          found.append("\(name): on \(date) in blackout \(blackout.reason)")
        }
        let present = team.inspectors.filter { member in !member.unavailable.contains { $0.dates.contains(date) } }
          .count
        if present < (rules.minInspectorsPresent ?? team.inspectors.count) {
          found.append("\(name): only \(present) inspectors present on \(date)")
        }
      }
    }

    // One visit at a time per team.
    for (teamID, visits) in Dictionary(grouping: programme.visits, by: { norm($0.teamID) }) {
      let ordered = visits.sorted { $0.firstDay < $1.firstDay }
      for (a, b) in zip(ordered, ordered.dropFirst()) where a.lastDay >= b.firstDay {
        found.append("team \(teamID): \(a.visitID) and \(b.visitID) overlap")
      }
      // Monthly cap, in the month of the first day.
      let cap = teams[teamID]?.maxVisitsPerMonth ?? input.rules.maxVisitsPerTeamPerMonth
      for (month, started) in Dictionary(grouping: visits, by: { $0.firstDay.month }) where started.count > cap {
        found.append("team \(teamID): \(started.count) visits start in month \(month), cap \(cap)")
      }
    }

    // The minimum gap between any two visits to one unit.
    for (unit, visits) in Dictionary(grouping: programme.visits, by: { norm($0.unitCode) }) {
      for a in visits {
        for b in visits where a.visitID != b.visitID && a.firstDay <= b.firstDay {
          let between =
            a.lastDay < b.firstDay ? workingDays(a.lastDay.adding(days: 1), b.firstDay.adding(days: -1)).count : -1
          if between < input.rules.minGapWorkingDays {
            found.append("unit \(unit): only \(between) working days between \(a.visitID) and \(b.visitID)")
          }
        }
      }
    }

    // The objective describes the visits.
    let objective = programme.objective
    if objective.placed != programme.visits.count || objective.unplaced != programme.unplaced.count {
      found.append("objective miscounts the visits")
    }
    var delay = 0
    for visit in programme.visits {
      guard let index = calendar.workingDays.firstIndex(of: visit.firstDay) else { continue }
      delay += input.risks.first { norm($0.unitCode) == norm(visit.unitCode) }.map { $0.scoreBP * index } ?? 0
    }
    if delay != objective.riskDelay { found.append("risk delay is \(objective.riskDelay), should be \(delay)") }
    if objective.riskDelayLowerBound > objective.riskDelay { found.append("lower bound above the risk delay") }
    let loads = input.teams.map { team in
      programme.visits.filter { norm($0.teamID) == norm(team.teamID) }.reduce(0) { $0 + $1.workingDays }
    }
    if objective.teamLoads.map(\.workingDays) != loads { found.append("team loads are wrong") }
    if objective.loadSpread != (loads.max() ?? 0) - (loads.min() ?? 0) { found.append("load spread is wrong") }
    return found
  }

  /// The working days from `first` through `last`, read off the calendar day by day.
  private func workingDays(_ first: CivilDate, _ last: CivilDate) -> [CivilDate] {
    var days: [CivilDate] = []
    var date = first
    while date <= last {
      if calendar.isWorkingDay(date) { days.append(date) }
      date = date.adding(days: 1)
    }
    return days
  }

  /// The due's length, or the length table's row with the largest size not above the unit's.
  private func expectedLength(of due: VisitDue) -> Int? {
    if let length = due.lengthDays { return length }
    var best: LengthRule?
    for row in input.rules.lengths where row.kind == due.kind && row.minMembers <= (due.unitMemberCount ?? 0) {
      if best == nil || row.minMembers > best!.minMembers { best = row }
    }
    return best?.lengthDays
  }

  private func norm(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }
}

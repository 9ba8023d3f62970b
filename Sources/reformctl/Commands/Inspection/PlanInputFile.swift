import Foundation
import ReformWire

/// The input of `reformctl inspection plan` as a file a commission's secretary writes: JSON
/// whose fields mirror `reform.v1.InspectionPlanInput` under their JSON names (lowerCamelCase,
/// as the schema's JSON mapping spells them), with dates written `2026-03-02` and the
/// schema's enums by their short names (`programmed`, `compute_missing`).
///
/// Optional fields may be left out; a number left out means the rules' default, as in the
/// schema. A field the format does not know is refused, naming it, so that a misspelt field is
/// never silently ignored. ``help`` shows a short example; `reformctl inspection
/// example-input` prints a whole one.
///
/// ## Topics
/// - ``decode(_:)``, ``wire``
/// - ``help``
struct PlanInputFile: Codable, Equatable {
  var year: Int32
  /// Seed for tie-breaking: the same input and seed give the same programme.
  var seed: Int64?
  var visitsDue: [VisitDue]
  var teams: [Team]
  var blackouts: [Blackout]?
  var rules: Rules?
  /// Given risks, one per unit at most.
  var risks: [UnitRisk]?
  /// `given` (the default), `compute_missing` or `compute_all`.
  var riskMode: RiskMode?

  /// A visit the programme must place (`InspectionVisitDue`).
  struct VisitDue: Codable, Equatable {
    /// Unique in the file; `UNIT-1`, `UNIT-2`… in the order of the unit's visits when left out.
    var dueId: String?
    var unitCode: String
    var unitName: String?
    var kind: Kind
    /// Working days; left out to take it from `rules.lengths`.
    var lengthDays: Int32?
    var unitMemberCount: Int32?
    /// The visit must lie within these dates; the whole year when left out.
    var window: DateSpan?
    /// Only this team may make the visit.
    var teamId: String?
    var topic: String?
  }

  /// A team (đoàn kiểm tra, giám sát), which makes one visit at a time.
  struct Team: Codable, Equatable {
    var teamId: String
    var name: String?
    var inspectors: [Inspector]
    var maxVisitsPerMonth: Int32?
  }

  /// An inspector (kiểm tra viên), who never inspects their own unit.
  struct Inspector: Codable, Equatable {
    var inspectorId: String
    var fullName: String?
    var homeUnitCode: String
    var conflictUnitCodes: [String]?
    var unavailable: [Unavailability]?
  }

  /// Leave, training or another duty.
  struct Unavailability: Codable, Equatable {
    var dates: DateSpan
    var reason: String?
  }

  /// Dates in which no visit may take place, for every unit or only for some.
  struct Blackout: Codable, Equatable {
    var dates: DateSpan
    var reason: String?
    var unitCodes: [String]?
  }

  /// The planner's rules (`InspectionRules`); a number left out takes the default the schema
  /// gives.
  struct Rules: Codable, Equatable {
    var minGapWorkingDays: Int32?
    var maxVisitsPerTeamPerMonth: Int32?
    var maxLengthDays: Int32?
    var extensionBp: Int32?
    var lengths: [LengthRule]?
    var minInspectorsPresent: Int32?
    var riskWeights: RiskWeights?
    var sources: [Source]?
  }

  /// A row of the length table.
  struct LengthRule: Codable, Equatable {
    var kind: Kind
    var minMembers: Int32?
    var lengthDays: Int32
  }

  /// Weights, in basis points summing to 10000, and data for computing risks.
  struct RiskWeights: Codable, Equatable {
    var indicatorsBp: Int32?
    var ratingBp: Int32?
    var timeSinceVisitBp: Int32?
    /// `2025`, `2025-H2`, `2025-Q4`, `2025-M12` or `2020-2025`.
    var indicatorPeriod: PeriodText?
    var ratingYear: Int32?
    var fullRiskAfterYears: Int32?
  }

  /// A document a rule comes from.
  struct Source: Codable, Equatable {
    var document: String
    var article: String?
    var issued: DateText?
    var note: String?
  }

  /// A unit's risk, 0–10000 basis points; riskier units are visited earlier.
  struct UnitRisk: Codable, Equatable {
    var unitCode: String
    var scoreBp: Int32
    var lastVisit: DateText?
  }

  /// How the planner gets risks.
  enum RiskMode: String, Codable, Equatable, CaseIterable {
    case given
    case computeMissing = "compute_missing"
    case computeAll = "compute_all"
  }
}

// MARK: - Values written as text

extension PlanInputFile {
  /// A date written `2026-03-02`.
  struct DateText: Codable, Equatable {
    var date: CalendarDate

    init(_ date: CalendarDate) { self.date = date }

    init(from decoder: any Decoder) throws {
      date = try decoder.singleValueContainer().decodeText(InspectionText.parseDate) {
        "\"\($0)\" is not a date; write 2026-03-02"
      }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(InspectionText.date(date))
    }
  }

  /// Dates from `first` through `last`, both included.
  struct DateSpan: Codable, Equatable {
    var first: DateText
    var last: DateText

    init(_ first: CalendarDate, _ last: CalendarDate) {
      self.first = DateText(first)
      self.last = DateText(last)
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      first = try container.decode(DateText.self, forKey: .first)
      last = try container.decode(DateText.self, forKey: .last)
      guard InspectionText.ordinal(first.date) <= InspectionText.ordinal(last.date) else {
        throw DecodingError.dataCorruptedError(
          forKey: .last, in: container,
          debugDescription: "\(InspectionText.date(last.date)) is before first, \(InspectionText.date(first.date))")
      }
    }

    var wire: DateRange { DateRange(first: first.date, last: last.date) }
  }

  /// A kind of inspection or supervision by its short name.
  struct Kind: Codable, Equatable {
    var kind: InspectionKind

    init(_ kind: InspectionKind) { self.kind = kind }

    init(from decoder: any Decoder) throws {
      kind = try decoder.singleValueContainer().decodeText(InspectionText.parseKind) {
        "\"\($0)\" is not one of \(InspectionText.kinds.map(\.name).joined(separator: ", "))"
      }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(InspectionText.kind(kind))
    }
  }

  /// A reporting period as `reformctl report --period` writes it.
  struct PeriodText: Codable, Equatable {
    var period: Period

    init(from decoder: any Decoder) throws {
      period = try decoder.singleValueContainer().decodeText(PeriodArgument.parse) {
        "\"\($0)\" is not a period; write \(PeriodArgument.defaultValueDescription)"
      }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      let text =
        switch period.type {
        case .halfYear: "\(period.year)-H\(period.index)"
        case .quarter: "\(period.year)-Q\(period.index)"
        case .month: String(format: "%d-M%02d", period.year, period.index)
        case .term: "\(period.year)-\(period.endYear)"
        default: "\(period.year)"
        }
      try container.encode(text)
    }
  }
}

// MARK: - To the wire

extension PlanInputFile {
  /// The input on the wire.
  var wire: InspectionPlanInput {
    var dueCounts: [String: Int] = [:]
    let visits = visitsDue.map { due in
      dueCounts[due.unitCode, default: 0] += 1
      return InspectionVisitDue(
        dueId: due.dueId ?? "\(due.unitCode)-\(dueCounts[due.unitCode] ?? 1)", unitCode: due.unitCode,
        unitName: due.unitName ?? "", kind: due.kind.kind, lengthDays: due.lengthDays ?? 0,
        unitMemberCount: due.unitMemberCount ?? 0, window: due.window?.wire, teamId: due.teamId ?? "",
        topic: due.topic ?? "")
    }
    return InspectionPlanInput(
      year: year, visitsDue: visits,
      teams: teams.map { team in
        InspectionTeam(
          teamId: team.teamId, name: team.name ?? "",
          inspectors: team.inspectors.map { inspector in
            InspectionInspector(
              inspectorId: inspector.inspectorId, fullName: inspector.fullName ?? "",
              homeUnitCode: inspector.homeUnitCode, conflictUnitCodes: inspector.conflictUnitCodes ?? [],
              unavailable: (inspector.unavailable ?? []).map {
                InspectionUnavailability(dates: $0.dates.wire, reason: $0.reason ?? "")
              })
          }, maxVisitsPerMonth: team.maxVisitsPerMonth ?? 0)
      },
      blackouts: (blackouts ?? []).map {
        InspectionBlackout(dates: $0.dates.wire, reason: $0.reason ?? "", unitCodes: $0.unitCodes ?? [])
      },
      rules: rules.map(\.wire),
      risks: (risks ?? []).map {
        InspectionUnitRisk(unitCode: $0.unitCode, scoreBp: $0.scoreBp, source: .given, lastVisit: $0.lastVisit?.date)
      },
      riskMode: {
        switch riskMode ?? .given {
        case .given: .given
        case .computeMissing: .computeMissing
        case .computeAll: .computeAll
        }
      }(), seed: seed ?? 0)
  }
}

extension PlanInputFile.Rules {
  /// The rules on the wire; 0 where left out, which the service reads as the default.
  var wire: InspectionRules {
    InspectionRules(
      minGapWorkingDays: minGapWorkingDays ?? 0, maxVisitsPerTeamPerMonth: maxVisitsPerTeamPerMonth ?? 0,
      maxLengthDays: maxLengthDays ?? 0, extensionBp: extensionBp ?? 0,
      lengths: (lengths ?? []).map {
        InspectionLengthRule(kind: $0.kind.kind, minMembers: $0.minMembers ?? 0, lengthDays: $0.lengthDays)
      },
      minInspectorsPresent: minInspectorsPresent ?? 0,
      riskWeights: riskWeights.map { weights in
        InspectionRiskWeights(
          indicatorsBp: weights.indicatorsBp ?? 0, ratingBp: weights.ratingBp ?? 0,
          timeSinceVisitBp: weights.timeSinceVisitBp ?? 0, indicatorPeriod: weights.indicatorPeriod?.period,
          ratingYear: weights.ratingYear ?? 0, fullRiskAfterYears: weights.fullRiskAfterYears ?? 0)
      },
      sources: (sources ?? []).map {
        SourceRef(document: $0.document, article: $0.article ?? "", issued: $0.issued?.date, note: $0.note ?? "")
      })
  }
}

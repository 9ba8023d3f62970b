import Foundation
import ReformWire

/// Báo cáo: how a unit and the units under it stand against an indicator set's targets for one
/// year, each indicator with the unit's own figure first and its children's below, each child a
/// link one level down.
struct ReportView: Sendable {
  struct SetChoice: Sendable {
    let id: String
    let name: String
    let selected: Bool
  }

  struct Indicator: Sendable {
    let code: String
    let name: String
    let target: String
    let rows: [Row]
  }

  struct Row: Sendable {
    let unit: String
    let link: String?
    let own: Bool
    let value: String
    let meter: Int32
    let fraction: String
    let outcome: String
    let outcomeClass: String
    let coverage: String
    let rank: String
  }

  let session: SessionView
  let sets: [SetChoice]
  let setId: String
  let setName: String
  let year: Int32
  let unit: String
  let up: String?
  let indicators: [Indicator]
  let met: Int
  let notMet: Int
  let noData: Int
  let csvLink: String
  let htmlLink: String
  let canSubmit: Bool
  let canApprove: Bool
  let formToken: String
  let done: String?

  init(
    session: ConsoleSession, sets: [IndicatorSet], setId: String, year: Int32, unit: String, parent: String?,
    response: RegistryReportResponse, done: String?
  ) {
    self.session = SessionView(session)
    self.sets = sets.map { SetChoice(id: $0.id, name: $0.name, selected: $0.id == setId) }
    self.setId = setId
    setName = response.indicatorSet?.name ?? setId
    self.year = year
    self.unit = unit
    up = parent.map { Self.link(set: setId, year: year, unit: $0) }
    let definitions = (response.indicatorSet?.indicators ?? []).sorted { ($0.displayOrder, $0.code) < ($1.displayOrder, $1.code) }
    let byIndicator = Dictionary(grouping: response.rows, by: \.indicatorCode)
    indicators = definitions.compactMap { definition in
      guard let rows = byIndicator[definition.code], !rows.isEmpty else { return nil }
      let ordered = rows.sorted { ($0.depth, $0.unitName, $0.unitCode) < ($1.depth, $1.unitName, $1.unitCode) }
      return Indicator(
        code: definition.code, name: definition.shortName.isEmpty ? definition.name : definition.shortName,
        target: ConsoleText.target(definition.target),
        rows: ordered.map { row in
          let result = row.result ?? IndicatorResult()
          let own = row.depth == 0
          return Row(
            unit: row.unitName.isEmpty ? row.unitCode : row.unitName,
            link: own ? nil : Self.link(set: setId, year: year, unit: row.unitCode),
            own: own, value: result.denominator == 0 && result.outcome == .noData ? "—" : ConsoleText.percent(result.valueBasisPoints),
            meter: max(0, min(10_000, result.valueBasisPoints)),
            fraction: result.denominator == 0 ? "" : "\(result.numerator)/\(result.denominator)",
            outcome: ConsoleText.outcome(result.outcome), outcomeClass: ConsoleText.outcomeClass(result.outcome),
            coverage: result.unitsExpected == 0 ? "" : "\(result.unitsReported)/\(result.unitsExpected)",
            rank: row.rankedCount == 0 || row.rank == 0 ? "" : "\(row.rank)/\(row.rankedCount)")
        })
    }
    let own = response.rows.filter { $0.depth == 0 }.compactMap(\.result)
    met = own.filter { $0.outcome == .met }.count
    notMet = own.filter { $0.outcome == .notMet }.count
    noData = own.count - met - notMet
    csvLink = Self.download(set: setId, year: year, unit: unit, format: "csv")
    htmlLink = Self.download(set: setId, year: year, unit: unit, format: "html")
    let roles = session.principal.roles
    canSubmit = roles.contains(.admin) || (roles.contains(.clerk) && session.principal.unitCode == unit && !unit.isEmpty)
    canApprove = roles.contains(.admin) && !unit.isEmpty
    formToken = session.formToken
    self.done = done
  }

  static func link(set: String, year: Int32, unit: String) -> String {
    "/console/bao-cao?bo=\(Console.queryEscaped(set))&nam=\(year)&don-vi=\(Console.queryEscaped(unit))"
  }

  static func download(set: String, year: Int32, unit: String, format: String) -> String {
    "/console/bao-cao/tai?bo=\(Console.queryEscaped(set))&nam=\(year)&don-vi=\(Console.queryEscaped(unit))&dinh-dang=\(format)"
  }
}

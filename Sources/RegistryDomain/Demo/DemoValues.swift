import ReformKit

/// Generates the values of the reported indicators for every grassroots organisation and year
/// of ``DemoBloc/years``: shares that rise year on year, better in more diligent
/// organisations, with now and then a year not reported.
enum DemoValues {
  static func make(plan: DemoUnitPlan, set: IndicatorSet, random: inout SplitMix64) -> [IndicatorValue] {
    var values: [IndicatorValue] = []
    let reported = set.orderedIndicators.filter { $0.source == .reported }
    for year in DemoBloc.years {
      for organisation in plan.organisations {
        let unit = organisation.unit
        guard unit.opened <= CivilDate(year, 12, 31), !random.chance(0.015) else { continue }
        let progress = Double(year - DemoBloc.years.lowerBound)
        let diligence = organisation.diligence
        for indicator in reported where indicator.effectiveReportingKinds.contains(unit.kind) {
          var ratio: Ratio
          var note = ""
          switch indicator.code {
          case "2", "4a", "5":
            ratio = Ratio(random.chance(0.62 + 0.08 * progress + 0.15 * diligence) ? 1 : 0, 1)
          case "3b", "3c", "3d":
            guard handlesProcedures(organisation.host.kind) else {
              ratio = .zero
              note = "Đơn vị không giải quyết thủ tục hành chính"
              break
            }
            let total: Int
            let target: Double
            switch indicator.code {
            case "3b":
              total = organisation.host.kind == .agency ? random.int(in: 300...6_000) : random.int(in: 50...1_500)
              target = 0.22 + 0.09 * progress + 0.15 * diligence
            case "3c":
              total = random.int(in: 25...180)
              target = 0.48 + 0.09 * progress + 0.12 * diligence
            default:
              total = random.int(in: 15...120)
              target = 0.18 + 0.10 * progress + 0.10 * diligence
            }
            ratio = share(of: total, around: target, spread: 0.05, random: &random)
          case "3e":
            let total: Int
            switch organisation.host.kind {
            case .agency: total = random.int(in: 100...800)
            case .publicServiceUnit: total = random.int(in: 50...500)
            case .enterprise: total = random.int(in: 50...300)
            case .partyOrMassOrganisation, .other: total = random.int(in: 20...60)
            }
            ratio = share(of: total, around: 0.84 + 0.02 * progress + 0.07 * diligence, spread: 0.03, random: &random)
          default:
            continue
          }
          var value = IndicatorValue(
            key: IndicatorValueKey(setID: set.id, indicatorCode: indicator.code, unitCode: unit.code, period: .year(year)),
            ratio: ratio, origin: .imported, note: note)
          if random.chance(0.3) {
            value.evidence = "Báo cáo số \(random.int(in: 10...150))-BC/ĐU ngày \(random.date(in: year, months: 12...12).vietnameseText)"
          }
          values.append(value)
        }
      }
    }
    return values
  }

  private static func handlesProcedures(_ kind: HostOrganisationKind) -> Bool {
    kind == .agency || kind == .publicServiceUnit
  }

  /// `total` items of which about `share` (± `spread`) count, clamped to 0…total.
  private static func share(of total: Int, around share: Double, spread: Double, random: inout SplitMix64) -> Ratio {
    let drawn = share + (random.unit() * 2 - 1) * spread
    let counted = Int((Double(total) * min(1, max(0, drawn))).rounded())
    return Ratio(min(total, counted), total)
  }
}

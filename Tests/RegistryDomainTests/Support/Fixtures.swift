import Foundation
import ReformKit
import RegistryDomain

/// Small worked data the specifications share.
enum Fixtures {
  static let admin = ActorRef(id: "admin", displayName: "Quản trị", roles: [.admin])
  static let stamp = ChangeStamp(actor: admin, at: Date(timeIntervalSince1970: 1_735_689_600))

  /// ```
  /// DUK  Đảng bộ Khối (bloc committee)
  /// ├── CBCS-B    Chi bộ Sở Tư pháp (grassroots cell)
  /// └── DBCS-A    Đảng bộ Sở Nội vụ (grassroots committee)
  ///     ├── DBCS-A-01  Chi bộ Văn phòng (subordinate cell)
  ///     └── DBCS-A-02  Chi bộ Thanh tra (subordinate cell)
  /// ```
  static func tree() throws -> UnitTree {
    var tree = UnitTree()
    try tree.add(unit("DUK", "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Lai Châu", .blocCommittee, nil), stamp: stamp)
    try tree.add(unit("DBCS-A", "Đảng bộ Sở Nội vụ", .grassrootsCommittee, "DUK"), stamp: stamp)
    try tree.add(unit("DBCS-A-01", "Chi bộ Văn phòng", .subordinateCell, "DBCS-A"), stamp: stamp)
    try tree.add(unit("DBCS-A-02", "Chi bộ Thanh tra", .subordinateCell, "DBCS-A"), stamp: stamp)
    try tree.add(unit("CBCS-B", "Chi bộ Sở Tư pháp", .grassrootsCell, "DUK"), stamp: stamp)
    return tree
  }

  static func unit(
    _ code: String, _ name: String, _ kind: UnitKind, _ parent: String?, opened: CivilDate = CivilDate(2010, 1, 1)
  ) -> OrgUnit {
    OrgUnit(code: code, name: name, kind: kind, parentCode: parent, opened: opened)
  }

  static func person(
    _ id: String, unit: String, leader: Bool = false, theory: PoliticalTheoryLevel? = nil,
    required: PoliticalTheoryLevel? = nil, studied: CivilDate? = nil, departed: CivilDate? = nil
  ) -> Person {
    Person(
      id: id, fullName: "Nguyễn Văn \(id)", categories: [.civilServant], unitCode: unit, leaderOrManager: leader,
      theoryLevel: theory, requiredTheoryLevel: required,
      studies: studied.map { [ReformStudyRecord(document: "01-NQ/ĐUK", studied: $0)] } ?? [], departed: departed)
  }

  /// A one-indicator set with the given target, reported by grassroots organisations and
  /// subordinate cells alike.
  static func set(_ comparison: TargetComparison, _ percent: Percentage, aggregation: IndicatorAggregation = .sumRatio) -> IndicatorSet {
    IndicatorSet(
      id: "TEST-2020-2025", name: "Bộ chỉ tiêu thử", resolution: SourceRef(document: "01-NQ/ĐUK"), term: .term(2020, 2025),
      indicators: [
        IndicatorDefinition(
          code: "9", name: "Tỷ lệ thử", numeratorDefinition: "Số đạt", denominatorDefinition: "Tổng số", source: .reported,
          target: IndicatorTarget(comparison, percent), aggregation: aggregation,
          reportingUnitKinds: [.grassrootsCommittee, .grassrootsCell, .subordinateCell])
      ])
  }

  static func value(_ unit: String, _ numerator: Int, _ denominator: Int, indicator: String = "9", set: String = "TEST-2020-2025", year: Int = 2024) -> IndicatorValue {
    IndicatorValue(set: set, indicator: indicator, unit: unit, period: .year(year), numerator, denominator)
  }
}

import ReformKit

/// The generated units, and what the generator knows of each organisation beyond the tree:
/// its host, and how diligent it is (which steers its values).
struct DemoUnitPlan {
  /// A grassroots organisation and its cells.
  struct Organisation {
    let unit: OrgUnit
    let host: DemoCatalogue.Host
    /// 0 to 1: higher reports better figures, sooner.
    let diligence: Double
    /// The cells people are counted under: the organisation itself for a chi bộ cơ sở, its
    /// open chi bộ trực thuộc for a đảng bộ cơ sở.
    var cells: [OrgUnit]
    /// When its members met to study 01-NQ/ĐUK.
    let studyConference: CivilDate
  }

  var units: [OrgUnit]
  var organisations: [Organisation]

  static func make(scale: DemoScale, random: inout SplitMix64) -> DemoUnitPlan {
    let bloc = OrgUnit(
      code: DemoBloc.blocCode, name: "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Lai Châu",
      shortName: "Đảng bộ Khối", kind: .blocCommittee, parentCode: nil, organId: "000.00.00.H41",
      hostName: "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu", hostKind: .partyOrMassOrganisation,
      opened: CivilDate(2004, 6, 1))
    var units = [bloc]
    var usedCodes: Set<String> = [bloc.code]
    var organisations: [Organisation] = []

    var hosts = [DemoCatalogue.Host(name: "Cơ quan Đảng ủy Khối", kind: .partyOrMassOrganisation, large: false)]
    hosts += DemoCatalogue.hosts
    var extra = 1
    while hosts.count < scale.grassrootsOrganisations {
      hosts.append(DemoCatalogue.extraHost(extra, kindDraw: random.int(in: 0...11)))
      extra += 1
    }
    hosts = Array(hosts.prefix(scale.grassrootsOrganisations))
    // At least one đảng bộ cơ sở, so that chi bộ trực thuộc have somewhere to sit.
    if !hosts.contains(where: \.large), let index = hosts.indices.last {
      hosts[index] = DemoCatalogue.Host(name: hosts[index].name, kind: hosts[index].kind, large: true)
    }

    for (index, host) in hosts.enumerated() {
      let isCommittee = host.large
      let prefix = isCommittee ? "DBCS" : "CBCS"
      var code = "\(prefix)-\(DemoCatalogue.abbreviation(of: host.name))"
      if usedCodes.contains(code) { code += "\(index)" }
      usedCodes.insert(code)
      let organId = host.kind == .enterprise ? "" : "000.\(pad(index / 100 + 1)).\(pad(index % 100)).H41"
      let unit = OrgUnit(
        code: code, name: (isCommittee ? "Đảng bộ " : "Chi bộ ") + host.name, shortName: host.name,
        kind: isCommittee ? .grassrootsCommittee : .grassrootsCell, parentCode: bloc.code, organId: organId,
        hostName: DemoCatalogue.fullName(of: host.name), hostKind: host.kind, opened: random.date(in: random.int(in: 2005...2018)))
      units.append(unit)
      organisations.append(
        Organisation(
          unit: unit, host: host, diligence: random.unit(), cells: isCommittee ? [] : [unit],
          studyConference: random.date(in: 2021, months: 2...4)))
    }

    // Chi bộ trực thuộc, spread over the đảng bộ cơ sở by weight, at least two each.
    let committees = organisations.indices.filter { organisations[$0].unit.kind == .grassrootsCommittee }
    var counts = Dictionary(uniqueKeysWithValues: committees.map { ($0, 0) })
    var remaining = scale.subordinateCells
    for committee in committees where remaining > 0 {
      let first = min(2, remaining)
      counts[committee] = first
      remaining -= first
    }
    let weights = committees.map { ($0, random.int(in: 1...6)) }
    while remaining > 0 {
      counts[random.pick(weighted: weights), default: 0] += 1
      remaining -= 1
    }
    var mergers: [(closing: OrgUnit, successor: OrgUnit)] = []
    for committee in committees {
      let parent = organisations[committee].unit
      let departments = DemoCatalogue.departments(for: organisations[committee].host.kind)
      var cells: [OrgUnit] = []
      for number in stride(from: 1, through: counts[committee] ?? 0, by: 1) {
        let department = number <= departments.count ? departments[number - 1] : "Tổ công tác số \(number)"
        let opened = max(parent.opened, random.date(in: random.int(in: parent.opened.year...2020)))
        cells.append(
          OrgUnit(
            code: "\(parent.code)-\(pad(number))", name: "Chi bộ \(department), \(organisations[committee].host.name)",
            shortName: "\(department) (\(organisations[committee].host.name))", kind: .subordinateCell,
            parentCode: parent.code, organId: parent.organId, hostName: parent.hostName, hostKind: parent.hostKind,
            opened: opened))
      }
      // Now and then two cells merged in 2023 (sáp nhập): the second closes into the first.
      if cells.count >= 4, mergers.count < 3, random.chance(0.3) {
        mergers.append((cells[cells.count - 1], cells[0]))
      }
      units += cells
      organisations[committee].cells = cells
    }
    for merger in mergers {
      guard let index = units.firstIndex(where: { $0.code == merger.closing.code }) else { continue }
      units[index].closed = CivilDate(2023, 7, 1)
      units[index].successorCode = merger.successor.code
      for organisation in organisations.indices {
        organisations[organisation].cells.removeAll { $0.code == merger.closing.code }
      }
    }
    return DemoUnitPlan(units: units, organisations: organisations)
  }

  static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

import ClassificationDomain
import Classification
import ExchangeDomain
import Foundation
import Inspection
import InspectionDomain
import ReformClient
import ReformKit
import ReformSecurity
import ReformWire

/// The rest of the demo, once the registry holds the bloc: every module gets something to show,
/// made up by the domains' own demo generators on the bloc's real units and people, and sent
/// through the same calls a client makes (so every rule and policy applies to it).
///
/// - Ratings: evaluations of every current Party member and their cells for ``ratedYears``
///   (the last three years), each year rated by a final run.
/// - Documents: a year of letters between the bloc committee and its organisations, each copy
///   taken some way through its notices.
/// - Inspection: the inspection commission's programme for ``programmeYear``, this year.
/// - Indicator 3a: the exchange counts copies in the year they arrive, and the demo's arrive
///   when it loads; the 01-NQ/ĐUK set ends with 2025, so 3a is computed for the current year
///   in ``nextTermSet``, a copy of its indicators for the 2025–2030 term made for the demo.
///
/// Every call carries an idempotency key, so a load that stopped halfway is taken up again on
/// the next start without writing anything twice.
extension DemoLoader {
  /// The bloc committee: the root of the demo bloc, its programme's owner, every letter's hub.
  static let blocCode = "DUK"
  /// The three years before this one in Vietnam (2023–2025 when loaded in 2026).
  static var ratedYears: [Int] { let year = CivilDate(Date()).year; return [year - 3, year - 2, year - 1] }
  /// This year in Vietnam.
  static var programmeYear: Int { CivilDate(Date()).year }
  static let lettersPerYear = 160
  static let nextTermSet = "DEMO-CCHC-2025-2030"
  /// Calls in flight at once while sending letters and notices.
  static let inFlight = 4

  func loadModules(with client: ReformClient) async throws {
    let units = try await client.everyPage(
      RegistryService.ListUnits.self, items: \.units, page: \.page, timeout: .seconds(60)
    ) { ListUnitsRequest(page: PageRequest(pageSize: 1_000, pageToken: $0)) }.items
    let members = try await client.everyPage(
      RegistryService.ListPeople.self, items: \.people, page: \.page, timeout: .seconds(60)
    ) { ListPeopleRequest(page: PageRequest(pageSize: 1_000, pageToken: $0), membership: .member) }.items
    try await rate(members: members, units: units, client: client)
    try await correspond(units: units, client: client)
    try await plan(units: units, client: client)
    try await computeNextTerm(client: client)
    try await writeRoleTokens(client: client)
  }

  /// The demo's people at work, one token file each beside `admin.token`, so the console can be
  /// tried as each role sees it: the bloc committee's clerk (`demo-clerk.token`, unit DUK) and
  /// an inspector of the bloc (`demo-inspector.token`).
  static let roleTokens: [(file: String, principal: Principal)] = [
    ("demo-clerk.token", Principal(id: "van-thu-duk", displayName: "Văn thư Đảng ủy Khối", unitCode: blocCode, roles: [.clerk])),
    ("demo-inspector.token", Principal(id: "kiem-tra-duk", displayName: "Cán bộ Ủy ban Kiểm tra Đảng ủy Khối", unitCode: blocCode, roles: [.inspector])),
  ]

  private func writeRoleTokens(client: ReformClient) async throws {
    let folder = URL(fileURLWithPath: marker).deletingLastPathComponent().path
    for (file, principal) in Self.roleTokens {
      let path = folder + "/" + file
      guard !FileManager.default.fileExists(atPath: path) else { continue }
      // A fresh key each time: a token is shown once, and a load resumed after the file was
      // lost needs a new one rather than the answer to the first call.
      let response = try await client.call(
        AdminService.CreateToken.self,
        AdminCreateTokenRequest(idempotencyKey: "demo-token-\(UUID().uuidString)", principal: principal, note: "demo: written to \(path)"),
        timeout: .seconds(30))
      try TokenFile.write(response.token, to: path)
    }
  }

  private func rate(members: [Person], units: [OrgUnit], client: ReformClient) async throws {
    let tree = UnitTree(
      parents: Dictionary(
        units.filter { !$0.parentCode.isEmpty }.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { first, _ in first }))
    let roster = members.filter { !$0.unitCode.isEmpty }.map { (personId: $0.id, unitCode: $0.unitCode) }
    for year in Self.ratedYears {
      let input = ClassificationPopulation.evaluations(of: roster, units: tree, year: year, seed: UInt64(year))
      let submitted = try await client.call(
        ClassificationService.SubmitEvaluations.self,
        SubmitEvaluationsRequest(
          persons: input.persons.map(\.wire), collectives: input.collectives.map(\.wire),
          idempotencyKey: "demo-evaluations-\(year)"),
        timeout: .seconds(600))
      guard submitted.applied else {
        let first = submitted.errors.first.map { "\($0.field): \($0.message)" } ?? "no reason given"
        throw DemoFailure("the evaluations of \(year) were refused: \(first)")
      }
      _ = try await client.call(
        ClassificationService.Run.self,
        ClassificationRunRequest(
          year: Int32(year), mode: .final, note: "Dữ liệu demo", idempotencyKey: "demo-rating-\(year)"),
        timeout: .seconds(600))
      logger.notice(
        "demo ratings loaded",
        metadata: ["year": "\(year)", "people": "\(input.persons.count)", "collectives": "\(input.collectives.count)"])
    }
  }

  private func correspond(units: [OrgUnit], client: ReformClient) async throws {
    // The committee and its grassroots organisations write to each other; a cell under a
    // grassroots committee shares its host's OrganId and writes through it.
    let writers: [UnitKind] = [.blocCommittee, .grassrootsCommittee, .grassrootsCell]
    var organIds = Set<String>()
    let parties = units.filter { writers.contains($0.kind) && !$0.organId.isEmpty && $0.closed == nil }
      .filter { organIds.insert($0.organId).inserted }
      .map { UnitOrgan(unitCode: $0.code, organId: $0.organId, name: $0.name) }
    guard let bloc = parties.first(where: { $0.unitCode == Self.blocCode }) else {
      throw DemoFailure("the demo bloc has no committee \(Self.blocCode) with an OrganId")
    }
    let letters = DemoCorrespondence.year(
      bloc: bloc, members: parties.filter { $0 != bloc }, endingOn: CivilDate(Date()), count: Self.lettersPerYear,
      seed: 2025)
    // Letters are sent in the order they were issued, so each sender's numbers rise with its
    // dates; each copy's notices follow in order, copies side by side.
    var sent: [(DemoCorrespondence.Letter, String)] = []
    for batch in letters.chunked(into: Self.inFlight) {
      sent += try await withThrowingTaskGroup(of: (Int, String).self) { group in
        for (index, letter) in batch.enumerated() {
          group.addTask { (index, try await Self.send(letter, client: client)) }
        }
        var ids = [String](repeating: "", count: batch.count)
        for try await (index, id) in group { ids[index] = id }
        return zip(batch, ids).map { ($0, $1) }
      }
    }
    let copies = sent.flatMap { letter, documentId in
      zip(letter.receivers, letter.notices).map { (letter.key, documentId, $0, $1) }
    }
    for batch in copies.chunked(into: Self.inFlight) {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for (key, documentId, receiver, steps) in batch {
          group.addTask {
            for step in steps {
              _ = try await client.call(
                ExchangeService.SendNotice.self,
                ExchangeSendNoticeRequest(
                  idempotencyKey: "\(key)-\(receiver.unitCode)-\(step.code.rawValue)", documentId: documentId,
                  unitCode: receiver.unitCode, code: ExchangeNoticeCode(rawValue: Int32(step.code.rawValue)),
                  detail: step.detail),
                timeout: .seconds(60))
            }
          }
        }
        try await group.waitForAll()
      }
    }
    logger.notice("demo documents loaded", metadata: ["documents": "\(sent.count)", "copies": "\(copies.count)"])
  }

  private static func send(_ letter: DemoCorrespondence.Letter, client: ReformClient) async throws -> String {
    let organ = { (party: UnitOrgan) in ExchangeOrgan(organId: party.organId, name: party.name) }
    let metadata = ExchangeDocumentMetadata(
      organId: letter.sender.organId, issuingOrganName: letter.sender.name, codeNumber: "\(letter.codeNumber)",
      codeNotation: letter.codeNotation, place: "Lai Châu", issuedDate: letter.issued.wire,
      documentType: ExchangeDocumentType(name: letter.typeName), subject: letter.subject,
      signer: ExchangeSigner(
        competence: letter.signerCompetence, position: letter.signerPosition, fullName: letter.signerName),
      recipients: letter.receivers.map(organ) + [ExchangeOrgan(name: "Lưu: VT")], pageCount: Int32(letter.pageCount),
      dueDate: letter.due?.wire, urgency: ExchangeUrgency(rawValue: Int32(letter.urgency.rawValue)),
      confidentiality: .normal)
    let response = try await client.call(
      ExchangeService.Send.self,
      ExchangeSendRequest(
        idempotencyKey: letter.key, sender: organ(letter.sender), receivers: letter.receivers.map(organ),
        metadata: metadata),
      timeout: .seconds(60))
    guard let document = response.document else { throw DemoFailure("\(letter.key) was sent but no document came back") }
    return document.documentId
  }

  private func plan(units: [OrgUnit], client: ReformClient) async throws {
    let grassroots = units.filter { ($0.kind == .grassrootsCommittee || $0.kind == .grassrootsCell) && $0.closed == nil }
      .map { (code: $0.code, name: $0.name) }
    guard !grassroots.isEmpty else { throw DemoFailure("the demo bloc has no grassroots organisation to inspect") }
    let input = PlanInput.generated(
      units: grassroots, teams: 4, seed: 2026, year: Self.programmeYear, officeCode: Self.blocCode)
    let response = try await client.call(
      InspectionService.Plan.self,
      InspectionPlanRequest(
        idempotencyKey: "demo-programme-\(Self.programmeYear)", input: input.wireWithGivenRisks,
        name: "Chương trình kiểm tra, giám sát năm \(Self.programmeYear) của Ủy ban Kiểm tra Đảng ủy Khối",
        ownerUnitCode: Self.blocCode),
      timeout: .seconds(120))
    logger.notice(
      "demo inspection programme planned",
      metadata: [
        "year": "\(Self.programmeYear)", "visits": "\(response.programme?.visits.count ?? 0)",
        "unplaced": "\(response.programme?.unplaced.count ?? 0)",
      ])
  }

  private func computeNextTerm(client: ReformClient) async throws {
    guard
      var set = try await client.call(
        RegistryService.GetIndicatorSet.self, GetIndicatorSetRequest(id: Self.indicatorSet), timeout: .seconds(60)
      ).indicatorSet
    else { throw DemoFailure("the registry has no indicator set \(Self.indicatorSet)") }
    set.id = Self.nextTermSet
    set.version = 0
    set.name = "Chỉ tiêu cải cách hành chính nhiệm kỳ 2025–2030 (bộ mẫu của bản demo, chép từ 01-NQ/ĐUK)"
    set.term = Period(type: .term, year: 2025, endYear: 2030)
    set.note =
      "Bộ chỉ tiêu mẫu để xem thử chỉ tiêu 3a trên dữ liệu trao đổi văn bản của bản demo; không phải văn bản thật."
    set.definedBy = nil
    set.definedAt = nil
    _ = try await client.call(
      RegistryService.DefineIndicatorSet.self,
      DefineIndicatorSetRequest(indicatorSet: set, idempotencyKey: "demo-set-\(Self.nextTermSet)"), timeout: .seconds(60))
    let year = Int32(Self.programmeYear)
    _ = try await client.call(
      RegistryService.ComputeIndicators.self,
      ComputeIndicatorsRequest(
        setId: Self.nextTermSet, period: Period(type: .year, year: year), idempotencyKey: "demo-compute-next-\(year)"),
      timeout: .seconds(120))
    logger.notice("demo indicators computed", metadata: ["set": "\(Self.nextTermSet)", "year": "\(year)"])
  }
}

/// Why the demo stopped loading.
struct DemoFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

extension Array {
  /// The elements in runs of at most `size`, in order.
  fileprivate func chunked(into size: Int) -> [ArraySlice<Element>] {
    stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
  }
}

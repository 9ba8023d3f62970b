import ReformWire
import Testing

@testable import ReformSecurity

/// The registry's people and the inspection programmes are personal data: every admitted
/// read is audited, a clerk reads only their own unit's, and a viewer (who reads summaries)
/// reads none of them.
@Suite("Personal reads of the registry and inspection")
struct PersonalReadPolicyTests {
  static let personalReads = [
    RegistryService.GetPerson.info, RegistryService.ListPeople.info, RegistryService.ExportCsv.info,
    InspectionService.GetProgramme.info, InspectionService.ListProgrammes.info, InspectionService.ExportProgramme.info,
  ]

  @Test(arguments: personalReads)
  func peopleAndProgrammesAreAuditedReadsAClerkMakesForTheirOwnUnitOnly(method: WireMethodInfo) throws {
    try expectAuditedReadOfTheClerksOwnUnit(method)
    let viewer = Principal(id: "v", displayName: "V", unitCode: "LC07", roles: [.viewer])
    #expect(!AccessPolicy.reform.decide(method: method.path, principal: viewer).isAllowed)
    for role in [Role.admin, .operator, .inspector] {
      let reader = Principal(id: "r", displayName: "R", unitCode: "LC07", roles: [role])
      #expect(AccessPolicy.reform.decide(method: method.path, principal: reader) == .allow(ownUnit: nil))
    }
  }

  @Test func theModulesServiceRoleReadsPeopleButExportsNothingAndWritesNothing() throws {
    let service = Principal(id: "reform-modules", displayName: "Reform modules", roles: [.service])
    for method in [RegistryService.GetPerson.info, RegistryService.ListPeople.info] {
      #expect(AccessPolicy.reform.decide(method: method.path, principal: service) == .allow(ownUnit: nil))
    }
    for method in [
      RegistryService.ExportCsv.info, RegistryService.UpdatePerson.info, ClassificationService.SubmitEvaluations.info,
      ExchangeService.Send.info, InspectionService.ExportProgramme.info,
    ] {
      #expect(!AccessPolicy.reform.decide(method: method.path, principal: service).isAllowed, "\(method.path)")
    }
  }

  @Test func summariesOfUnitsValuesAndReportsStayOpenToEveryRoleUnaudited() throws {
    for method in [RegistryService.ListUnits.info, RegistryService.ListValues.info, RegistryService.Report.info] {
      let rule = try #require(AccessPolicy.reform.rule(for: method.path))
      #expect(!rule.auditsReads)
      let viewer = Principal(id: "v", displayName: "V", unitCode: "LC07", roles: [.viewer])
      #expect(AccessPolicy.reform.decide(method: method.path, principal: viewer).isAllowed)
    }
  }
}

import Foundation
import ReformKit
import Testing
@testable import RegistryDomain

@Suite("Unit tree rules")
struct UnitTreeTests {
  let stamp = Fixtures.stamp

  @Test func aCodeIsNeverGivenTwiceEvenAfterItsUnitCloses() throws {
    var tree = try Fixtures.tree()
    try tree.close("DBCS-A-02", on: CivilDate(2023, 7, 1), stamp: stamp)
    let error = #expect(throws: UnitTreeError.self) {
      try tree.add(Fixtures.unit("DBCS-A-02", "Chi bộ mới", .subordinateCell, "DBCS-A"), stamp: stamp)
    }
    #expect(error?.kind == .alreadyExists)
    #expect(error?.field == "code")
  }

  @Test func movingAUnitUnderItsOwnDescendantIsRefusedAsACycle() throws {
    var tree = try Fixtures.tree()
    try tree.add(Fixtures.unit("DBCS-A-P", "Đảng bộ bộ phận", .partialCommittee, "DBCS-A"), stamp: stamp)
    try tree.add(Fixtures.unit("DBCS-A-P-01", "Chi bộ trong đảng bộ bộ phận", .subordinateCell, "DBCS-A-P"), stamp: stamp)
    let error = #expect(throws: UnitTreeError.self) {
      try tree.move("DBCS-A-P", under: "DBCS-A-P-01", effective: CivilDate(2024, 1, 1), stamp: stamp)
    }
    #expect(error?.field == "new_parent_code")
    #expect(error?.message.contains("cycle") == true)
    #expect(tree.unit("DBCS-A-P")?.parentCode == "DBCS-A")
  }

  @Test func aMoveIsRecordedWithItsParentsDateAndWhoMadeIt() throws {
    var tree = try Fixtures.tree()
    try tree.add(Fixtures.unit("DBCS-C", "Đảng bộ Sở Tài chính", .grassrootsCommittee, "DUK"), stamp: stamp)
    let clerk = ChangeStamp(actor: ActorRef(id: "u-17", displayName: "Văn thư Đảng ủy Khối"), at: stamp.at, reason: "Sáp nhập phòng")
    let entry = try tree.move("DBCS-A-01", under: "DBCS-C", effective: CivilDate(2024, 3, 1), stamp: clerk)
    #expect(entry.change == .moved)
    #expect(entry.fromParentCode == "DBCS-A")
    #expect(entry.toParentCode == "DBCS-C")
    #expect(entry.effective == CivilDate(2024, 3, 1))
    #expect(entry.recordedBy.id == "u-17")
    #expect(entry.reason == "Sáp nhập phòng")
    #expect(tree.history(of: "DBCS-A-01").map(\.change) == [.created, .moved])
    #expect(tree.children(of: "DBCS-C").map(\.code) == ["DBCS-A-01"])
    #expect(tree.children(of: "DBCS-A").map(\.code) == ["DBCS-A-02"])
  }

  @Test func aSubordinateCellCannotSitDirectlyUnderTheBlocCommittee() throws {
    var tree = try Fixtures.tree()
    let error = #expect(throws: UnitTreeError.self) {
      try tree.add(Fixtures.unit("CB-X", "Chi bộ lạc chỗ", .subordinateCell, "DUK"), stamp: stamp)
    }
    #expect(error?.field == "kind")
  }

  @Test func aGrassrootsCellHoldsNoUnitsUnderIt() throws {
    var tree = try Fixtures.tree()
    let error = #expect(throws: UnitTreeError.self) {
      try tree.add(Fixtures.unit("CBCS-B-01", "Chi bộ con", .subordinateCell, "CBCS-B"), stamp: stamp)
    }
    #expect(error?.field == "kind")
  }

  @Test func theAllowedParentKindsFollowTheTable() {
    #expect(UnitKind.blocCommittee.allowedParentKinds.isEmpty)
    #expect(UnitKind.grassrootsCommittee.allowedParentKinds == [.blocCommittee])
    #expect(UnitKind.grassrootsCell.allowedParentKinds == [.blocCommittee])
    #expect(UnitKind.partialCommittee.allowedParentKinds == [.grassrootsCommittee])
    #expect(UnitKind.subordinateCell.allowedParentKinds == [.grassrootsCommittee, .partialCommittee])
  }

  @Test func aClosedUnitTakesNoNewChildren() throws {
    var tree = try Fixtures.tree()
    try tree.close("DBCS-A-01", on: CivilDate(2023, 7, 1), stamp: stamp)
    try tree.close("DBCS-A-02", on: CivilDate(2023, 7, 1), stamp: stamp)
    try tree.close("DBCS-A", on: CivilDate(2023, 8, 1), stamp: stamp)
    let error = #expect(throws: UnitTreeError.self) {
      try tree.add(Fixtures.unit("DBCS-A-03", "Chi bộ mới", .subordinateCell, "DBCS-A", opened: CivilDate(2024, 1, 1)), stamp: stamp)
    }
    #expect(error?.kind == .failedPrecondition)
    #expect(error?.field == "parent_code")
  }

  @Test func aUnitWithOpenChildrenCannotClose() throws {
    var tree = try Fixtures.tree()
    let error = #expect(throws: UnitTreeError.self) {
      try tree.close("DBCS-A", on: CivilDate(2024, 1, 1), stamp: stamp)
    }
    #expect(error?.kind == .failedPrecondition)
    #expect(error?.field == "closed")
    #expect(error?.message.contains("DBCS-A-01") == true)
    #expect(tree.unit("DBCS-A")?.closed == nil)
  }

  @Test func aParentThatDoesNotExistIsNotFoundOnParentCode() throws {
    var tree = try Fixtures.tree()
    let error = #expect(throws: UnitTreeError.self) {
      try tree.add(Fixtures.unit("CBCS-Z", "Chi bộ Z", .grassrootsCell, "KHONG-CO"), stamp: stamp)
    }
    #expect(error?.kind == .notFound)
    #expect(error?.field == "parent_code")
  }

  @Test func aMalformedOrganIdIsNamedByItsField() throws {
    var unit = Fixtures.unit("CBCS-Y", "Chi bộ Y", .grassrootsCell, "DUK")
    unit.organId = "H41"
    #expect(unit.validationProblems.map(\.field) == ["organ_id"])
    unit.organId = "000.00.00.H41"
    #expect(unit.validationProblems.isEmpty)
  }

  @Test func aClerkOfACommitteeActsForItsCellsButNotForAnotherOrganisation() throws {
    let tree = try Fixtures.tree()
    #expect(tree.isWithinSubtree("DBCS-A-01", of: "DBCS-A"))
    #expect(tree.isWithinSubtree("DBCS-A", of: "DBCS-A"))
    #expect(!tree.isWithinSubtree("CBCS-B", of: "DBCS-A"))
    #expect(!tree.isWithinSubtree("DBCS-A", of: "DBCS-A-01"))
    let clerk = ActorRef(id: "c", unitCode: "DBCS-A", roles: [.clerk])
    #expect(tree.actor(clerk, actsFor: "DBCS-A-02"))
    #expect(!tree.actor(clerk, actsFor: "CBCS-B"))
  }

  @Test func ancestorsDescendantsAndDepthFollowTheTree() throws {
    let tree = try Fixtures.tree()
    #expect(tree.ancestors(of: "DBCS-A-02").map(\.code) == ["DUK", "DBCS-A"])
    #expect(tree.descendants(of: "DUK").map(\.code) == ["CBCS-B", "DBCS-A", "DBCS-A-01", "DBCS-A-02"])
    #expect(tree.subtree(of: "DBCS-A").map(\.code) == ["DBCS-A", "DBCS-A-01", "DBCS-A-02"])
    #expect(tree.depth(of: "DUK") == 0)
    #expect(tree.depth(of: "DBCS-A-01") == 2)
    #expect(tree.depth(of: "KHONG-CO") == nil)
  }

  @Test func aRenamingIsRecordedWithTheNameBeforeAndAfter() throws {
    var tree = try Fixtures.tree()
    var unit = try #require(tree.unit("CBCS-B"))
    unit.name = "Chi bộ Sở Tư pháp tỉnh Lai Châu"
    let entries = try tree.update(unit, effective: CivilDate(2024, 5, 1), stamp: stamp)
    #expect(entries.map(\.change) == [.renamed])
    #expect(entries.first?.fromName == "Chi bộ Sở Tư pháp")
    #expect(entries.first?.toName == "Chi bộ Sở Tư pháp tỉnh Lai Châu")
  }
}

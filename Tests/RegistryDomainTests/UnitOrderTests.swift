import Foundation
import ReformKit
import Testing
@testable import RegistryDomain

@Suite("The unit tree as it stood on a date")
struct UnitOrderTests {
  @Test func aMoveEffectiveAfterTheDateIsUndone() throws {
    var tree = try Fixtures.tree()
    try tree.add(Fixtures.unit("DBCS-C", "Đảng bộ Sở Tài chính", .grassrootsCommittee, "DUK"), stamp: Fixtures.stamp)
    try tree.move("DBCS-A-02", under: "DBCS-C", effective: CivilDate(2024, 1, 1), stamp: Fixtures.stamp)
    let before = UnitOrder.placed(tree, on: CivilDate(2023, 6, 1))
    let now = UnitOrder.placed(tree, on: nil)
    #expect(before.parent["DBCS-A-02"] == "DBCS-A")
    #expect(now.parent["DBCS-A-02"] == "DBCS-C")
    #expect(before.order == ["DUK", "CBCS-B", "DBCS-A", "DBCS-A-01", "DBCS-A-02", "DBCS-C"])
    #expect(now.order == ["DUK", "CBCS-B", "DBCS-A", "DBCS-A-01", "DBCS-C", "DBCS-A-02"])
    #expect(before.subtree(of: "DBCS-A") == ["DBCS-A", "DBCS-A-01", "DBCS-A-02"])
  }

  @Test func theRootHasNoParent() throws {
    let placed = UnitOrder.placed(try Fixtures.tree(), on: nil)
    #expect(placed.parent["DUK"] == nil)
    #expect(placed.order.first == "DUK")
  }
}

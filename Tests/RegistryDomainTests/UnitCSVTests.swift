import ReformKit
import Testing
@testable import RegistryDomain

@Suite("Units CSV import and export")
struct UnitCSVTests {
  let header = "code,name,kind,parent_code,opened\n"
  let asOf = CivilDate(2025, 1, 1)

  @Test func aParentDefinedLaterInTheSameFileIsAccepted() throws {
    let csv = header + """
      DBCS-A-01,Chi bộ Văn phòng,SUBORDINATE_CELL,DBCS-A,2012-01-01
      DBCS-A,Đảng bộ Sở Nội vụ,GRASSROOTS_COMMITTEE,DUK,2010-01-01
      DUK,Đảng bộ Khối,BLOC_COMMITTEE,,2005-01-01

      """
    let result = try UnitCSV.importUnits(csv, into: UnitTree(), asOf: asOf, stamp: Fixtures.stamp)
    #expect(result.units.map(\.code) == ["DBCS-A-01", "DBCS-A", "DUK"])
    #expect(result.tree.ancestors(of: "DBCS-A-01").map(\.code) == ["DUK", "DBCS-A"])
    #expect(result.created == 3)
  }

  @Test func anImportWithOneBadLineWritesNothingAndNamesTheLineAndColumn() throws {
    let tree = try Fixtures.tree()
    let csv = header + """
      CBCS-C,Chi bộ Sở Xây dựng,GRASSROOTS_CELL,DUK,2015-04-01
      CBCS-D,Chi bộ Sở Y tế,GRASSROOTS_CELL,DUK,2015-13-01
      CBCS-E,Chi bộ Sở Công Thương,GRASSROOTS_CELL,DUK,2016-01-01

      """
    let failure = #expect(throws: CSVImportFailure.self) {
      try UnitCSV.importUnits(csv, into: tree, asOf: asOf, stamp: Fixtures.stamp)
    }
    #expect(failure?.errors.count == 1)
    #expect(failure?.errors.first?.line == 3)
    #expect(failure?.errors.first?.column == 5)
    #expect(failure?.errors.first?.field == "opened")
    #expect(failure?.errors.first?.value == "2015-13-01")
    // The tree given is a value: nothing was applied to it.
    #expect(tree.unit("CBCS-C") == nil)
  }

  @Test func everyProblemOfTheFileIsReportedAtOnce() throws {
    let tree = try Fixtures.tree()
    let csv = header + """
      CBCS-C,,GRASSROOTS_CELL,DUK,2015-04-01
      CBCS-D,Chi bộ Sở Y tế,CHI_BO,DUK,2015-01-01
      CB-E,Chi bộ lạc chỗ,SUBORDINATE_CELL,DUK,2016-01-01
      CBCS-F,Chi bộ F,GRASSROOTS_CELL,KHONG-CO,2016-01-01
      DBCS-A,Đảng bộ trùng mã,GRASSROOTS_CELL,DUK,2016-01-01,
      CBCS-G,Chi bộ G,GRASSROOTS_CELL,DUK,2016-01-01
      CBCS-G,Chi bộ G lần hai,GRASSROOTS_CELL,DUK,2016-01-01

      """
    let failure = #expect(throws: CSVImportFailure.self) {
      try UnitCSV.importUnits(csv, into: tree, asOf: asOf, stamp: Fixtures.stamp)
    }
    let places = failure?.errors.map { "\($0.line):\($0.column):\($0.field)" }
    #expect(places == ["2:2:name", "3:3:kind", "4:3:kind", "5:4:parent_code", "6:0:", "8:1:code"])
  }

  @Test func importThenExportThenImportGivesTheSameUnits() throws {
    let tree = try Fixtures.tree()
    var closing = tree
    try closing.add(Fixtures.unit("CBCS-H", "Chi bộ \"Hợp nhất\", cũ", .grassrootsCell, "DUK"), stamp: Fixtures.stamp)
    try closing.close("CBCS-H", on: CivilDate(2022, 1, 1), successorCode: "CBCS-B", stamp: Fixtures.stamp)
    let exported = UnitCSV.export(closing)
    let first = try UnitCSV.importUnits(exported, into: UnitTree(), asOf: asOf, stamp: Fixtures.stamp)
    let again = UnitCSV.export(first.tree)
    let second = try UnitCSV.importUnits(again, into: UnitTree(), asOf: asOf, stamp: Fixtures.stamp)
    #expect(again == exported)
    #expect(second.units == first.units)
    #expect(Set(first.units) == Set(closing.treeOrder))
  }

  @Test func reImportingTheSameFileChangesNothing() throws {
    let tree = try Fixtures.tree()
    let result = try UnitCSV.importUnits(UnitCSV.export(tree), into: tree, asOf: asOf, stamp: Fixtures.stamp)
    #expect(result.unchanged == tree.count)
    #expect(result.recorded.isEmpty)
  }

  @Test func aNewParentInTheFileIsRecordedAsAMoveAsOfItsEffectiveDate() throws {
    let tree = try Fixtures.tree()
    let csv = """
      code,name,kind,parent_code,opened,effective
      DBCS-C,Đảng bộ Sở Tài chính,GRASSROOTS_COMMITTEE,DUK,2012-01-01,
      DBCS-A-01,Chi bộ Văn phòng,SUBORDINATE_CELL,DBCS-C,2010-01-01,2024-07-01

      """
    let result = try UnitCSV.importUnits(csv, into: tree, asOf: asOf, stamp: Fixtures.stamp)
    let move = try #require(result.recorded.first { $0.change == .moved })
    #expect(move.fromParentCode == "DBCS-A")
    #expect(move.toParentCode == "DBCS-C")
    #expect(move.effective == CivilDate(2024, 7, 1))
    #expect(result.created == 1)
    #expect(result.updated == 1)
  }

  @Test func rowsWhoseParentsFormACycleAreRefused() throws {
    let tree = try Fixtures.tree()
    let csv = header + """
      DBCS-P,Đảng bộ bộ phận P,PARTIAL_COMMITTEE,DBCS-Q,2015-01-01
      DBCS-Q,Đảng bộ bộ phận Q,PARTIAL_COMMITTEE,DBCS-P,2015-01-01

      """
    let failure = #expect(throws: CSVImportFailure.self) {
      try UnitCSV.importUnits(csv, into: tree, asOf: asOf, stamp: Fixtures.stamp)
    }
    #expect(failure?.errors.map(\.line).sorted() == [2, 3])
    #expect(failure?.errors.allSatisfy { $0.field == "parent_code" && $0.message.contains("cycle") } == true)
  }

  @Test func anUnknownColumnIsNamedOnTheHeaderLine() throws {
    let failure = #expect(throws: CSVImportFailure.self) {
      try UnitCSV.importUnits("code,name,kind,parent_code,opened,ten_don_vi\n", into: UnitTree(), asOf: asOf, stamp: Fixtures.stamp)
    }
    #expect(failure?.errors.map { "\($0.line):\($0.column)" } == ["1:6"])
  }
}

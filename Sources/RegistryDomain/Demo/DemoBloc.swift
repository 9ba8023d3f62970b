import Foundation
import ReformKit

/// A synthetic bloc for demonstrations and measurements: the Lai Châu bloc committee (Đảng
/// ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu) with generated grassroots
/// organisations in agencies, public service units, mass organisations and enterprises, their
/// chi bộ trực thuộc, people with generated Vietnamese names of the province's ethnic groups,
/// their categories, theory levels and study records of 01-NQ/ĐUK, and the values of the
/// reported indicators of ``IndicatorSet/resolution01`` for 2021–2025.
///
/// Deterministic: the same seed and scale give the same bloc, byte for byte, on every
/// platform (``SplitMix64``). Every unit below the bloc committee and every person is
/// generated; none is real.
///
/// ## Topics
/// - ``generate(seed:scale:)``
/// - The CSV texts, in the importers' formats: ``unitsCSV``, ``peopleCSV``, ``studiesCSV``,
///   ``valuesCSV``
public struct DemoBloc: Sendable {
  /// The unit tree.
  public var tree: UnitTree
  /// The people, by id.
  public var people: [Person]
  /// The reported indicators' values, by year, unit and indicator.
  public var values: [IndicatorValue]
  /// The set the values belong to.
  public var set: IndicatorSet

  /// The units in ``UnitCSV``'s format.
  public var unitsCSV: String { UnitCSV.export(tree) }
  /// The people in ``PersonCSV``'s format.
  public var peopleCSV: String { PersonCSV.export(people) }
  /// The study records in ``StudyCSV``'s format.
  public var studiesCSV: String { StudyCSV.export(people) }
  /// The values in ``IndicatorValueCSV``'s format.
  public var valuesCSV: String { IndicatorValueCSV.export(values) }

  /// The code of the bloc committee.
  public static let blocCode = "DUK"
  /// The reporting years generated.
  public static let years = 2021...2025
  /// Who the history says recorded the generated units, and when (1 January 2021, UTC).
  static let stamp = ChangeStamp(
    actor: ActorRef(id: "demo", displayName: "Dữ liệu mẫu", roles: [.admin]), at: Date(timeIntervalSince1970: 1_609_459_200))

  /// Generates a bloc.
  ///
  /// - Parameters:
  ///   - seed: the generator's seed; the shipped demo uses 2020.
  ///   - scale: how many organisations, cells and people.
  public static func generate(seed: UInt64, scale: DemoScale = .standard) -> DemoBloc {
    var random = SplitMix64(seed: seed)
    let plan = DemoUnitPlan.make(scale: scale, random: &random)
    let tree: UnitTree
    do {
      tree = try UnitTree(units: plan.units, stamp: stamp)
    } catch {
      // The plan follows the tree's rules by construction; reaching this is a bug.
      fatalError("the generated demo tree breaks a rule: \(error)")
    }
    let people = DemoPeople.make(plan: plan, count: scale.people, random: &random)
    let values = DemoValues.make(plan: plan, set: IndicatorSet.resolution01, random: &random)
    return DemoBloc(tree: tree, people: people, values: values, set: IndicatorSet.resolution01)
  }
}

/// How large a generated bloc is.
public struct DemoScale: Sendable, Hashable {
  /// Grassroots Party organisations (đảng bộ cơ sở and chi bộ cơ sở), the bloc office's cell
  /// included.
  public var grassrootsOrganisations: Int
  /// Chi bộ trực thuộc under the đảng bộ cơ sở.
  public var subordinateCells: Int
  /// People.
  public var people: Int

  /// A scale; each count is at least 1.
  public init(grassrootsOrganisations: Int, subordinateCells: Int, people: Int) {
    self.grassrootsOrganisations = max(1, grassrootsOrganisations)
    self.subordinateCells = max(1, subordinateCells)
    self.people = max(1, people)
  }

  /// A bloc like Lai Châu's: 40 grassroots organisations, 120 chi bộ trực thuộc, 2,500
  /// people.
  public static let standard = DemoScale(grassrootsOrganisations: 40, subordinateCells: 120, people: 2_500)

  /// For measuring: 1,000 units and 100,000 people.
  public static let benchmark = DemoScale(grassrootsOrganisations: 250, subordinateCells: 749, people: 100_000)
}

/// A unit placed directly under another by a submitted collective: its parent unit, or a
/// disciplined subordinate under it (``SubmittedUnitHierarchy``).
struct UnitLink: Sendable, Hashable {
  var unitCode: String
  var parentCode: String
}

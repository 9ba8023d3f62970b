/// A part of the registry's data with its own revision counter in `registry_revisions`:
/// every write that changes a part increments its counter in the same transaction, and every
/// process reloads a part it holds in memory when the counter moved.
enum StoreArea: String, CaseIterable, Sendable {
  /// Units and their history.
  case units
  /// People and their study records.
  case people
  /// Indicator sets.
  case sets
  /// Indicator values and the periods' workflow.
  case values
}

/// Where the classification module learns which unit a person is counted under, so that a
/// clerk's evaluation of a person is checked against the person's own unit and not only the
/// unit the request claims.
///
/// The registry is the owner of people (``RegistryPersonUnits``, through the coordinator). A
/// module with no registry to ask checks only the units of the evaluations it already holds.
public protocol ClassificationPersonUnits: Sendable {
  /// The unit each of `personIds` is counted under; a person the registry does not know is
  /// left out of the answer. `scope` is the unit whose subtree the caller acts for, where most
  /// of the people are expected: an implementation may read that subtree's people at once.
  ///
  /// - Throws: an `RPCError` (e.g. `UNAVAILABLE`) when the people cannot be read.
  func units(of personIds: [String], expectedUnder scope: String) async throws -> [String: String]
}

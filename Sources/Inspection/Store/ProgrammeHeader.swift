/// What stays the same across a programme's versions, and the version a replan must start
/// from: what handlers need to find, scope and name a programme without reading it whole.
struct ProgrammeHeader: Sendable, Hashable {
  /// `KTGS-2026-0001`: the year and a number counted per year.
  var programmeId: String
  var year: Int
  var ownerUnitCode: String
  var name: String
  /// The latest version stored.
  var latestVersion: Int
}

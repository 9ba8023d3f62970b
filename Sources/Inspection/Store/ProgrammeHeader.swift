import ReformWire

/// What stays the same across a programme's versions, and the version a replan must start
/// from: what handlers need to find, scope and name a programme without reading it whole.
///
/// Its properties are columns of `inspection_programme`, so that a store reads it straight
/// from a row.
struct ProgrammeHeader: Sendable, Hashable, Decodable {
  /// `KTGS-2026-0001`: the year and a number counted per year.
  var programmeId: String
  var year: Int
  var ownerUnitCode: String
  var name: String
  /// The latest version stored.
  var latestVersion: Int
}

extension ProgrammeHeader {
  /// The refusal of a write to the programme `programmeID`, which is not stored.
  static func missing(_ programmeID: String) -> InspectionStoreRefusal {
    InspectionStoreRefusal(.notFound, field: "programme_id", "no programme \(programmeID)")
  }

  /// `programme` as the version after `baseVersion`, to be stored.
  ///
  /// - Throws: ``InspectionStoreRefusal``, a failed precondition on `base_version`, when
  ///   `baseVersion` is no longer the latest: another version was stored after it meanwhile.
  func version(_ programme: InspectionProgramme, after baseVersion: Int) throws(InspectionStoreRefusal)
    -> InspectionProgramme
  {
    guard latestVersion == baseVersion else {
      throw InspectionStoreRefusal(
        .failedPrecondition, field: "base_version",
        "version \(baseVersion) of \(programmeId) is no longer the latest (\(latestVersion)); read the latest and replan from it"
      )
    }
    var next = programme
    next.version = Int32(clamping: baseVersion + 1)
    return next
  }
}

/// An OrganId registered for a second unit.
public struct DirectoryConflict: Error, CustomStringConvertible {
  /// The OrganId.
  public var organId: String
  /// The unit that holds it.
  public var holder: String
  /// The unit that asked for it.
  public var claimant: String

  public var description: String {
    "OrganId \(organId) already belongs to unit \(holder); it cannot also be \(claimant)'s"
  }
}

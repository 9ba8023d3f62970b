/// A protobuf enum of Reform's schema: an open set of `Int32` values, of which the schema names
/// some as `static let`s. A value the schema does not name (sent by a newer peer) is kept as is.
public protocol WireEnum: RawRepresentable, Sendable, Hashable where RawValue == Int32 {
  init(rawValue: Int32)
  /// Every value the schema names.
  static var allKnown: [Self] { get }
}

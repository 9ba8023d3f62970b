import Foundation

/// Server-assigned identifiers: a prefix saying what they name and a random UUID, so that ids
/// made by several processes never collide and say nothing about each other.
enum ExchangeIDs {
  /// What an id names.
  enum Kind: String {
    case upload = "up"
    case attachment = "att"
    case notice = "ntc"
  }

  static func make(_ kind: Kind) -> String {
    "\(kind.rawValue)-\(UUID().uuidString.lowercased())"
  }
}

import ArgumentParser
import Foundation
import ReformWire

/// A rating level on the command line: `HTXSNV`, `HTTNV`, `HTNV` or `KHTNV`, in any case.
struct RatingLevelArgument: ExpressibleByArgument, Sendable {
  let level: RatingLevel

  init?(argument: String) {
    guard let level = RatingText.levels.first(where: { RatingText.level($0) == argument.uppercased() }) else { return nil }
    self.level = level
  }

  static var allValueStrings: [String] { RatingText.levels.map(RatingText.level) }
}

/// A subject kind on the command line: `party-member`, `civil-servant`, `public-employee` or
/// `collective` — or in Vietnamese: `đảng viên`, `công chức`, `viên chức`, `tập thể`.
struct RatingKindArgument: ExpressibleByArgument, Sendable {
  let kind: RatingSubjectKind

  init?(argument: String) {
    guard let kind = Self.parse(argument) else { return nil }
    self.kind = kind
  }

  /// The kind a cell or an argument names, by ``RatingText/key(_:)``.
  static func parse(_ text: String) -> RatingSubjectKind? {
    switch RatingText.key(text) {
    case "party-member", "dang-vien": .partyMember
    case "civil-servant", "cong-chuc", "can-bo": .civilServant
    case "public-employee", "vien-chuc": .publicEmployee
    case "collective", "tap-the": .collective
    default: nil
    }
  }

  static var allValueStrings: [String] { ["party-member", "civil-servant", "public-employee", "collective"] }
}

/// How a `rating` listing prints: an aligned table to read, or CSV to paste into a
/// spreadsheet.
enum RatingOutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case table, csv
}

/// A share on the command line as a percentage with at most two decimals — `30`, `30%`,
/// `27.5` — held as basis points (3000, 2750).
struct RatingShareArgument: ExpressibleByArgument, Sendable {
  let basisPoints: Int32

  init?(argument: String) {
    var text = argument.trimmingCharacters(in: .whitespaces)
    if text.hasSuffix("%") { text.removeLast() }
    guard let hundredths = RatingNumber.hundredths(text), (0...1_000_000).contains(hundredths) else { return nil }
    basisPoints = Int32(hundredths)
  }

  static var defaultValueDescription: String { "a percentage, e.g. 30 or 27.5" }
}

/// Reads decimal figures typed by people, exactly, without floating point.
enum RatingNumber {
  /// `27.5`, `27,50` or `27` as hundredths (2750, 2750, 2700); `nil` for anything else,
  /// including a third decimal or a value beyond 20 million.
  static func hundredths(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: trimmed.contains(",") ? "," : ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = digits(parts[0]), whole <= 20_000_000 else { return nil }
    var fraction = 0
    if parts.count == 2 {
      let decimals = parts[1]
      guard (1...2).contains(decimals.count), let value = digits(decimals) else { return nil }
      fraction = decimals.count == 1 ? value * 10 : value
    }
    return whole * 100 + fraction
  }

  /// A whole number of at most nine digits, without sign or spaces.
  static func digits(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }
}

import ReformWire

/// A wire enum whose values are a domain enum's cases, spelled with a prefix: the domain's
/// `BLOC_COMMITTEE` is the wire's `UNIT_KIND_BLOC_COMMITTEE`. Conversions go by name, so a value
/// added to both schemas needs no new code here.
///
/// A module bridges each of its enums by conforming the wire type in its `Mapping/` folder:
///
/// ```swift
/// extension ReformWire.UnitKind: DomainMirrored {
///   public typealias Domain = UnitKind
///   public static let namePrefix = "UNIT_KIND_"
///   public static let byDomainName = namesTable()
/// }
/// ```
public protocol DomainMirrored: WireEnum, CustomStringConvertible {
  associatedtype Domain: RawRepresentable & CaseIterable where Domain.RawValue == String
  /// What the wire's value names start with, e.g. `UNIT_KIND_`.
  static var namePrefix: String { get }
  /// ``namesTable()``, made once per type.
  static var byDomainName: [String: Self] { get }
}

extension DomainMirrored {
  /// The wire value of a domain value.
  public init(_ value: Domain) {
    self = Self.byDomainName[value.rawValue] ?? Self(rawValue: 0)
  }

  /// Every named wire value by its domain name (without the prefix), for ``init(_:)``, which
  /// runs for each row of a large report.
  public static func namesTable() -> [String: Self] {
    var table: [String: Self] = [:]
    for value in allKnown where value.description.hasPrefix(namePrefix) {
      table[String(value.description.dropFirst(namePrefix.count))] = value
    }
    return table
  }

  /// The domain value; `nil` for the unspecified value (0).
  ///
  /// - Throws: `INVALID_ARGUMENT` on `field` for a number the schema does not name.
  public func domain(field: String) throws -> Domain? {
    guard rawValue != 0 else { return nil }
    let name = description
    if name.hasPrefix(Self.namePrefix), let value = Domain(rawValue: String(name.dropFirst(Self.namePrefix.count))) {
      return value
    }
    throw FieldError.invalid(field, "\(rawValue) is not a known value; use one of \(Self.knownNames)")
  }

  /// The domain value, which must be given.
  ///
  /// - Throws: `INVALID_ARGUMENT` on `field` for the unspecified value or an unknown number.
  public func required(field: String) throws -> Domain {
    guard let value = try domain(field: field) else {
      throw FieldError.invalid(field, "is required: one of \(Self.knownNames)")
    }
    return value
  }

  /// The names of the values besides the unspecified one, for messages.
  public static var knownNames: String {
    Domain.allCases.map { namePrefix + $0.rawValue }.joined(separator: ", ")
  }
}

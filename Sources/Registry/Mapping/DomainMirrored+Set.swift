import ReformModule

extension Array where Element: DomainMirrored, Element.Domain: Hashable {
  /// The domain values of a repeated enum field, as a filter: each value must be given.
  ///
  /// - Throws: `INVALID_ARGUMENT` on `field[i]` for the first unspecified or unknown value.
  func requiredSet(field: String) throws -> Set<Element.Domain> {
    var values = Set<Element.Domain>()
    for (index, value) in enumerated() { values.insert(try value.required(field: "\(field)[\(index)]")) }
    return values
  }
}

import ReformKit

extension FieldPath {
  /// The proto path of an evaluation field inside its entry, from the domain's path after
  /// `persons[N].` or `collectives[N].`.
  static func evaluationField(_ rest: String) -> String {
    // The proto lists disciplined subordinates as bare codes.
    if rest.hasPrefix("disciplinedSubordinates["), rest.hasSuffix("].unitCode") {
      return "disciplined_subordinate_unit_codes" + rest.dropFirst("disciplinedSubordinates".count).dropLast(".unitCode".count)
    }
    return proto(rest)
  }
}

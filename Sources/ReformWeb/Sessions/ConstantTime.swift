/// Comparisons of secrets that take the same time wherever the first difference lies.
enum ConstantTime {
  /// Whether `a` and `b` hold the same bytes. The length is not secret (form tokens have one
  /// length); the contents are.
  static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
  }
}

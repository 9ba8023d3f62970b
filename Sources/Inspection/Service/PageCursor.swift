import ReformModule
import ReformWire

/// Where a page of a list starts and how long it is, from a `PageRequest`: `page_size` 0 for
/// 100, above 1000 taken as 1000; `page_token` the opaque token of the previous page, which
/// holds the last id shown, so that pages stay consistent while programmes are added.
struct PageCursor: Sendable, Hashable {
  static let defaultSize = 100
  static let maxSize = 1_000

  /// Entries on the page.
  var size: Int
  /// The id after which the page starts; empty for the first page.
  var after: String

  /// The page `page` asks for.
  init(_ page: PageRequest?, field: String) throws {
    let page = page ?? PageRequest()
    guard page.pageSize >= 0 else { throw FieldError.invalid("\(field).page_size", "must not be negative") }
    size = page.pageSize == 0 ? Self.defaultSize : min(Int(page.pageSize), Self.maxSize)
    guard !page.pageToken.isEmpty else {
      after = ""
      return
    }
    guard let id = Self.id(inToken: page.pageToken) else {
      throw FieldError.invalid("\(field).page_token", "is not a token this service gave; start again without one")
    }
    after = id
  }

  /// The token of the page after the one ending with `id`.
  static func token(after id: String) -> String {
    (prefix + id).utf8.map { byte in
      let digits = Array("0123456789abcdef")
      return "\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0f)])"
    }.joined()
  }

  private static let prefix = "after:"

  /// The id a token holds, or `nil` when it is not one of ours.
  private static func id(inToken token: String) -> String? {
    let hex = Array(token.utf8)
    guard hex.count % 2 == 0, hex.count <= 2 * (prefix.utf8.count + InspectionLimits.maxCodeLength) else { return nil }
    var bytes: [UInt8] = []
    for i in stride(from: 0, to: hex.count, by: 2) {
      guard let high = nibble(hex[i]), let low = nibble(hex[i + 1]) else { return nil }
      bytes.append(high << 4 | low)
    }
    guard let text = String(validating: bytes, as: UTF8.self), text.hasPrefix(prefix) else { return nil }
    return String(text.dropFirst(prefix.count))
  }

  private static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case 0x30...0x39: c - 0x30
    case 0x61...0x66: c - 0x61 + 10
    default: nil
    }
  }
}

import Foundation

/// Where a page of a list call starts and how long it is, read from a request's `page_size`
/// and `page_token`: the one paging rule of every list in Reform.
///
/// `page_size` 0 means ``defaultSize``, more than ``maxSize`` is served ``maxSize`` (as AIP-158
/// advises), a negative size is refused. The token is opaque to callers: it holds the list it
/// was issued for and the sort key of the last item shown (column by column, as text), so a
/// page continues right after that item however many were added meanwhile, and a token sent
/// to another list, or altered, is refused naming `page_token` instead of giving a page of
/// something else.
///
/// A module's handler reads the cursor, its store fetches `size` (plus one, to know whether
/// more follow) items whose key is after ``after``, and the response carries
/// ``nextToken(after:)`` of the last item shown when more follow:
///
/// ```swift
/// let cursor = try PageCursor(size: request.page?.pageSize ?? 0, token: request.page?.pageToken ?? "",
///                             list: "exchange.inbox.\(unit)")
/// let rows = try await store.inbox(unit, after: cursor.after, limit: cursor.size + 1)
/// let next = rows.count > cursor.size ? cursor.nextToken(after: [rows[cursor.size - 1].key]) : ""
/// ```
///
/// A refusal is a ``PageRefusal`` (a ``DomainFailure``): `FieldError(refusal)` in the module
/// layer answers it `INVALID_ARGUMENT` on `page.page_token` or `page.page_size`.
///
/// ## Topics
/// - ``init(size:token:list:field:)``, ``size``, ``after``, ``integer(_:)``
/// - ``nextToken(after:)``, ``token(list:after:)``
/// - ``clampedSize(_:field:)``
public struct PageCursor: Sendable, Hashable {
  /// Items on a page when the request asks for none.
  public static let defaultSize = 100
  /// The most items on a page.
  public static let maxSize = 1_000
  /// The longest token accepted, in bytes.
  public static let maxTokenBytes = 4_096

  /// Items on this page.
  public let size: Int
  /// The sort key of the last item of the page before, column by column; nil on the first page.
  public let after: [String]?
  /// The list the cursor walks: what the token must have been issued for.
  public let list: String
  /// The request field holding the page, for refusals (`page`).
  private let field: String

  /// The page a request asks for in the list named `list`.
  ///
  /// - Parameters:
  ///   - size: the request's `page_size`.
  ///   - token: the request's `page_token`; empty for the first page.
  ///   - list: what the list is, with every filter that changes its items (e.g.
  ///     `inspection.programmes.DUK.2026`): a token given for another list is refused.
  ///   - field: the Swift name of the request's paging field, for the refusal's path.
  /// - Throws: ``PageRefusal`` naming `<field>.pageSize` (negative) or `<field>.pageToken` (not a
  ///   token of this list).
  public init(size: Int32, token: String, list: String, field: String = "page") throws(PageRefusal) {
    self.size = try Self.clampedSize(size, field: field)
    self.list = list
    self.field = field
    guard !token.isEmpty else {
      after = nil
      return
    }
    guard let fields = Self.fields(of: token) else {
      throw PageRefusal(field: "\(field).pageToken", "is not a token this service gave; start again without one")
    }
    guard fields.first == list else {
      throw PageRefusal(field: "\(field).pageToken", "was given for another list or other filters; start again without one")
    }
    after = Array(fields.dropFirst())
  }

  /// `requested` as a page size: 0 for ``defaultSize``, at most ``maxSize``.
  ///
  /// - Throws: ``PageRefusal`` naming `<field>.pageSize` when `requested` is negative.
  public static func clampedSize(_ requested: Int32, field: String = "page") throws(PageRefusal) -> Int {
    guard requested >= 0 else {
      throw PageRefusal(
        field: "\(field).pageSize", "must not be negative (0 for the default of \(defaultSize)); got \(requested)")
    }
    return requested == 0 ? defaultSize : min(Int(requested), maxSize)
  }

  /// Column `index` of ``after`` as an integer.
  ///
  /// - Throws: ``PageRefusal`` naming `<field>.pageToken` when the token holds no integer there.
  public func integer(_ index: Int) throws(PageRefusal) -> Int64 {
    guard let after, after.indices.contains(index), let value = Int64(after[index]) else {
      throw PageRefusal(field: "\(field).pageToken", "is not a token this service gave; start again without one")
    }
    return value
  }

  /// The token of the page after one that ended with the item whose sort key is `key`.
  public func nextToken(after key: [String]) -> String { Self.token(list: list, after: key) }

  /// The token of the page of `list` after the item whose sort key is `key`: base64url of the
  /// fields, behind a checksum so that an altered token is told from one of ours.
  public static func token(list: String, after key: [String]) -> String {
    let payload = (try? JSONEncoder().encode([list] + key)) ?? Data()
    let bytes = Array(checksum(of: Array(payload)).utf8) + Array(payload)
    return Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  /// The list and key a token holds, or nil when it is not one of ours.
  private static func fields(of token: String) -> [String]? {
    guard token.utf8.count <= maxTokenBytes else { return nil }
    var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    if base64.utf8.count % 4 != 0 { base64 += String(repeating: "=", count: 4 - base64.utf8.count % 4) }
    guard let data = Data(base64Encoded: base64), data.count > 16 else { return nil }
    let bytes = Array(data)
    let payload = Array(bytes[16...])
    guard String(decoding: bytes[..<16], as: UTF8.self) == checksum(of: payload),
      let fields = try? JSONDecoder().decode([String].self, from: Data(payload)), !fields.isEmpty
    else { return nil }
    return fields
  }

  /// FNV-1a (64 bits) of `bytes` in 16 hex digits: not a secret, only a guard against a token
  /// edited by hand or cut short.
  private static func checksum(of bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

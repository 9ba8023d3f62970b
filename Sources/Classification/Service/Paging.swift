import Foundation
import GRPCCore
import ReformWire

/// A list call's page: its size (100 by default, at most 1000) and where it starts, read from
/// the request's PageRequest. The token is opaque to callers: the list it belongs to and the
/// key of the last item returned, so that a page never repeats or skips an item when others
/// are added meanwhile.
struct Paging: Sendable {
  static let defaultSize = 100
  static let maximumSize = 1_000

  /// Items on this page.
  let size: Int
  /// The key after which the page starts; `nil` for the first page.
  let after: [TokenValue]?
  /// The list the token belongs to.
  private let list: String

  /// The page `request` asks for in the list named `list`.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming `page.page_size` (negative) or `page.page_token`
  ///   (not a token of this list).
  init(_ request: PageRequest?, list: String) throws(RPCError) {
    self.list = list
    let requested = Int(request?.pageSize ?? 0)
    guard requested >= 0 else {
      throw RPCError(code: .invalidArgument, message: "page.page_size: must not be negative; got \(requested)")
    }
    size = requested == 0 ? Self.defaultSize : min(requested, Self.maximumSize)
    let token = request?.pageToken ?? ""
    guard !token.isEmpty else {
      after = nil
      return
    }
    guard token.utf8.count <= 4_096, let data = Data(base64Encoded: Self.unpadded(token)),
      let decoded = try? JSONDecoder().decode(Token.self, from: data), decoded.list == list
    else {
      throw RPCError(
        code: .invalidArgument, message: "page.page_token: not a token this list gave; start again without one")
    }
    after = decoded.key
  }

  /// The response's paging: the token for the page after one that ended at `lastKey`, when
  /// the page was full.
  func response(itemsReturned: Int, lastKey: [TokenValue]?, total: Int) -> PageResponse {
    guard itemsReturned == size, let lastKey else { return PageResponse(nextPageToken: "", totalCount: Int64(total)) }
    let data = (try? JSONEncoder().encode(Token(list: list, key: lastKey))) ?? Data()
    return PageResponse(nextPageToken: data.base64EncodedString(), totalCount: Int64(total))
  }

  /// A value of a page key.
  enum TokenValue: Codable, Sendable, Equatable {
    case int(Int64)
    case text(String)
  }

  /// The integer at `index` of the page key, if the token holds one there.
  func int(_ index: Int) -> Int64? {
    guard let after, after.indices.contains(index), case .int(let value) = after[index] else { return nil }
    return value
  }

  /// The text at `index` of the page key, if the token holds one there.
  func text(_ index: Int) -> String? {
    guard let after, after.indices.contains(index), case .text(let value) = after[index] else { return nil }
    return value
  }

  private struct Token: Codable {
    var list: String
    var key: [TokenValue]
  }

  /// Base64 with its padding restored, for tokens whose `=` a caller dropped.
  private static func unpadded(_ token: String) -> String {
    let remainder = token.utf8.count % 4
    return remainder == 0 ? token : token + String(repeating: "=", count: 4 - remainder)
  }
}

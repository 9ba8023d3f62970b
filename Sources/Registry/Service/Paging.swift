import ReformModule
import Crypto
import Foundation
import ReformWire

/// One page of a list call: `page_size` items (100 when 0, at most 1000) from the offset an
/// opaque `page_token` carries. A token names the query it was issued for, so a token sent
/// with other filters is refused rather than giving a page of something else.
struct Paging {
  static let defaultSize = 100
  static let maxSize = 1_000

  let offset: Int
  let size: Int
  private let query: String

  /// The page a request asks for.
  ///
  /// - Parameter query: the request's encoding with its `page` cleared.
  init(_ page: PageRequest?, query: some WireMessage) throws {
    let request = page ?? PageRequest()
    guard request.pageSize >= 0 else {
      throw FieldError.invalid("page.page_size", "must be 0 (the default, \(Paging.defaultSize)) or more; got \(request.pageSize)")
    }
    size = request.pageSize == 0 ? Paging.defaultSize : min(Int(request.pageSize), Paging.maxSize)
    let bytes = (try? query.wireBytes()) ?? []
    self.query = SHA256.hash(data: bytes).prefix(6).map { String($0, radix: 16) }.joined()
    guard !request.pageToken.isEmpty else {
      offset = 0
      return
    }
    guard let data = Data(base64Encoded: request.pageToken), let text = String(data: data, encoding: .utf8) else {
      throw FieldError.invalid("page.page_token", "is not a token this service gave; start again without one")
    }
    let parts = text.split(separator: ":")
    guard parts.count == 2, let offset = Int(parts[0]), offset >= 0 else {
      throw FieldError.invalid("page.page_token", "is not a token this service gave; start again without one")
    }
    guard parts[1] == self.query else {
      throw FieldError.invalid("page.page_token", "was given for a list with other filters; start again without one")
    }
    self.offset = offset
  }

  /// This page of `items`, and the paging part of the response.
  func slice<Item>(_ items: [Item]) -> ([Item], PageResponse) {
    let start = min(offset, items.count)
    let end = min(start + size, items.count)
    let next = end < items.count ? Data("\(end):\(query)".utf8).base64EncodedString() : ""
    return (Array(items[start..<end]), PageResponse(nextPageToken: next, totalCount: Int64(items.count)))
  }
}

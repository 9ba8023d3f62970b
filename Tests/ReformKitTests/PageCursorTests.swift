import ReformKit
import Testing

/// Every list pages the same way: sizes clamped to the same bounds, tokens opaque, and a token
/// that is not this list's refused on `page_token`.
@Suite struct PageCursorTests {
  @Test func aSizeOfZeroIsTheDefaultAndALargeOneIsTheMaximum() throws {
    #expect(try PageCursor(size: 0, token: "", list: "l").size == 100)
    #expect(try PageCursor(size: 7, token: "", list: "l").size == 7)
    #expect(try PageCursor(size: 1_000, token: "", list: "l").size == 1_000)
    #expect(try PageCursor(size: 5_000, token: "", list: "l").size == 1_000)
    #expect(try PageCursor.clampedSize(Int32.max) == 1_000)
  }

  @Test func aNegativeSizeIsRefusedOnPageSize() {
    #expect(throws: PageRefusal.self) { try PageCursor(size: -1, token: "", list: "l") }
    do {
      _ = try PageCursor(size: -1, token: "", list: "l", field: "page")
    } catch {
      #expect(error.field == "page.pageSize")
      #expect(error.kind == .invalidArgument)
    }
  }

  @Test func theFirstPageStartsNowhereAndANextTokenResumesAfterItsKey() throws {
    let first = try PageCursor(size: 2, token: "", list: "exchange.inbox.DUK")
    #expect(first.after == nil)
    let token = first.nextToken(after: ["2026-10-16", "12", "tên có dấu\n, \"và\" ký tự lạ"])
    #expect(!token.contains("="))
    #expect(!token.contains("/") && !token.contains("+"))
    let second = try PageCursor(size: 2, token: token, list: "exchange.inbox.DUK")
    #expect(second.after == ["2026-10-16", "12", "tên có dấu\n, \"và\" ký tự lạ"])
    #expect(try second.integer(1) == 12)
    #expect(throws: PageRefusal.self) { try second.integer(0) }
    #expect(throws: PageRefusal.self) { try second.integer(3) }
  }

  @Test func aTokenOfAnotherListIsRefused() throws {
    let token = PageCursor.token(list: "inspection.programmes.DUK", after: ["P-1"])
    do {
      _ = try PageCursor(size: 0, token: token, list: "inspection.programmes.SNV")
      Issue.record("a token of another list was taken")
    } catch {
      #expect(error.field == "page.pageToken")
      #expect(error.message.contains("another list"))
    }
  }

  @Test("a foreign token is refused on page_token", arguments: ["not base64 at all!", "bzEyMw", "o123"])
  func aForeignTokenIsRefused(_ token: String) {
    #expect(throws: PageRefusal.self) { try PageCursor(size: 0, token: token, list: "audit") }
  }

  @Test func aTokenLongerThanAnyOfOursIsRefused() {
    #expect(throws: PageRefusal.self) { try PageCursor(size: 0, token: String(repeating: "A", count: 5_000), list: "audit") }
  }

  @Test func aTokenChangedByOneCharacterIsRefused() throws {
    let token = PageCursor.token(list: "audit", after: ["41"])
    var bytes = Array(token.utf8)
    bytes[bytes.count - 3] = bytes[bytes.count - 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    let altered = String(decoding: bytes, as: UTF8.self)
    #expect(throws: PageRefusal.self) { try PageCursor(size: 0, token: altered, list: "audit") }
    #expect(throws: PageRefusal.self) { try PageCursor(size: 0, token: String(token.dropLast(4)), list: "audit") }
  }

  @Test func aRefusalNamesTheFieldUnderTheRequestsPagingField() {
    do {
      _ = try PageCursor(size: 0, token: "garbage", list: "l", field: "listing.page")
    } catch {
      #expect(error.field == "listing.page.pageToken")
      #expect(FieldPath.proto(error.field) == "listing.page.page_token")
    }
  }
}

import Foundation
import ReformKit
import Testing

@Suite("Source references")
struct SourceRefTests {
  private func decode(_ json: String, strict: Bool) throws -> SourceRef {
    let decoder = JSONDecoder()
    if strict { decoder.userInfo[StrictKeys.requested] = true }
    return try decoder.decode(SourceRef.self, from: Data(json.utf8))
  }

  @Test func articleAndNoteMayBeLeftOut() throws {
    let reference = try decode(#"{"document":"01-NQ/ĐUK","issued":"2020-12-31"}"#, strict: true)
    #expect(reference == SourceRef(document: "01-NQ/ĐUK", issued: CivilDate(year: 2020, month: 12, day: 31)))
    #expect(reference.citation == "01-NQ/ĐUK")
  }

  @Test func anUnknownKeyIsRefusedOnlyWhenTheReaderAsksForStrictKeys() throws {
    let json = #"{"document":"366-QĐ/TW","artcle":"Điều 4"}"#
    #expect(try decode(json, strict: false).article == "")
    #expect(throws: DecodingError.self) { try decode(json, strict: true) }
  }

  /// A classification rule set is identified by the SHA-256 of its JSON: `article` is always
  /// written, `note` only when it says something.
  @Test func theArticleIsAlwaysWrittenAndAnEmptyNoteNever() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let text = String(decoding: try encoder.encode(SourceRef(document: "124-QĐ/TW")), as: UTF8.self)
    #expect(text == #"{"article":"","document":"124-QĐ/TW"}"#)
  }
}

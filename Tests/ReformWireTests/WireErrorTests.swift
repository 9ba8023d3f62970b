import GRPCCore
import ReformWire
import Testing

/// Bad bytes and unencodable text become `invalidArgument` errors that name what to fix.
@Suite struct WireErrorTests {
  @Test func undecodableBytesNameTheMessageType() {
    // Field 1 as a length-delimited string claiming 10 bytes, with 2 present.
    let truncated: [UInt8] = [0x0a, 0x0a, 0x41, 0x42]
    #expect(throws: WireError(.undecodable, in: "reform.v1.Principal")) {
      try Principal(wireBytes: truncated)
    }
  }

  @Test func invalidUTF8NamesTheTypeAndField() {
    // Field 2 (display_name) holding 0xC3 0x28, an invalid UTF-8 sequence.
    let bytes: [UInt8] = [0x12, 0x02, 0xc3, 0x28]
    #expect(throws: WireError(.invalidUTF8, in: "reform.v1.Principal", field: "display_name")) {
      try Principal(wireBytes: bytes)
    }
  }

  @Test func invalidUTF8InANestedMessageNamesTheNestedType() {
    // Person.studies (field 14) → ReformStudyRecord.form (field 3) holding the lone byte 0xFF.
    let bytes: [UInt8] = [0x72, 0x03, 0x1a, 0x01, 0xff]
    #expect(throws: WireError(.invalidUTF8, in: "reform.v1.ReformStudyRecord", field: "form")) {
      try Person(wireBytes: bytes)
    }
  }

  @Test func textWithNulCannotBeEncoded() {
    #expect(throws: WireError(.nulInText, in: "reform.v1.Principal", field: "unit_code")) {
      try Principal(unitCode: "A\u{0}B").wireBytes()
    }
  }

  @Test func textWithNulIsRefusedWhenDecodedNotCut() {
    // Principal.unit_code (field 3) holding "A", NUL, "B": a C string would read "A".
    let bytes: [UInt8] = [0x1a, 0x03, 0x41, 0x00, 0x42]
    #expect(throws: WireError(.nulInText, in: "reform.v1.Principal", field: "unit_code")) {
      try Principal(wireBytes: bytes)
    }
  }

  @Test func textWithNulInANestedMessageNamesTheNestedFieldAndZerosElsewhereDecode() {
    // Person.studies (field 14) → ReformStudyRecord.form (field 3) holding "x", NUL.
    #expect(throws: WireError(.nulInText, in: "reform.v1.ReformStudyRecord", field: "form")) {
      try Person(wireBytes: [0x72, 0x04, 0x1a, 0x02, 0x78, 0x00])
    }
    // A zero in a number (roles: 0) and in a field the message does not have (31) are not text.
    #expect(throws: Never.self) { try Principal(wireBytes: [0x20, 0x00, 0xfa, 0x01, 0x02, 0x00, 0x00]) }
  }

  @Test func zeroBytesOutsideTextStillDecode() throws {
    // A zero-valued number encodes a zero byte that is in no string: the value decodes as before.
    let value = Principal(id: "p-1", displayName: "Lò Văn Páo", unitCode: "DUK", roles: [.clerk, .viewer])
    var bytes = try value.wireBytes()
    bytes += [0x20, 0x00]  // roles: an explicit 0 (unspecified) element
    let decoded = try Principal(wireBytes: bytes)
    #expect(decoded.id == "p-1" && decoded.displayName == "Lò Văn Páo" && decoded.unitCode == "DUK")
  }

  @Test func deserializerMapsToInvalidArgument() throws {
    let deserializer = WireDeserializer<Principal>()
    do {
      _ = try deserializer.deserialize([UInt8]([0x12, 0x02, 0xc3, 0x28]))
      Issue.record("expected an error")
    } catch let error as RPCError {
      #expect(error.code == .invalidArgument)
      #expect(error.message.contains("reform.v1.Principal.display_name"))
    }
  }

  @Test func serializerAndDeserializerAgree() throws {
    let value = Principal(id: "p-1", displayName: "Lò Văn Páo", unitCode: "DUK", roles: [.clerk, .viewer])
    let bytes: [UInt8] = try WireSerializer<Principal>().serialize(value)
    #expect(try WireDeserializer<Principal>().deserialize(bytes) == value)
  }
}

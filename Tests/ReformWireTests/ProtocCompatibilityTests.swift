import Foundation
import ReformWire
import ReformWireTesting
import Testing

/// Wire compatibility with the reference implementation, `protoc` (Debian's protobuf-compiler,
/// a test-time tool only): what this project encodes, protoc decodes with no unknown field and
/// re-encodes to the same bytes; what protoc encodes from text, this project decodes.
@Suite struct ProtocCompatibilityTests {
  @Test(arguments: [("NFC text", SampleEncoder.Variant.nfc), ("zero-valued oneof members", .zeroOneofs)].map(\.0))
  func protocReadsAndRewritesEveryMessage(variant name: String) throws {
    let variant: SampleEncoder.Variant = name == "NFC text" ? .nfc : .zeroOneofs
    for type in WireCatalogue.messageTypes {
      let ours = try encode(type, SampleEncoder(variant: variant).encode(type.cDescriptor))
      let text = try Self.decode(type.protoName, ours)
      #expect(!Self.hasUnknownFields(text), "\(type.protoName): protoc found fields it does not know:\n\(text)")
      let theirs = try Self.encode(type.protoName, text)
      #expect(theirs == ours, "\(type.protoName): protoc re-encoded \(theirs.count) bytes, we made \(ours.count)")
    }
  }

  /// Our bytes, as the bridge re-encodes a decoded sample.
  private func encode<M: WireMessage>(_ type: M.Type, _ sample: [UInt8]) throws -> [UInt8] {
    try M(wireBytes: sample).wireBytes()
  }

  static func decode(_ type: String, _ bytes: [UInt8]) throws -> String {
    String(decoding: try Tool.protoc.run(["--decode=\(type)"] + Repository.protoFiles, input: bytes), as: UTF8.self)
  }

  static func encode(_ type: String, _ text: String) throws -> [UInt8] {
    try Tool.protoc.run(["--encode=\(type)"] + Repository.protoFiles, input: Array(text.utf8))
  }

  /// protoc prints a field it cannot name by its number, e.g. `17: 4` or `9 {`.
  static func hasUnknownFields(_ text: String) -> Bool {
    text.split(separator: "\n").contains { line in
      let trimmed = line.drop { $0 == " " }
      return trimmed.first?.isNumber == true
    }
  }
}

/// One member record written out as the reference implementation prints it.
@Suite struct MemberRecordReferenceTextTests {
  static let person = Person(
    id: "LCU-100001",
    fullName: "Nguyễn Thị Hương",
    gender: .female,
    birthDate: CalendarDate(year: 1980, month: 5, day: 19),
    ethnicity: "Thái",
    categories: [.cadre, .civilServant],
    partyMembership: PartyMembership(
      status: .official,
      admitted: CalendarDate(year: 2004, month: 2, day: 3),
      official: CalendarDate(year: 2005, month: 2, day: 3),
      cardNumber: "79000001"
    ),
    unitCode: "DUK.CB12",
    workplace: "Văn phòng Sở Tài chính",
    position: "Phó Chánh Văn phòng",
    leaderOrManager: true,
    theoryLevel: .intermediate,
    requiredTheoryLevel: .advanced,
    studies: [
      ReformStudyRecord(
        document: SourceRef(document: "01-NQ/ĐUK", issued: CalendarDate(year: 2020, month: 12, day: 31)),
        studied: CalendarDate(year: 2021, month: 3, day: 15),
        form: "hội nghị quán triệt"
      )
    ],
    revision: 3,
    updatedAt: Timestamp(seconds: 1_767_225_600, nanos: 500)
  )

  static let text = """
    id: "LCU-100001"
    full_name: "Nguyễn Thị Hương"
    gender: PERSON_GENDER_FEMALE
    birth_date {
      year: 1980
      month: 5
      day: 19
    }
    ethnicity: "Thái"
    categories: PERSON_CATEGORY_CADRE
    categories: PERSON_CATEGORY_CIVIL_SERVANT
    party_membership {
      status: PARTY_MEMBER_STATUS_OFFICIAL
      admitted {
        year: 2004
        month: 2
        day: 3
      }
      official {
        year: 2005
        month: 2
        day: 3
      }
      card_number: "79000001"
    }
    unit_code: "DUK.CB12"
    workplace: "Văn phòng Sở Tài chính"
    position: "Phó Chánh Văn phòng"
    leader_or_manager: true
    theory_level: POLITICAL_THEORY_LEVEL_INTERMEDIATE
    required_theory_level: POLITICAL_THEORY_LEVEL_ADVANCED
    studies {
      document {
        document: "01-NQ/ĐUK"
        issued {
          year: 2020
          month: 12
          day: 31
        }
      }
      studied {
        year: 2021
        month: 3
        day: 15
      }
      form: "hội nghị quán triệt"
    }
    revision: 3
    updated_at {
      seconds: 1767225600
      nanos: 500
    }

    """

  @Test func ourBytesDecodeWithProtocToTheExpectedText() throws {
    let printed = try ProtocCompatibilityTests.decode("reform.v1.Person", Self.person.wireBytes())
    #expect(Self.unescapingOctal(printed) == Self.text)
  }

  @Test func protocBytesDecodeToTheExpectedValue() throws {
    let bytes = try ProtocCompatibilityTests.encode("reform.v1.Person", Self.text)
    let decoded = try Person(wireBytes: bytes)
    #expect(decoded == Self.person)
    #expect(Array(decoded.fullName.utf8) == Array("Nguyễn Thị Hương".utf8))
  }

  /// protoc prints bytes above 0x7F as octal escapes (`\341\273\205`); turn them back into
  /// bytes so the expected text can be read as Vietnamese.
  static func unescapingOctal(_ text: String) -> String {
    var out: [UInt8] = []
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "\\"), i + 3 < bytes.count,
        let digits = String(bytes: bytes[(i + 1)...(i + 3)], encoding: .ascii), let value = UInt8(digits, radix: 8)
      {
        out.append(value)
        i += 4
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

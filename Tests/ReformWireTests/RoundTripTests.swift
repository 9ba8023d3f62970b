import Foundation
import ReformWire
import ReformWireTesting
import Testing

/// Every message type: canonical bytes → Swift value → the same bytes → an equal value.
///
/// Byte equality proves more than value equality: Swift's `String ==` treats NFC and NFD as
/// equal, the bytes do not, so they show that text keeps the form it was given in.
@Suite struct RoundTripTests {
  static let variants: [(String, SampleEncoder.Variant)] = [
    ("NFC text", .nfc), ("NFD text", .nfd), ("maximal", .maximal), ("zero-valued oneof members", .zeroOneofs),
  ]

  @Test func emptyValueOfEveryMessageIsZeroBytes() throws {
    for type in WireCatalogue.messageTypes {
      #expect(try type.init().wireBytes() == [], "\(type.protoName)")
      #expect(try roundTrip(type, []) == [], "\(type.protoName)")
    }
  }

  @Test(arguments: variants.map(\.0))
  func everyMessageRoundTrips(variant name: String) throws {
    let variant = Self.variants.first { $0.0 == name }!.1
    #expect(WireCatalogue.messageTypes.count > 100)
    for type in WireCatalogue.messageTypes {
      let sample = SampleEncoder(variant: variant).encode(type.cDescriptor)
      let again = try roundTrip(type, sample)
      #expect(again == sample, "\(type.protoName): \(sample.count) bytes in, \(again.count) out")
    }
  }

  @Test func vietnameseTextKeepsItsNormalizationForm() throws {
    let nfc = SampleEncoder.Variant.vietnameseNFC
    let nfd = SampleEncoder.Variant.vietnameseNFD
    #expect(Array(nfc.utf8) != Array(nfd.utf8))
    for text in [nfc, nfd] {
      let decoded = try Principal(wireBytes: Principal(displayName: text).wireBytes())
      #expect(Array(decoded.displayName.utf8) == Array(text.utf8))
    }
  }

  /// Decodes, re-encodes, decodes again; the two values must be equal. Returns the re-encoding.
  private func roundTrip<M: WireMessage>(_ type: M.Type, _ bytes: [UInt8]) throws -> [UInt8] {
    let value = try M(wireBytes: bytes)
    let encoded = try value.wireBytes()
    #expect(try M(wireBytes: encoded) == value, "\(M.protoName)")
    return encoded
  }
}

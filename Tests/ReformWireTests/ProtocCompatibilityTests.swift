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

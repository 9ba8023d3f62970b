import CProtobufC
import Foundation

/// Makes canonical protobuf encodings of any message from protoc-c's descriptor alone,
/// independently of the bridge: a second, small encoder the bridge's output is compared with.
///
/// Canonical means what libprotobuf-c and protoc both emit: fields in number order, proto3
/// defaults omitted, repeated scalars packed, one member per oneof.
public struct SampleEncoder: Sendable {
  /// What values the sample holds.
  public struct Variant: Sendable {
    /// Text for every string field; `normalization` chooses NFC or NFD for Vietnamese text.
    public var text: String
    /// Which member of each oneof is set (index among its members, modulo their count).
    public var oneofChoice: Int
    /// Elements per repeated field.
    public var repeatCount: Int
    /// Set every field to a non-default value; when false, only oneof members, at their zero.
    public var full: Bool
    /// Put enum numbers the schema does not name into repeated enum fields.
    public var unknownEnums: Bool

    public init(text: String, oneofChoice: Int, repeatCount: Int, full: Bool, unknownEnums: Bool) {
      self.text = text
      self.oneofChoice = oneofChoice
      self.repeatCount = repeatCount
      self.full = full
      self.unknownEnums = unknownEnums
    }

    public static let vietnameseNFC = "Nguyễn Thị Hương — Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu; Hỏa tốc, Tối mật"
    public static var vietnameseNFD: String { vietnameseNFC.decomposedStringWithCanonicalMapping }

    public static let nfc = Variant(text: vietnameseNFC, oneofChoice: 0, repeatCount: 3, full: true, unknownEnums: false)
    public static var nfd: Variant { Variant(text: vietnameseNFD, oneofChoice: 1, repeatCount: 2, full: true, unknownEnums: false) }
    public static let maximal = Variant(
      text: String(repeating: "Ủy ban Kiểm tra Đảng ủy Khối 😀 ", count: 600), oneofChoice: 2, repeatCount: 40,
      full: true, unknownEnums: true)
    public static let zeroOneofs = Variant(text: "", oneofChoice: 0, repeatCount: 0, full: false, unknownEnums: false)
  }

  public var variant: Variant

  public init(variant: Variant) { self.variant = variant }

  public func encode(_ descriptor: UnsafePointer<ProtobufCMessageDescriptor>) -> [UInt8] {
    var out: [UInt8] = []
    let d = descriptor.pointee
    let fields = UnsafeBufferPointer(start: d.fields, count: Int(d.n_fields))
    // Oneof members share a quantifier offset; pick one member per oneof.
    var oneofMembers: [UInt32: [UInt32]] = [:]
    for f in fields where isOneof(f) { oneofMembers[f.quantifier_offset, default: []].append(f.id) }
    for f in fields {
      if isOneof(f) {
        let members = oneofMembers[f.quantifier_offset]!
        guard members[variant.oneofChoice % members.count] == f.id else { continue }
        writeSingle(f, into: &out, zero: !variant.full)
      } else if !variant.full {
        continue
      } else if f.label == PROTOBUF_C_LABEL_REPEATED {
        writeRepeated(f, into: &out)
      } else {
        writeSingle(f, into: &out, zero: false)
      }
    }
    return out
  }

  /// The encoder for sub-messages: at most two elements per repeated field below the top level,
  /// so samples of deep schemas stay small while the top level can be made large.
  private var nested: SampleEncoder {
    var variant = variant
    variant.repeatCount = min(variant.repeatCount, 2)
    variant.text = String(variant.text.prefix(200))
    return SampleEncoder(variant: variant)
  }

  private func isOneof(_ f: ProtobufCFieldDescriptor) -> Bool {
    f.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0
  }

  private func writeSingle(_ f: ProtobufCFieldDescriptor, into out: inout [UInt8], zero: Bool) {
    switch f.type {
    case PROTOBUF_C_TYPE_STRING:
      tag(f.id, 2, &out); lengthDelimited(zero ? [] : Array(variant.text.utf8), &out)
    case PROTOBUF_C_TYPE_BYTES:
      tag(f.id, 2, &out); lengthDelimited(zero ? [] : Array(0...255), &out)
    case PROTOBUF_C_TYPE_MESSAGE:
      let sub = zero ? [] : nested.encode(f.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self))
      tag(f.id, 2, &out); lengthDelimited(sub, &out)
    default:
      tag(f.id, wireType(f.type), &out)
      scalar(f.type, zero ? 0 : 0, zero: zero, &out)
    }
  }

  private func writeRepeated(_ f: ProtobufCFieldDescriptor, into out: inout [UInt8]) {
    let n = variant.repeatCount
    guard n > 0 else { return }
    switch f.type {
    case PROTOBUF_C_TYPE_STRING, PROTOBUF_C_TYPE_BYTES, PROTOBUF_C_TYPE_MESSAGE:
      for i in 0..<n {
        // Vary elements a little, and keep an empty one: empty elements of repeated fields count.
        if f.type == PROTOBUF_C_TYPE_STRING {
          tag(f.id, 2, &out); lengthDelimited(i == 1 ? [] : Array("\(i): \(variant.text)".utf8), &out)
        } else if f.type == PROTOBUF_C_TYPE_BYTES {
          tag(f.id, 2, &out); lengthDelimited(i == 1 ? [] : Array(repeating: UInt8(i & 0xff), count: i + 1), &out)
        } else {
          let sub = i == 1 ? [] : nested.encode(f.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self))
          tag(f.id, 2, &out); lengthDelimited(sub, &out)
        }
      }
    default:
      var packed: [UInt8] = []
      for i in 0..<n { scalar(f.type, i, zero: false, &packed) }
      if f.flags & UInt32(PROTOBUF_C_FIELD_FLAG_PACKED.rawValue) != 0 {
        tag(f.id, 2, &out); lengthDelimited(packed, &out)
      } else {
        for i in 0..<n { tag(f.id, wireType(f.type), &out); scalar(f.type, i, zero: false, &out) }
      }
    }
  }

  private func wireType(_ type: ProtobufCType) -> UInt64 {
    switch type {
    case PROTOBUF_C_TYPE_FIXED64, PROTOBUF_C_TYPE_SFIXED64, PROTOBUF_C_TYPE_DOUBLE: 1
    case PROTOBUF_C_TYPE_FIXED32, PROTOBUF_C_TYPE_SFIXED32, PROTOBUF_C_TYPE_FLOAT: 5
    default: 0
    }
  }

  /// The i-th sample value of a scalar type: extremes first, so every width is exercised.
  private func scalar(_ type: ProtobufCType, _ i: Int, zero: Bool, _ out: inout [UInt8]) {
    let pick = { (values: [Int64]) -> Int64 in zero ? 0 : values[i % values.count] }
    switch type {
    case PROTOBUF_C_TYPE_INT32: varint(UInt64(bitPattern: pick([Int64(Int32.max), Int64(Int32.min), -1, 7])), &out)
    case PROTOBUF_C_TYPE_INT64: varint(UInt64(bitPattern: pick([Int64.max, Int64.min, -1, 7])), &out)
    case PROTOBUF_C_TYPE_UINT32: varint(UInt64(pick([Int64(UInt32.max), 1, 300])), &out)
    case PROTOBUF_C_TYPE_UINT64: varint(zero ? 0 : [UInt64.max, 1, 300][i % 3], &out)
    case PROTOBUF_C_TYPE_SINT32:
      let v = Int32(pick([Int64(Int32.min), Int64(Int32.max), -1]))
      varint(UInt64(UInt32(bitPattern: (v << 1) ^ (v >> 31))), &out)
    case PROTOBUF_C_TYPE_SINT64:
      let v = pick([Int64.min, Int64.max, -1])
      varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), &out)
    case PROTOBUF_C_TYPE_FIXED32, PROTOBUF_C_TYPE_SFIXED32:
      littleEndian(UInt64(UInt32(truncatingIfNeeded: pick([-1, Int64(Int32.min), 5]))), bytes: 4, &out)
    case PROTOBUF_C_TYPE_FIXED64, PROTOBUF_C_TYPE_SFIXED64:
      littleEndian(UInt64(bitPattern: pick([-1, Int64.min, 5])), bytes: 8, &out)
    case PROTOBUF_C_TYPE_BOOL: varint(zero ? 0 : 1, &out)
    case PROTOBUF_C_TYPE_ENUM:
      let named: [Int64] = [1, 2, 1]
      let values = variant.unknownEnums ? [1, 4242, -5] : named
      varint(UInt64(bitPattern: pick(values)), &out)
    case PROTOBUF_C_TYPE_FLOAT: littleEndian(UInt64(zero ? 0 : Float(1.5 + Double(i)).bitPattern), bytes: 4, &out)
    case PROTOBUF_C_TYPE_DOUBLE: littleEndian(zero ? 0 : (1.5 + Double(i)).bitPattern, bytes: 8, &out)
    default: preconditionFailure("unexpected scalar type \(type)")
    }
  }

  private func tag(_ number: UInt32, _ wireType: UInt64, _ out: inout [UInt8]) {
    varint(UInt64(number) << 3 | wireType, &out)
  }

  private func lengthDelimited(_ bytes: [UInt8], _ out: inout [UInt8]) {
    varint(UInt64(bytes.count), &out)
    out += bytes
  }

  private func varint(_ value: UInt64, _ out: inout [UInt8]) {
    var v = value
    while v >= 0x80 { out.append(UInt8(v & 0x7f) | 0x80); v >>= 7 }
    out.append(UInt8(v))
  }

  private func littleEndian(_ value: UInt64, bytes: Int, _ out: inout [UInt8]) {
    for i in 0..<bytes { out.append(UInt8((value >> (8 * UInt64(i))) & 0xff)) }
  }
}

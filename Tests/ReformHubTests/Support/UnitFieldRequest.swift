import CProtobufC
import ReformWire

/// A request naming a unit, made from the schema alone: the method's input message with its
/// `unit_code` set — at the top level, or in the first message field (single or repeated)
/// whose message has one. Methods whose request names no unit have none.
///
/// The authorization test uses it to call every own-unit method as a clerk of another unit.
enum UnitFieldRequest {
  /// The encoded request, and the path of the field it set (e.g. `persons[0].unit_code`).
  static func make(for method: WireMethodInfo, unit: String) -> (bytes: [UInt8], field: String)? {
    guard let type = WireCatalogue.messageTypes.first(where: { $0.protoName == method.inputType }) else { return nil }
    return encode(type.cDescriptor, unit: unit, depth: 0)
  }

  private static func encode(
    _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, unit: String, depth: Int
  ) -> (bytes: [UInt8], field: String)? {
    let fields = (0..<Int(descriptor.pointee.n_fields)).map { descriptor.pointee.fields[$0] }
    if let field = fields.first(where: { String(cString: $0.name) == "unit_code" && $0.type == PROTOBUF_C_TYPE_STRING }) {
      return (lengthDelimited(number: field.id, Array(unit.utf8)), "unit_code")
    }
    guard depth == 0 else { return nil }
    for field in fields where field.type == PROTOBUF_C_TYPE_MESSAGE {
      let inner = field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
      if let (bytes, path) = encode(UnsafePointer(inner), unit: unit, depth: depth + 1) {
        let name = String(cString: field.name)
        let index = field.label == PROTOBUF_C_LABEL_REPEATED ? "[0]" : ""
        return (lengthDelimited(number: field.id, bytes), "\(name)\(index).\(path)")
      }
    }
    return nil
  }

  /// One length-delimited field: its key, its length as a varint, its bytes.
  private static func lengthDelimited(number: UInt32, _ payload: [UInt8]) -> [UInt8] {
    varint(UInt64(number) << 3 | 2) + varint(UInt64(payload.count)) + payload
  }

  private static func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var out: [UInt8] = []
    while value >= 0x80 {
      out.append(UInt8(value & 0x7f) | 0x80)
      value >>= 7
    }
    out.append(UInt8(value))
    return out
  }
}

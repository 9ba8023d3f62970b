import CProtobufC

/// Finds U+0000 inside a string field of an encoded message before libprotobuf-c unpacks it.
///
/// protobuf-c hands each unpacked string over as a C string, which ends at its first NUL: on
/// its own the reader would take `"abc\u{0}def"` as `"abc"` and drop the rest without a word.
/// Writing refuses such text (``WireError/Kind/nulInText``); reading refuses it too, naming the
/// field, by walking the encoding with the same descriptors protobuf-c uses.
///
/// The walk only looks for NULs: bytes that are not a valid encoding, groups, and nesting past
/// ``maxDepth`` end it without a finding, and protobuf-c then judges the bytes as before.
enum WireTextScan {
  /// How deep into sub-messages the walk follows (deeper text is judged by protobuf-c alone).
  static let maxDepth = 100

  /// The message type and field of the first string field in `buffer` holding a NUL byte.
  static func nul(
    in buffer: UnsafeRawBufferPointer, of descriptor: UnsafePointer<ProtobufCMessageDescriptor>
  ) -> (messageType: String, field: String)? {
    // Most messages hold no zero byte at all; only those that do are walked.
    guard buffer.contains(0) else { return nil }
    return walk(buffer, descriptor, depth: 0)
  }

  private static func walk(
    _ buffer: UnsafeRawBufferPointer, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, depth: Int
  ) -> (messageType: String, field: String)? {
    var reader = Reader(buffer: buffer)
    while !reader.atEnd {
      guard let key = reader.varint() else { return nil }
      switch key & 7 {
      case 0:
        guard reader.varint() != nil else { return nil }
      case 1:
        guard reader.skip(8) else { return nil }
      case 5:
        guard reader.skip(4) else { return nil }
      case 2:
        guard let length = reader.varint(), let slice = reader.take(length) else { return nil }
        let number = key >> 3
        guard number <= UInt64(UInt32.max), let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(number))
        else { continue }
        switch field.pointee.type {
        case PROTOBUF_C_TYPE_STRING:
          if slice.contains(0) {
            return (String(cString: descriptor.pointee.name), String(cString: field.pointee.name))
          }
        case PROTOBUF_C_TYPE_MESSAGE:
          guard depth < maxDepth, slice.contains(0), let inner = field.pointee.descriptor else { continue }
          let innerDescriptor = inner.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
          if let found = walk(slice, innerDescriptor, depth: depth + 1) { return found }
        default:
          continue
        }
      default:
        // Groups (3, 4) and invalid wire types: protobuf-c decides.
        return nil
      }
    }
    return nil
  }

  /// A cursor over encoded bytes; every read fails (nil or false) rather than pass the end.
  private struct Reader {
    let buffer: UnsafeRawBufferPointer
    var position = 0

    var atEnd: Bool { position >= buffer.count }

    mutating func varint() -> UInt64? {
      var value: UInt64 = 0
      for shift in stride(from: UInt64(0), to: 70, by: 7) {
        guard position < buffer.count else { return nil }
        let byte = buffer[position]
        position += 1
        value |= UInt64(byte & 0x7f) << shift
        if byte & 0x80 == 0 { return value }
      }
      return nil
    }

    mutating func skip(_ count: Int) -> Bool {
      guard buffer.count - position >= count else { return false }
      position += count
      return true
    }

    mutating func take(_ length: UInt64) -> UnsafeRawBufferPointer? {
      guard length <= UInt64(buffer.count - position) else { return nil }
      let slice = UnsafeRawBufferPointer(rebasing: buffer[position..<(position + Int(length))])
      position += Int(length)
      return slice
    }
  }
}

import CProtobufC

/// Reads the fields of an unpacked protobuf-c message into Swift values.
///
/// Generated initialisers call one accessor per field, by field number; the reader finds the
/// field's offset, count and kind in protoc-c's descriptor, so no field is mapped by hand.
/// The reader borrows the message: it is valid only while the message is.
public struct CMessageReader {
  private let message: UnsafeRawPointer
  private let descriptor: UnsafePointer<ProtobufCMessageDescriptor>

  init(message: UnsafeRawPointer, descriptor: UnsafePointer<ProtobufCMessageDescriptor>) {
    self.message = message
    self.descriptor = descriptor
  }

  private func field(_ number: UInt32) -> ProtobufCFieldDescriptor {
    guard let field = protobuf_c_message_descriptor_get_field(descriptor, number) else {
      preconditionFailure("\(String(cString: descriptor.pointee.name)) has no field \(number)")
    }
    return field.pointee
  }

  private func load<T>(_ offset: UInt32, as type: T.Type) -> T {
    message.load(fromByteOffset: Int(offset), as: type)
  }

  /// The elements of a repeated field: its count sits at the quantifier offset.
  private func elements<T>(_ field: ProtobufCFieldDescriptor, as type: T.Type) -> UnsafeBufferPointer<T> {
    let count = load(field.quantifier_offset, as: Int.self)
    let start = load(field.offset, as: UnsafePointer<T>?.self)
    return UnsafeBufferPointer(start: count > 0 ? start : nil, count: count > 0 ? count : 0)
  }

  private func text(_ pointer: UnsafePointer<CChar>?, _ field: ProtobufCFieldDescriptor) throws(WireError) -> String {
    guard let pointer else { return "" }
    guard let text = String(validatingCString: pointer) else {
      throw WireError(
        .invalidUTF8, in: String(cString: descriptor.pointee.name), field: String(cString: field.name))
    }
    return text
  }

  /// Which member of a oneof is set: the field number, or 0 when none is. Pass any member.
  public func oneofCase(_ number: UInt32) -> UInt32 {
    load(field(number).quantifier_offset, as: UInt32.self)
  }

  public func string(_ number: UInt32) throws(WireError) -> String {
    let f = field(number)
    return try text(load(f.offset, as: UnsafePointer<CChar>?.self), f)
  }

  public func strings(_ number: UInt32) throws(WireError) -> [String] {
    let f = field(number)
    var out: [String] = []
    let items = elements(f, as: UnsafePointer<CChar>?.self)
    out.reserveCapacity(items.count)
    for item in items { out.append(try text(item, f)) }
    return out
  }

  public func bytes(_ number: UInt32) -> [UInt8] {
    Self.bytes(load(field(number).offset, as: ProtobufCBinaryData.self))
  }

  public func bytesList(_ number: UInt32) -> [[UInt8]] {
    elements(field(number), as: ProtobufCBinaryData.self).map(Self.bytes)
  }

  private static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
    guard data.len > 0, let start = data.data else { return [] }
    return Array(UnsafeBufferPointer(start: start, count: data.len))
  }

  /// A numeric field; `T` is the Swift type of the field's C storage (Int32, UInt64, Double…).
  public func scalar<T: BitwiseCopyable>(_ number: UInt32) -> T {
    load(field(number).offset, as: T.self)
  }

  public func scalars<T: BitwiseCopyable>(_ number: UInt32) -> [T] {
    Array(elements(field(number), as: T.self))
  }

  /// protobuf-c stores booleans as C `int`.
  public func bool(_ number: UInt32) -> Bool {
    load(field(number).offset, as: Int32.self) != 0
  }

  public func bools(_ number: UInt32) -> [Bool] {
    elements(field(number), as: Int32.self).map { $0 != 0 }
  }

  /// protobuf-c stores enums as C `int`; values the schema does not name are kept.
  public func enumeration<E: WireEnum>(_ number: UInt32) -> E {
    E(rawValue: load(field(number).offset, as: Int32.self))
  }

  public func enumerations<E: WireEnum>(_ number: UInt32) -> [E] {
    elements(field(number), as: Int32.self).map(E.init(rawValue:))
  }

  public func message<M: WireMessage>(_ number: UInt32) throws(WireError) -> M? {
    guard let sub = load(field(number).offset, as: UnsafeRawPointer?.self) else { return nil }
    return try M(reading: CMessageReader(message: sub, descriptor: M.cDescriptor))
  }

  public func messages<M: WireMessage>(_ number: UInt32) throws(WireError) -> [M] {
    var out: [M] = []
    let items = elements(field(number), as: UnsafeRawPointer?.self)
    out.reserveCapacity(items.count)
    for case let sub? in items {
      out.append(try M(reading: CMessageReader(message: sub, descriptor: M.cDescriptor)))
    }
    return out
  }
}

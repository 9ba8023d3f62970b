import CProtobufC

/// Writes Swift values into a protobuf-c message being built for packing.
///
/// The counterpart of ``CMessageReader``: generated code calls one setter per field that
/// differs from its default, by field number; everything the message points to (strings,
/// arrays, sub-messages) is allocated in the ``WireArena`` that owns the message and is freed
/// with it.
public struct CMessageWriter {
  private let message: UnsafeMutableRawPointer
  private let descriptor: UnsafePointer<ProtobufCMessageDescriptor>
  private let arena: WireArena

  init(message: UnsafeMutableRawPointer, descriptor: UnsafePointer<ProtobufCMessageDescriptor>, arena: WireArena) {
    self.message = message
    self.descriptor = descriptor
    self.arena = arena
  }

  /// The field's descriptor, after marking it present: a oneof member sets the oneof's case.
  private func present(_ number: UInt32) -> ProtobufCFieldDescriptor {
    guard let pointer = protobuf_c_message_descriptor_get_field(descriptor, number) else {
      preconditionFailure("\(String(cString: descriptor.pointee.name)) has no field \(number)")
    }
    let field = pointer.pointee
    if field.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0 {
      store(UInt32(field.id), at: field.quantifier_offset)
    }
    return field
  }

  private func store<T>(_ value: T, at offset: UInt32) {
    message.storeBytes(of: value, toByteOffset: Int(offset), as: T.self)
  }

  /// Stores a repeated field: the count at the quantifier offset, the array at the offset.
  private func storeArray<T>(_ number: UInt32, count: Int, as type: T.Type, _ fill: (UnsafeMutablePointer<T>) throws(WireError) -> Void) throws(WireError) {
    let field = present(number)
    let array = arena.allocate(T.self, count: count)
    try fill(array)
    store(count, at: field.quantifier_offset)
    store(array, at: field.offset)
  }

  private func text(_ value: String, _ number: UInt32) throws(WireError) -> UnsafeMutablePointer<CChar> {
    guard let pointer = arena.cString(value) else {
      let field = protobuf_c_message_descriptor_get_field(descriptor, number)!.pointee
      throw WireError(.nulInText, in: String(cString: descriptor.pointee.name), field: String(cString: field.name))
    }
    return pointer
  }

  public func setString(_ number: UInt32, _ value: String) throws(WireError) {
    let pointer = try text(value, number)
    store(pointer, at: present(number).offset)
  }

  public func setStrings(_ number: UInt32, _ values: [String]) throws(WireError) {
    try storeArray(number, count: values.count, as: UnsafeMutablePointer<CChar>.self) { (array) throws(WireError) in
      for (i, value) in values.enumerated() { array[i] = try text(value, number) }
    }
  }

  public func setBytes(_ number: UInt32, _ value: [UInt8]) {
    store(arena.binary(value), at: present(number).offset)
  }

  public func setBytesList(_ number: UInt32, _ values: [[UInt8]]) {
    try! storeArray(number, count: values.count, as: ProtobufCBinaryData.self) { array in
      for (i, value) in values.enumerated() { array[i] = arena.binary(value) }
    }
  }

  public func setScalar<T: BitwiseCopyable>(_ number: UInt32, _ value: T) {
    store(value, at: present(number).offset)
  }

  public func setScalars<T: BitwiseCopyable>(_ number: UInt32, _ values: [T]) {
    try! storeArray(number, count: values.count, as: T.self) { array in
      for (i, value) in values.enumerated() { array[i] = value }
    }
  }

  public func setBool(_ number: UInt32, _ value: Bool) {
    store(Int32(value ? 1 : 0), at: present(number).offset)
  }

  public func setBools(_ number: UInt32, _ values: [Bool]) {
    setScalars(number, values.map { Int32($0 ? 1 : 0) })
  }

  public func setEnum<E: WireEnum>(_ number: UInt32, _ value: E) {
    store(value.rawValue, at: present(number).offset)
  }

  public func setEnums<E: WireEnum>(_ number: UInt32, _ values: [E]) {
    setScalars(number, values.map(\.rawValue))
  }

  public func setMessage<M: WireMessage>(_ number: UInt32, _ value: M) throws(WireError) {
    let sub = try arena.build(value)
    store(sub, at: present(number).offset)
  }

  public func setMessages<M: WireMessage>(_ number: UInt32, _ values: [M]) throws(WireError) {
    try storeArray(number, count: values.count, as: UnsafePointer<ProtobufCMessage>.self) { (array) throws(WireError) in
      for (i, value) in values.enumerated() { array[i] = try arena.build(value) }
    }
  }
}

import CProtobufC

/// The memory of one protobuf-c message being built for packing: the message, its
/// sub-messages, strings and arrays, taken from a few large blocks and freed together when the
/// arena goes away, on every path.
final class WireArena {
  private var blocks: [UnsafeMutableRawPointer] = []
  private var next: UnsafeMutableRawPointer?
  private var remaining = 0
  private let blockSize: Int

  /// An arena taking memory in blocks of `blockSize` bytes (at least 16 KiB).
  init(blockSize: Int = 16 * 1024) {
    self.blockSize = max(blockSize, 16 * 1024)
  }

  deinit {
    for block in blocks { block.deallocate() }
  }

  func allocate(bytes: Int, alignment: Int) -> UnsafeMutableRawPointer {
    if let next {
      let padding = (alignment - Int(bitPattern: next) % alignment) % alignment
      if padding + bytes <= remaining {
        let start = next + padding
        self.next = start + bytes
        remaining -= padding + bytes
        return start
      }
    }
    if bytes > blockSize / 4 {
      let block = UnsafeMutableRawPointer.allocate(byteCount: max(bytes, 1), alignment: 16)
      blocks.append(block)
      return block
    }
    let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
    blocks.append(block)
    next = block + bytes
    remaining = blockSize - bytes
    return block
  }

  func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
    allocate(bytes: MemoryLayout<T>.stride * count, alignment: MemoryLayout<T>.alignment)
      .bindMemory(to: T.self, capacity: count)
  }

  /// A NUL-terminated copy of the text, or nil when the text itself holds a NUL.
  func cString(_ text: String) -> UnsafeMutablePointer<CChar>? {
    var text = text
    return text.withUTF8 { utf8 -> UnsafeMutablePointer<CChar>? in
      if utf8.contains(0) { return nil }
      let copy = allocate(CChar.self, count: utf8.count + 1)
      if let base = utf8.baseAddress {
        UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: utf8.count)
      }
      copy[utf8.count] = 0
      return copy
    }
  }

  func binary(_ bytes: [UInt8]) -> ProtobufCBinaryData {
    let copy = allocate(UInt8.self, count: bytes.count)
    bytes.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { copy.update(from: base, count: source.count) }
    }
    return ProtobufCBinaryData(len: bytes.count, data: copy)
  }

  /// A protobuf-c allocator drawing on this arena, for unpacking: what libprotobuf-c frees is
  /// left to the arena, which frees everything at once. Valid while the arena is.
  var unpackAllocator: ProtobufCAllocator {
    ProtobufCAllocator(
      alloc: { data, size in
        guard let data else { return nil }
        return Unmanaged<WireArena>.fromOpaque(data).takeUnretainedValue().allocate(bytes: size, alignment: 16)
      },
      free: { _, _ in },
      allocator_data: Unmanaged.passUnretained(self).toOpaque())
  }

  /// The protobuf-c form of a message, initialised by its descriptor and filled by its writer.
  func build<M: WireMessage>(_ value: M) throws(WireError) -> UnsafePointer<ProtobufCMessage> {
    let descriptor = M.cDescriptor
    let memory = allocate(bytes: descriptor.pointee.sizeof_message, alignment: 16)
    let message = memory.bindMemory(to: ProtobufCMessage.self, capacity: 1)
    protobuf_c_message_init(descriptor, memory)
    try value.write(to: CMessageWriter(message: memory, descriptor: descriptor, arena: self))
    return UnsafePointer(message)
  }
}

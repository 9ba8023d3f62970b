import Foundation
import ReformWire

/// Turns the edXML writer's output into `ExchangeEnvelopeChunk`s: offsets, the file name on the
/// first, and `last` on the final one, which is known only once the writer is done, so one
/// chunk is always held back.
struct EnvelopeChunker {
  let fileName: String
  let emit: (ExchangeEnvelopeChunk) throws -> Void
  private var held: Data?
  private var offset: Int64 = 0
  private var sentFirst = false

  init(fileName: String, emit: @escaping (ExchangeEnvelopeChunk) throws -> Void) {
    self.fileName = fileName
    self.emit = emit
  }

  mutating func append(_ data: Data) throws {
    if let held { try send(held, last: false) }
    held = data
  }

  mutating func finish() throws {
    try send(held ?? Data(), last: true)
    held = nil
  }

  private mutating func send(_ data: Data, last: Bool) throws {
    try emit(
      ExchangeEnvelopeChunk(fileName: sentFirst ? "" : fileName, offset: offset, content: [UInt8](data), last: last))
    sentFirst = true
    offset += Int64(data.count)
  }
}

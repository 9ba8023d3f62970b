import Foundation
import ReformWire

/// Items that a producer which cannot suspend (an encoder's callback, a database transaction)
/// makes faster than a caller reads them: written to a temporary file as they come, then sent
/// under the job's flow-control window by ``send(to:)``. A slow reader then costs disk for the
/// length of one answer, never memory in the worker or the coordinator.
///
/// The file is private to the worker's account (the worker runs under umask 077) and is
/// removed when the spool is sent or dropped.
public final class ItemSpool<Item: WireMessage>: @unchecked Sendable {
  private let path: String
  private let handle: FileHandle
  private var count = 0

  /// A spool in a new temporary file.
  public init() throws {
    path = NSTemporaryDirectory() + "reform-spool-\(UUID().uuidString)"
    guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
      throw CocoaError(.fileWriteUnknown)
    }
    handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
  }

  deinit {
    try? handle.close()
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes one item to the end of the spool.
  public func append(_ item: Item) throws {
    let bytes = try item.wireBytes()
    var length = UInt32(bytes.count).littleEndian
    try handle.write(contentsOf: Data(bytes: &length, count: 4) + Data(bytes))
    count += 1
  }

  /// Sends every item, in order, each once the window has room for it.
  public func send(to writer: JobStreamWriter<Item>) async throws {
    try handle.seek(toOffset: 0)
    for _ in 0..<count {
      guard let prefix = try handle.read(upToCount: 4), prefix.count == 4 else { throw CocoaError(.fileReadCorruptFile) }
      let length = Int(prefix.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) })
      let body = try handle.read(upToCount: length) ?? Data()
      guard body.count == length else { throw CocoaError(.fileReadCorruptFile) }
      try await writer.write(try Item(wireBytes: Array(body)))
    }
  }
}

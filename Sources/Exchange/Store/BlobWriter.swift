import Crypto
import Foundation

/// A blob file being filled in order (an attachment decoded from an edXML envelope), hashed as
/// it is written so the content is never read twice.
final class BlobWriter {
  let folder: BlobFolder
  let name: String
  private var descriptor: Int32
  private var hasher = SHA256()
  private(set) var size: Int64 = 0

  init(folder: BlobFolder, name: String, descriptor: Int32) {
    self.folder = folder
    self.name = name
    self.descriptor = descriptor
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Appends `bytes`.
  func append(_ bytes: Data) throws {
    try bytes.withUnsafeBytes { buffer in
      var done = 0
      while done < buffer.count {
        let written = write(descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done)
        if written < 0 {
          if errno == EINTR { continue }
          throw BlobError(operation: "write", name: name, errno: errno)
        }
        done += written
      }
    }
    hasher.update(data: bytes)
    size += Int64(bytes.count)
  }

  /// Makes the file durable, closes it, and returns its SHA-256 (lower-case hex).
  func finish() throws -> String {
    guard fsync(descriptor) == 0 else { throw BlobError(operation: "fsync", name: name, errno: errno) }
    close(descriptor)
    descriptor = -1
    try folder.syncFolder()
    return BlobFolder.hex(hasher.finalize())
  }
}

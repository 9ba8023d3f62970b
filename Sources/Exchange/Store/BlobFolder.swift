import Crypto
import Foundation

/// The folder of attachment content: one file per upload or imported attachment, named by its
/// id, written at offsets, made durable (file and folder `fsync`) before the row that refers to
/// it commits, and read back in chunks, never whole.
struct BlobFolder: Sendable {
  /// Bytes read at a time when hashing a file.
  private static let hashBlockSize = 1 << 20

  let path: String

  /// The folder at `path`, created when missing.
  init(path: String) throws {
    self.path = path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `bytes` into file `name` at `offset`, creating the file when missing.
  func write(_ bytes: some Collection<UInt8>, to name: String, at offset: Int64) throws {
    let fd = open(file(name), O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw BlobError(operation: "open", name: name, errno: errno) }
    defer { close(fd) }
    try Array(bytes).withUnsafeBytes { buffer in
      var done = 0
      while done < buffer.count {
        let written = pwrite(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done, off_t(offset + Int64(done)))
        if written < 0 {
          if errno == EINTR { continue }
          throw BlobError(operation: "write", name: name, errno: errno)
        }
        done += written
      }
    }
  }

  /// Makes file `name` durable and returns its size and SHA-256 (lower-case hex), reading it a
  /// block at a time.
  func sealFile(_ name: String) throws -> (size: Int64, sha256: String) {
    let fd = open(file(name), O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw BlobError(operation: "open", name: name, errno: errno) }
    defer { close(fd) }
    var hasher = SHA256()
    var size: Int64 = 0
    var block = [UInt8](repeating: 0, count: Self.hashBlockSize)
    while true {
      let count = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw BlobError(operation: "read", name: name, errno: errno)
      }
      if count == 0 { break }
      hasher.update(data: block[..<count])
      size += Int64(count)
    }
    guard fsync(fd) == 0 else { throw BlobError(operation: "fsync", name: name, errno: errno) }
    try syncFolder()
    return (size, Self.hex(hasher.finalize()))
  }

  /// Up to `count` bytes of file `name` from `offset`; fewer only at the end of the file.
  func fileBytes(of name: String, at offset: Int64, count: Int) throws -> [UInt8] {
    let fd = open(file(name), O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw BlobError(operation: "open", name: name, errno: errno) }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        pread(fd, buffer.baseAddress.map { $0 + filled }, count - filled, off_t(offset + Int64(filled)))
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw BlobError(operation: "read", name: name, errno: errno)
      }
      if got == 0 { break }
      filled += got
    }
    bytes.removeLast(count - filled)
    return bytes
  }

  /// Removes file `name`; a missing file is not an error.
  func remove(_ name: String) {
    unlink(file(name))
  }

  /// A new file to fill from the start while its SHA-256 is computed.
  func create(_ name: String) throws -> BlobWriter {
    let fd = open(file(name), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw BlobError(operation: "create", name: name, errno: errno) }
    return BlobWriter(folder: self, name: name, descriptor: fd)
  }

  /// The path of file `name`.
  func file(_ name: String) -> String { path + "/" + name }

  /// Makes the folder's entries (new files) durable.
  func syncFolder() throws {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw BlobError(operation: "open folder", name: path, errno: errno) }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw BlobError(operation: "fsync folder", name: path, errno: errno) }
  }

  static func hex(_ digest: SHA256.Digest) -> String {
    let digits: [Character] = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(64)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return text
  }
}

import ArgumentParser
import Crypto
import Foundation
import ReformClient

/// A file being downloaded, written to `PATH.part` chunk by chunk as the stream delivers it —
/// never held whole in memory — and renamed to `PATH` only once complete, so a broken transfer
/// never leaves a file that looks whole. A `.part` left by a broken transfer is resumed: its
/// bytes are kept and the download asks for the rest.
///
/// The SHA-256 of everything written is computed on the way, for the caller to check against
/// what the exchange declared.
///
/// ## Topics
/// - ``init(path:resume:label:total:)``, ``write(_:at:)``, ``finish(size:sha256:)``, ``abandon()``
/// - ``TransferFailure``: what a transfer that cannot be trusted throws.
actor PartFile {
  /// Where the file ends up.
  let path: String
  /// Where it is written meanwhile.
  var partPath: String { path + ".part" }
  /// Bytes in the file so far: where the next chunk must start.
  private(set) var written: Int64 = 0
  private let handle: FileHandle
  private var hasher = SHA256()
  private var bar = ProgressBar()
  private let label: String
  private let total: Int64

  /// Opens `PATH.part`, keeping what a broken transfer left in it when `resume`.
  ///
  /// - Parameters:
  ///   - label: What the progress bar calls the transfer.
  ///   - total: The expected size; 0 when unknown (then no bar is drawn).
  init(path: String, resume: Bool, label: String, total: Int64) throws {
    self.path = path
    self.label = label
    self.total = total
    let part = path + ".part"
    let manager = FileManager.default
    if !(resume && manager.fileExists(atPath: part)) {
      guard manager.createFile(atPath: part, contents: nil) else {
        throw ValidationError("\(part): cannot create the file")
      }
    }
    let file = try FileHandle(forUpdating: URL(fileURLWithPath: part))
    var hasher = SHA256()
    var kept: Int64 = 0
    while let data = try file.read(upToCount: AttachmentUpload.chunkBytes), !data.isEmpty {
      hasher.update(data: data)
      kept += Int64(data.count)
    }
    handle = file
    self.hasher = hasher
    written = kept
  }

  /// Appends `content`, which the stream says starts at `offset`: it must start where the file
  /// ends.
  func write(_ content: [UInt8], at offset: Int64) throws {
    guard offset == written else {
      throw TransferFailure("\(path): the server sent bytes from offset \(offset), expected \(written); try again")
    }
    let data = Data(content)
    try handle.write(contentsOf: data)
    hasher.update(data: data)
    written += Int64(content.count)
    if total > Int64(AttachmentUpload.chunkBytes) { bar.update(phase: label, done: written, total: total) }
  }

  /// Closes the file, checks it against `size` and `sha256` when given, and renames it to
  /// ``path``. A file that does not match is removed, so that the next attempt starts afresh.
  func finish(size: Int64? = nil, sha256: String? = nil) throws {
    bar.finish()
    try handle.synchronize()
    try handle.close()
    let digest = AttachmentUpload.hex(hasher.finalize())
    if let size, size != written {
      try? FileManager.default.removeItem(atPath: partPath)
      throw TransferFailure("\(path): \(written) bytes received, but the document declares \(size); try again")
    }
    if let sha256, !sha256.isEmpty, sha256 != digest {
      try? FileManager.default.removeItem(atPath: partPath)
      throw TransferFailure("\(path): the SHA-256 of the bytes received, \(digest), is not the declared \(sha256); try again")
    }
    if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    try FileManager.default.moveItem(atPath: partPath, toPath: path)
  }

  /// Closes the file, leaving the `.part` for a later resume.
  func abandon() {
    bar.finish()
    try? handle.close()
  }
}

/// A transfer whose bytes cannot be trusted — a gap in the stream, a size or SHA-256 other than
/// declared. Trying again may help, so the command exits with the status of a transient failure.
struct TransferFailure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }

  /// Runs `body`, printing a transfer failure as `reformctl: message` and exiting with
  /// ``ExitStatus/transient``.
  static func reporting<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let failure as TransferFailure {
      StandardError.print("reformctl: \(failure)")
      throw ExitStatus.transient
    }
  }

  /// The transfer failure a stream's item handler threw, out of the stream's error; any other
  /// error unchanged.
  static func unwrapped(_ error: any Error) -> any Error {
    (error as? ReformError)?.cause as? TransferFailure ?? error
  }
}

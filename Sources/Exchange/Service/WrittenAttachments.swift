import ExchangeDomain
import Foundation
import GRPCCore
import ReformModule

/// The attachment files an import writes, in manifest order, so that they can be checked
/// against the manifest and become attachment rows, or be removed when the import fails.
final class WrittenAttachments {
  private let blobs: BlobFolder
  private var writers: [BlobWriter] = []

  init(blobs: BlobFolder) {
    self.blobs = blobs
  }

  /// A new file for the next attachment.
  func create() throws -> BlobWriter {
    let writer = try blobs.create(ExchangeIDs.make(.attachment))
    writers.append(writer)
    return writer
  }

  /// Makes every file durable and returns the attachment rows for `manifest`, each file
  /// checked against its entry's size and SHA-256.
  func seal(_ manifest: [Attachment], unitCode: String) throws(RPCError) -> [AttachmentRecord] {
    let written = writers
    guard written.count == manifest.count else {
      throw FieldError.invalid(
        "envelope", "the manifest lists \(manifest.count) attachments but \(written.count) were encoded").rpcError
    }
    return try zip(written, manifest).enumerated().map { (index, pair) throws(RPCError) in
      let (writer, entry) = pair
      let sha256: String
      do {
        sha256 = try writer.finish()
      } catch {
        throw RPCError.internalFailure("storing an attachment of the envelope", error)
      }
      guard writer.size == entry.sizeBytes, sha256 == entry.sha256 else {
        throw FieldError.invalid(
          "envelope",
          "attachment \(index + 1) (\(entry.name)) decodes to \(writer.size) bytes with SHA-256 \(sha256); the manifest says \(entry.sizeBytes) bytes with \(entry.sha256)").rpcError
      }
      return AttachmentRecord(
        attachmentId: writer.name, unitCode: unitCode, name: entry.name, mediaType: entry.mediaType,
        sizeBytes: entry.sizeBytes, sha256: sha256, note: entry.note, fileName: writer.name, committedUs: 0)
    }
  }

  /// Removes every file written.
  func removeAll() {
    for writer in writers { blobs.remove(writer.name) }
  }
}

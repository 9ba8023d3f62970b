/// An attachment (tệp đính kèm) of a document, as its metadata: usually the signed document
/// itself and its annexes.
///
/// The content lives in the store; the SHA-256 is computed by whoever holds the bytes, and this
/// domain checks only its form.
public struct Attachment: Sendable, Hashable {
  /// The largest attachment the exchange carries: 50 MB (50 × 1024 × 1024 bytes).
  public static let maxSizeBytes: Int64 = 50 * 1024 * 1024

  /// File name as shown to users, e.g. "7816-VPCP-TTDT.pdf". Required.
  public var name: String
  /// Media type, e.g. "application/pdf": `type/subtype` without parameters.
  public var mediaType: String
  /// Size in bytes: 1 through ``maxSizeBytes``.
  public var sizeBytes: Int64
  /// SHA-256 of the content: 64 lower-case hexadecimal characters.
  public var sha256: String
  /// Optional note (edXML `Description`).
  public var note: String

  /// An attachment's metadata.
  public init(name: String, mediaType: String, sizeBytes: Int64, sha256: String, note: String = "") {
    self.name = name
    self.mediaType = mediaType
    self.sizeBytes = sizeBytes
    self.sha256 = sha256
    self.note = note
  }
}

/// What a chunk, a commit and an abort do to an upload, the same for every engine: the stores
/// fetch and lock the row, call these, then write what they return.
extension UploadRecord {
  /// The refusal for an upload `uploadId` that is not stored (never begun, or purged).
  static func missing(_ uploadId: String) -> ExchangeStoreRefusal {
    ExchangeStoreRefusal(.notFound, field: "upload_id", "no upload \(uploadId); it may have expired")
  }

  /// Takes `content` sent at `offset`: the bytes that extend the upload and where its file gets
  /// them, with ``receivedBytes`` advanced past them; nil (and nothing changed) for a chunk
  /// wholly below what was received.
  ///
  /// - Throws: ``ExchangeStoreRefusal`` when the upload no longer takes chunks, the chunk starts
  ///   past what was received, or it ends past the declared size.
  mutating func takeChunk(_ content: [UInt8], at offset: Int64, nowUs: Int64) throws(ExchangeStoreRefusal)
    -> (bytes: ArraySlice<UInt8>, fileOffset: Int64)?
  {
    try checkOpen(nowUs: nowUs)
    guard offset <= receivedBytes else {
      throw ExchangeStoreRefusal(
        .failedPrecondition, field: "offset", "\(offset) is past the \(receivedBytes) bytes received so far; send from offset \(receivedBytes)")
    }
    let end = offset + Int64(content.count)
    guard end <= declaredSize else {
      throw ExchangeStoreRefusal(
        .invalidArgument, field: "content", "the chunk ends at byte \(end), past the declared size of \(declaredSize) bytes")
    }
    guard end > receivedBytes else { return nil }
    let fresh = content.dropFirst(Int(receivedBytes - offset))
    let fileOffset = receivedBytes
    receivedBytes = end
    return (fresh, fileOffset)
  }

  /// The attachment a committed upload became; nil while it is not committed.
  var committedAttachmentId: String? { state == .committed ? attachmentId : nil }

  /// Seals the upload, whose file was found to hold `size` bytes with digest `sha256`, as the
  /// attachment `attachmentId`, and returns the attachment's row to insert.
  ///
  /// - Throws: ``ExchangeStoreRefusal`` when the upload cannot be committed or its file does
  ///   not hold what was declared.
  mutating func commit(size: Int64, sha256: String, attachmentId: String, nowUs: Int64) throws(ExchangeStoreRefusal)
    -> AttachmentRecord
  {
    try checkCommittable(nowUs: nowUs)
    guard size == declaredSize else {
      throw ExchangeStoreRefusal(
        .failedPrecondition, field: "upload_id", "the file holds \(size) bytes, not the \(declaredSize) received; abort the upload and send the file again")
    }
    if !declaredSha256.isEmpty, declaredSha256 != sha256 {
      throw ExchangeStoreRefusal(
        .failedPrecondition, field: "upload_id",
        "the content's SHA-256 is \(sha256), not the \(declaredSha256) declared at BeginUpload; abort the upload and send the file again")
    }
    state = .committed
    self.attachmentId = attachmentId
    return AttachmentRecord(
      attachmentId: attachmentId, unitCode: unitCode, name: name, mediaType: mediaType,
      sizeBytes: size, sha256: sha256, note: "", fileName: fileName, committedUs: nowUs)
  }

  /// Marks an open upload aborted: true when it changed, false for one already aborted.
  ///
  /// - Throws: ``ExchangeStoreRefusal`` for a committed upload.
  mutating func abort() throws(ExchangeStoreRefusal) -> Bool {
    switch state {
    case .aborted:
      return false
    case .committed:
      throw ExchangeStoreRefusal(
        .failedPrecondition, field: "upload_id", "the upload was committed as attachment \(attachmentId ?? ""); it can no longer be discarded")
    case .open:
      state = .aborted
      return true
    }
  }
}

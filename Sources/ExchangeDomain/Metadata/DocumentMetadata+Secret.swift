extension DocumentMetadata {
  /// The refusal of a secret document, nil for a normal one.
  ///
  /// State secrets (Mật, Tối mật, Tuyệt mật; Luật Bảo vệ bí mật nhà nước 2018) travel only
  /// through the dedicated state-secret system (Nghị định 63/2026/NĐ-CP), never over this
  /// exchange, so a secret document is refused with `failedPrecondition` whatever else it holds.
  public func secretRefusal() -> DocumentError? {
    guard confidentiality.isStateSecret else { return nil }
    return DocumentError(
      .failedPrecondition, field: "metadata.confidentiality",
      "a document marked \(confidentiality.vietnameseName) is a state secret (Luật Bảo vệ bí mật "
        + "nhà nước 2018) and travels only through the dedicated state-secret system "
        + "(Nghị định 63/2026/NĐ-CP), never over this exchange; nothing of it was stored")
  }
}

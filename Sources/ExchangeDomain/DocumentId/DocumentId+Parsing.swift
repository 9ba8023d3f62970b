import ReformKit

extension DocumentId {
  /// Reads a DocumentId in the national form `OrganId,yyyy/mm/dd,CodeNumber/CodeNotation`,
  /// throwing an error that names the part at fault.
  public init(parsing text: String) throws(DocumentIdError) {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 3 else {
      throw DocumentIdError(
        .documentId,
        "\"\(text)\" is not a DocumentId: expected OrganId,yyyy/mm/dd,CodeNumber/CodeNotation, "
          + "e.g. 000.00.00.G22,2015/09/30,7816/VPCP-TTĐT")
    }
    let organText = String(parts[0])
    guard let organId = OrganId(organText) else {
      throw DocumentIdError(.organId, OrganId.defect(in: organText) ?? "not an OrganId")
    }
    guard let issuedDate = CivilDate(parsing: parts[1], separator: "/") else {
      throw DocumentIdError(.issuedDate, "\"\(parts[1])\" is not a date written yyyy/mm/dd")
    }
    let code = parts[2]
    guard let slash = code.firstIndex(of: "/") else {
      throw DocumentIdError(
        .documentId, "\"\(code)\" has no \"/\" between the number and the notation, e.g. 7816/VPCP-TTĐT")
    }
    try self.init(
      organId: organId, issuedDate: issuedDate, codeNumber: String(code[..<slash]),
      codeNotation: String(code[code.index(after: slash)...]))
  }
}

import Foundation

extension String {
  /// The text in Unicode NFC with surrounding white space removed: how names are stored, so
  /// that "Nguyễn" typed with combining marks and "Nguyễn" precomposed are one name.
  public var normalizedText: String {
    let needsTrim = first?.isWhitespace == true || last?.isWhitespace == true
    let text = needsTrim ? trimmingCharacters(in: .whitespacesAndNewlines) : self
    return text.isSurelyNFC ? text : text.precomposedStringWithCanonicalMapping
  }

  /// Whether every scalar lies where NFC changes nothing: below U+0300 (ASCII and the Latin
  /// letters with marks) or in Latin Extended Additional (U+1E00–U+1EFF, Vietnamese precomposed
  /// letters such as "ễ"). This covers nearly all Vietnamese text and spares bulk imports a full
  /// normalization; anything else is normalized.
  private var isSurelyNFC: Bool {
    unicodeScalars.allSatisfy { scalar in scalar.value < 0x300 || (0x1E00...0x1EFF).contains(scalar.value) }
  }
}

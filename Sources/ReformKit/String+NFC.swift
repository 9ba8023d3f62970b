import Foundation

extension String {
  /// The string in Unicode Normalization Form C, so that codes and names typed with combining
  /// marks compare equal to their precomposed spelling ("Nguyễn" typed either way is one name).
  public var nfc: String {
    isSurelyNFC ? self : precomposedStringWithCanonicalMapping
  }

  /// The text in NFC with surrounding white space removed: how names, codes and the texts of
  /// stored documents are kept, so that identity does not depend on how a keyboard composed
  /// `Đ` or `ế`, nor on a stray space.
  public var normalizedText: String {
    let needsTrim = first?.isWhitespace == true || last?.isWhitespace == true
    return (needsTrim ? trimmingCharacters(in: .whitespacesAndNewlines) : self).nfc
  }

  /// Whether every scalar lies where NFC changes nothing: below U+0300 (ASCII and the Latin
  /// letters with marks) or in Latin Extended Additional (U+1E00–U+1EFF, Vietnamese precomposed
  /// letters such as "ễ"). This covers nearly all Vietnamese text and spares bulk imports a full
  /// normalization; anything else is normalized.
  private var isSurelyNFC: Bool {
    unicodeScalars.allSatisfy { scalar in scalar.value < 0x300 || (0x1E00...0x1EFF).contains(scalar.value) }
  }
}

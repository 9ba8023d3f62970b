import Foundation

/// Searching and ordering Vietnamese names: "so noi vu" finds "Sở Nội vụ", and "Đỗ" sorts
/// after "Dương" as the Vietnamese alphabet has it (a ă â b c d đ e ê … o ô ơ … u ư …), with
/// tones (ngang, huyền, hỏi, ngã, sắc, nặng) deciding only between otherwise equal names.
public enum VietnameseText {
  /// The text without case, marks or the stroke of đ, for substring search.
  public static func folded(_ text: String) -> String {
    String(String.UnicodeScalarView(latinMapped(text, folds, whole: wholeFolded)))
  }

  /// A key whose order is the Vietnamese alphabetical order of the texts.
  public static func sortKey(_ text: String) -> [UInt32] {
    var letters: [UInt32] = []
    var tones: [UInt32] = []
    letters.reserveCapacity(text.utf8.count)
    tones.reserveCapacity(text.utf8.count)
    for scalar in lowercasedAndDecomposed(text) {
      switch scalar.value {
      case 0x306: modify(&letters, 1)  // breve: ă
      case 0x302: modify(&letters, 2)  // circumflex: â ê ô
      case 0x31B: modify(&letters, 3)  // horn: ơ ư
      case 0x300: tones.append(1)  // huyền
      case 0x309: tones.append(2)  // hỏi
      case 0x303: tones.append(3)  // ngã
      case 0x301: tones.append(4)  // sắc
      case 0x323: tones.append(5)  // nặng
      case 0x111:  // đ, after d
        letters.append(0x64 * 4 + 1)
        tones.append(0)
      default:
        letters.append(scalar.value * 4)
        tones.append(0)
      }
    }
    return letters + [0] + tones
  }

  /// The text's scalars lowercased and canonically decomposed (NFD), each letter followed by
  /// its marks.
  static func lowercasedAndDecomposed(_ text: String) -> [Unicode.Scalar] {
    latinMapped(text, decompositions, whole: wholeLowercasedAndDecomposed)
  }

  private static func wholeFolded(_ text: String) -> [Unicode.Scalar] {
    let folded = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
      .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return Array(folded.unicodeScalars)
  }

  private static func wholeLowercasedAndDecomposed(_ text: String) -> [Unicode.Scalar] {
    Array(text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars)
  }

  /// `whole(text)`, made scalar by scalar when the text is ASCII and Latin letters — every
  /// Vietnamese name: ASCII letters lowercased, other ASCII kept, and the letters of U+00C0 to
  /// U+024F and of Latin Extended Additional (ạ ả ấ … ỹ) read from `tables`. No scalar there is
  /// a mark or joins its neighbour, so each maps on its own as it does within the text; any
  /// other text is mapped whole, through Foundation, which is many times slower.
  private static func latinMapped(
    _ text: String, _ tables: LatinTables, whole: (String) -> [Unicode.Scalar]
  ) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A: scalars.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
      case 0x20...0x7E: scalars.append(scalar)
      case LatinTables.latin: scalars += tables.latin[Int(scalar.value - LatinTables.latin.lowerBound)]
      case LatinTables.extended: scalars += tables.extended[Int(scalar.value - LatinTables.extended.lowerBound)]
      default: return whole(text)
      }
    }
    return scalars
  }

  private static let folds = LatinTables(wholeFolded)
  private static let decompositions = LatinTables(wholeLowercasedAndDecomposed)

  /// A mapping of each Latin letter, made once from the mapping of the letter on its own.
  private struct LatinTables: Sendable {
    /// Latin-1 letters, Latin Extended-A and -B.
    static let latin: Range<UInt32> = 0xC0..<0x250
    /// Latin Extended Additional.
    static let extended: Range<UInt32> = 0x1E00..<0x1F00

    let latin: [[Unicode.Scalar]]
    let extended: [[Unicode.Scalar]]

    init(_ mapping: (String) -> [Unicode.Scalar]) {
      func table(_ values: Range<UInt32>) -> [[Unicode.Scalar]] {
        values.map { value in Unicode.Scalar(value).map { mapping(String(Character($0))) } ?? [] }
      }
      latin = table(Self.latin)
      extended = table(Self.extended)
    }
  }

  private static func modify(_ letters: inout [UInt32], _ mark: UInt32) {
    guard let last = letters.popLast() else { return }
    letters.append(last + mark)
  }
}

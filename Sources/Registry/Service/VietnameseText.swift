import Foundation

/// Searching and ordering Vietnamese names: "so noi vu" finds "Sở Nội vụ", and "Đỗ" sorts
/// after "Dương" as the Vietnamese alphabet has it (a ă â b c d đ e ê … o ô ơ … u ư …), with
/// tones (ngang, huyền, hỏi, ngã, sắc, nặng) deciding only between otherwise equal names.
enum VietnameseText {
  /// The text without case, marks or the stroke of đ, for substring search.
  static func folded(_ text: String) -> String {
    text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
      .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  /// A key whose order is the Vietnamese alphabetical order of the texts.
  static func sortKey(_ text: String) -> [UInt32] {
    var letters: [UInt32] = []
    var tones: [UInt32] = []
    for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
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

  private static func modify(_ letters: inout [UInt32], _ mark: UInt32) {
    guard let last = letters.popLast() else { return }
    letters.append(last + mark)
  }
}

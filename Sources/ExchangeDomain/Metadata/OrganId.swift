/// Mã định danh: the identifier of an organ on the national document exchange (QCVN 102:2016/BTTTT
/// and its amendment 1:2022; Quyết định 20/2020/QĐ-TTg), e.g. `000.00.00.H41`.
///
/// The accepted form is four dot-separated groups, lowest level first:
/// `[0-9A-Z]{3}.[0-9A-Z]{2}.[0-9A-Z]{2}.[A-Z][0-9]{2}` — the level-4, level-3 and level-2 codes
/// (digits, or capital letters where the code list ran out of digits) and the level-1 code, a
/// capital letter naming the group (e.g. `G` for the Government's organs, `H` for provinces)
/// followed by two digits. `000.00.00.G22` and `000.00.31.H41` are accepted; lower-case letters,
/// spaces, other separators or group lengths are not, because the exchange compares OrganIds as
/// exact text.
public struct OrganId: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The identifier as written, e.g. `000.00.00.H41`.
  public let rawValue: String

  /// The OrganId, or nil when `text` does not have the accepted form.
  public init?(_ text: String) {
    guard OrganId.defect(in: text) == nil else { return nil }
    rawValue = text
  }

  /// What is wrong with `text` as an OrganId, fit for a message; nil when it is one.
  public static func defect(in text: String) -> String? {
    if text.isEmpty { return "required, e.g. 000.00.00.H41" }
    let groups = text.split(separator: ".", omittingEmptySubsequences: false)
    let lowerLevelsOK =
      groups.count == 4
      && zip(groups.prefix(3), [3, 2, 2]).allSatisfy { group, length in
        group.count == length && group.allSatisfy { $0.isASCIIDigit || $0.isASCIIUppercaseLetter }
      }
    let levelOne = groups.last ?? ""
    let levelOneOK =
      levelOne.count == 3 && levelOne.first?.isASCIIUppercaseLetter == true
      && levelOne.dropFirst().allSatisfy(\.isASCIIDigit)
    guard lowerLevelsOK, levelOneOK else {
      return "\"\(text)\" is not an OrganId: expected four groups like 000.00.00.H41 "
        + "(3, 2 and 2 digits or capital letters, then a capital letter and 2 digits)"
    }
    return nil
  }

  /// Orders by text, which groups the organs of one province or ministry together.
  public static func < (lhs: OrganId, rhs: OrganId) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The identifier as written.
  public var description: String { rawValue }
}

extension Character {
  /// A–Z only.
  var isASCIIUppercaseLetter: Bool { ("A"..."Z").contains(self) }

  /// 0–9 only: `isNumber` would also take other scripts' digits and fractions.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

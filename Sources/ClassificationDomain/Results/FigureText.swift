/// Writing shares and points for people: basis points as percentages, hundredths as points,
/// with the decimal comma in Vietnamese and the point in English.
enum FigureText {
  /// `2000` → "20%", `2950` → "29,5%" (Vietnamese) or "29.5%" (English).
  static func text(basisPoints: Int, _ language: ExplanationLanguage) -> String {
    decimal(basisPoints, scale: 100, language) + "%"
  }

  /// `count` of `total` as a percentage with two decimals, rounded half up.
  static func text(count: Int, of total: Int, _ language: ExplanationLanguage) -> String {
    guard total > 0 else { return "—" }
    let basisPoints = (count * 20_000 + total) / (2 * total)
    return decimal(basisPoints, scale: 100, language) + "%"
  }

  /// `9050` hundredths → "90,5" or "90.5".
  static func points(_ hundredths: Int, _ language: ExplanationLanguage) -> String {
    decimal(hundredths, scale: 100, language)
  }

  /// "st", "nd", "rd" or "th".
  static func ordinalSuffix(_ number: Int) -> String {
    if (11...13).contains(number % 100) { return "th" }
    switch number % 10 {
    case 1: return "st"
    case 2: return "nd"
    case 3: return "rd"
    default: return "th"
    }
  }

  /// `value ÷ scale` with the trailing zeros of its two decimals dropped.
  private static func decimal(_ value: Int, scale: Int, _ language: ExplanationLanguage) -> String {
    let sign = value < 0 ? "-" : ""
    let magnitude = abs(value)
    var fraction = String(magnitude % scale)
    if fraction.count < 2 { fraction = "0" + fraction }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let separator = language == .vietnamese ? "," : "."
    return sign + String(magnitude / scale) + (fraction.isEmpty ? "" : separator + fraction)
  }
}

extension Rating {
  /// The whole rating in prose, one line per step, for a person to read: the score, each
  /// rule with its source and outcome, and the quota's demotion if any.
  public func narrative(in language: ExplanationLanguage) -> String {
    let vi = language == .vietnamese
    var lines: [String] = []
    let name = subjectName.map { " (\($0))" } ?? ""
    lines.append(
      vi
        ? "\(subjectKind.vietnameseName) \(subjectId)\(name), năm \(year), bộ quy tắc \(ruleSetId)"
        : "\(subjectKind.rawValue) \(subjectId)\(name), year \(year), rule set \(ruleSetId)")
    if let scoreHundredths {
      lines.append(
        vi
          ? "Tổng điểm: \(FigureText.points(scoreHundredths, language))"
          : "Total score: \(FigureText.points(scoreHundredths, language))")
    }
    for check in checks {
      let flag = check.unconfirmed ? (vi ? " [chưa xác nhận]" : " [unconfirmed]") : ""
      lines.append("\(check.ruleId) (\(check.source.citation))\(flag): \(check.explanation(in: language))")
    }
    if let quotaDemotion {
      lines.append("\(quotaDemotion.ruleId) (\(quotaDemotion.source.citation)): \(quotaDemotion.reason(in: language))")
    }
    lines.append(vi ? "Kết quả: \(level.vietnameseName)" : "Result: \(level.englishName)")
    return lines.joined(separator: "\n")
  }
}

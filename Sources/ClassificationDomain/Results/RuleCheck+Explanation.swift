extension RuleCheck {
  /// The check in one line: outcome, figures and the level after, e.g.
  /// "Không đạt — 19/20 nhiệm vụ đúng hạn (95%) < 100% → Hoàn thành nhiệm vụ".
  public func explanation(in language: ExplanationLanguage) -> String {
    let level = language == .vietnamese ? levelAfter.vietnameseName : levelAfter.englishName
    return "\(outcomeName(language)) — \(detail(in: language)) → \(level)"
  }

  /// The outcome in words: "Đạt", "Không đạt", "Không áp dụng", "Tắt" or their English.
  public func outcomeName(_ language: ExplanationLanguage) -> String {
    switch (outcome, language) {
    case (.held, .vietnamese): "Đạt"
    case (.failed, .vietnamese): "Không đạt"
    case (.notApplicable, .vietnamese): "Không áp dụng"
    case (.disabled, .vietnamese): "Tắt"
    case (.held, .english): "held"
    case (.failed, .english): "failed"
    case (.notApplicable, .english): "not applicable"
    case (.disabled, .english): "disabled"
    }
  }

  /// The figures compared, in words, e.g. "19/20 nhiệm vụ đúng hạn (95%) < 100%".
  public func detail(in language: ExplanationLanguage) -> String {
    let vi = language == .vietnamese
    switch figures {
    case .none:
      return vi ? "quy tắc đang tắt trong bộ quy tắc" : "the rule is switched off in the set"
    case .otherSubjectKind:
      return vi ? "không áp dụng cho đối tượng này" : "does not apply to this kind of subject"
    case .score(let total, let min):
      let sign = total >= min ? "≥" : "<"
      return vi
        ? "tổng điểm \(FigureText.points(total, language)) \(sign) \(FigureText.points(min, language))"
        : "total score \(FigureText.points(total, language)) \(sign) \(FigureText.points(min, language))"
    case .assessed(let level):
      return vi ? "mức đề xuất \(level.vietnameseName)" : "assessed level \(level.englishName)"
    case .share(let count, let total, let bound):
      let sign = outcome == .failed ? "<" : "≥"
      return
        "\(count)/\(total) \(noun(language)) (\(FigureText.text(count: count, of: total, language))) "
        + "\(sign) \(FigureText.text(basisPoints: bound, language))"
    case .nothingToCount:
      return vi ? "không có số liệu để so sánh" : "nothing recorded to compare"
    case .discipline(let counted, let earlier, let spared, let below, let other):
      var parts: [String] = []
      if earlier > 0 { parts.append(vi ? "\(earlier) đã tính ở năm trước" : "\(earlier) counted in an earlier year") }
      if spared > 0 { parts.append(vi ? "\(spared) do đơn vị tự phát hiện" : "\(spared) found by the unit itself") }
      if below > 0 { parts.append(vi ? "\(below) dưới mức tối thiểu" : "\(below) below the least measure") }
      if other > 0 { parts.append(vi ? "\(other) ngoài năm hoặc hệ thống" : "\(other) of another year or system") }
      let setAside =
        parts.isEmpty ? "" : (vi ? " (không tính: " : " (not counted: ") + parts.joined(separator: ", ") + ")"
      if counted.isEmpty {
        return (vi ? "không có kỷ luật tính trong năm" : "no discipline counts in the year") + setAside
      }
      return (vi ? "kỷ luật tính trong năm: " : "discipline counted in the year: ") + counted.joined(separator: ", ")
        + setAside
    case .decline(let counted, let earlier):
      let setAside =
        earlier > 0 ? (vi ? " (\(earlier) đã tính ở năm trước)" : " (\(earlier) counted in an earlier year)") : ""
      if counted == 0 {
        return (vi ? "không có kết luận suy thoái trong năm" : "no finding of decline in the year") + setAside
      }
      return (vi ? "\(counted) kết luận suy thoái trong năm" : "\(counted) finding(s) of decline in the year")
        + setAside
    case .notALeader:
      return vi ? "không lãnh đạo đơn vị nào" : "leads no unit"
    case .ledCollectiveNotRated(let codes):
      let list = codes.joined(separator: ", ")
      return vi ? "tập thể \(list) chưa được xếp loại trong lần này" : "collective \(list) was not rated in this run"
    case .ledCollectiveLevel(let code, let collective, let cap):
      return vi
        ? "tập thể \(code) xếp loại \(collective.abbreviation): người lãnh đạo tối đa \(cap.abbreviation)"
        : "collective \(code) rated \(collective.abbreviation): its leaders at best \(cap.abbreviation)"
    case .ledCollectiveTasks(let code, let tasks, let minOnTime, let minExceeded):
      let onTime = FigureText.text(count: tasks.onTime, of: tasks.total, language)
      let exceeded = FigureText.text(count: tasks.exceeded, of: tasks.total, language)
      let needed =
        "\(FigureText.text(basisPoints: minOnTime, language)), \(FigureText.text(basisPoints: minExceeded, language))"
      return vi
        ? "tập thể \(code): \(tasks.onTime)/\(tasks.total) đúng hạn (\(onTime)), "
          + "\(tasks.exceeded)/\(tasks.total) vượt mức (\(exceeded)); cần \(needed)"
        : "collective \(code): \(tasks.onTime)/\(tasks.total) on time (\(onTime)), "
          + "\(tasks.exceeded)/\(tasks.total) exceeded (\(exceeded)); needs \(needed)"
    case .subordinates(let disciplined, let spared, let total, let max):
      let sign = outcome == .failed ? ">" : "≤"
      let share = FigureText.text(count: disciplined, of: total, language)
      let setAside =
        spared > 0 ? (vi ? " (\(spared) tự phát hiện, không tính)" : " (\(spared) self-detected, not counted)") : ""
      return vi
        ? "\(disciplined)/\(total) tổ chức trực thuộc bị kỷ luật (\(share)) \(sign) "
          + "\(FigureText.text(basisPoints: max, language))\(setAside)"
        : "\(disciplined)/\(total) subordinate units disciplined (\(share)) \(sign) "
          + "\(FigureText.text(basisPoints: max, language))\(setAside)"
    case .leadership(let disciplined, let max):
      let sign = disciplined > max ? ">" : "≤"
      return vi
        ? "\(disciplined) thành viên tập thể lãnh đạo bị kỷ luật \(sign) \(max)"
        : "\(disciplined) leadership member(s) disciplined \(sign) \(max)"
    }
  }

  /// What a share of this kind counts.
  private func noun(_ language: ExplanationLanguage) -> String {
    switch (kind, language) {
    case (.tasksExceeded, .vietnamese): "nhiệm vụ vượt mức"
    case (.tasksExceeded, .english): "tasks exceeded"
    case (.targetsMet, .vietnamese): "chỉ tiêu đạt"
    case (.targetsMet, .english): "targets met"
    case (_, .vietnamese): "nhiệm vụ đúng hạn"
    case (_, .english): "tasks on time"
    }
  }
}

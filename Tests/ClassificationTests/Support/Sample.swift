import ReformWire

/// Evaluations as clerks send them: Party members on the 100-point scale of 366-QĐ/TW, with
/// tasks that meet every condition unless told otherwise.
enum Sample {
  static let year: Int32 = 2025

  /// Ten tasks, all on time, half exceeded.
  static let goodTasks = RatingTaskCounts(total: 10, onTime: 10, exceeded: 5)

  /// `total` hundredths split 30/70 as the scale allows.
  static func scores(_ total: Int32) -> RatingScores {
    let task = min(7_000, total - total * 3 / 10)
    return RatingScores(commonCriteriaHundredths: total - task, taskResultsHundredths: task)
  }

  static func member(
    _ id: String, unit: String = "CB1", total: Int32 = 8_000, year: Int32 = year, tasks: RatingTaskCounts? = goodTasks,
    kind: RatingSubjectKind = .partyMember, leads: String? = nil, discipline: [DisciplineRecord] = [],
    name: String = ""
  ) -> PersonEvaluation {
    PersonEvaluation(
      personId: id, year: year, subjectKind: kind, subjectName: name.isEmpty ? "Đảng viên \(id)" : name, unitCode: unit,
      scores: scores(total), tasks: tasks, discipline: discipline,
      positions: leads.map { [RatingPosition(title: "Bí thư Chi bộ", unitCode: $0, leaderOrManager: true, head: true, ledUnitCode: $0)] }
        ?? [])
  }

  static func collective(_ unit: String, total: Int32 = 9_500, year: Int32 = year, leaders: [String] = []) -> CollectiveEvaluation {
    CollectiveEvaluation(
      unitCode: unit, year: year, subjectName: "Chi bộ \(unit)", scores: scores(total), tasks: goodTasks, targetsTotal: 10,
      targetsMet: 10, leaderPersonIds: leaders)
  }

  static func reprimand(_ id: String, year: Int32 = year) -> DisciplineRecord {
    DisciplineRecord(
      id: id, system: .party, level: .reprimand, decided: CalendarDate(year: year, month: 6, day: 15),
      decision: SourceRef(document: "QĐ \(id)"), violation: "Vi phạm quy chế làm việc")
  }
}

extension Sample {
  /// An exception for `unit` in `year`, granted by the bloc's standing committee.
  static func exception(
    unit: String, year: Int32 = year, dutyGroup: String = "", grant: RatingQuotaException.Grant?
  ) -> RatingQuotaException {
    RatingQuotaException(
      unitCode: unit, dutyGroup: dutyGroup, year: year, grant: grant, authority: "Ban Thường vụ Đảng ủy Khối",
      decision: SourceRef(document: "Quyết định 45-QĐ/ĐUK", issued: CalendarDate(year: year, month: 11, day: 20)),
      reason: "Tập thể có thành tích xuất sắc")
  }
}

extension PlanInputFile {
  /// The format in a few lines and a short example, for `reformctl inspection plan --help`.
  static let help = """
    The input file is UTF-8 JSON mirroring reform.v1.InspectionPlanInput, with the schema's \
    JSON names. Dates are written 2026-03-02; a span of dates is {"first": …, "last": …}. \
    Required: year, visitsDue, teams. Fields ([…] a list, ? optional):

      year, seed?, riskMode? (given | compute_missing | compute_all; default given)
      visitsDue[]: dueId? (default UNIT-1, UNIT-2…), unitCode, unitName?, kind (programmed |
        signs_of_violation | regular_supervision | thematic_supervision), lengthDays? (working
        days; else from rules.lengths), unitMemberCount?, window? {first, last}, teamId?, topic?
      teams[]: teamId, name?, maxVisitsPerMonth?, inspectors[]: inspectorId, fullName?,
        homeUnitCode, conflictUnitCodes[]?, unavailable[]?: {dates {first, last}, reason?}
      blackouts[]?: dates {first, last}, reason?, unitCodes[]? (empty for every unit)
      risks[]?: unitCode, scoreBp (0–10000, higher first), lastVisit?
      rules?: minGapWorkingDays?, maxVisitsPerTeamPerMonth?, maxLengthDays?, extensionBp?,
        minInspectorsPresent?, lengths[]?: {kind, minMembers?, lengthDays}, riskWeights?:
        {indicatorsBp?, ratingBp?, timeSinceVisitBp?, indicatorPeriod? ("2025"), ratingYear?,
        fullRiskAfterYears?}, sources[]?: {document, article?, issued?, note?}

    A number left out takes the rules' default (see Protos/reform/v1/inspection.proto). A \
    field the format does not know is refused. Example:

      {
        "year": 2027, "seed": 1,
        "visitsDue": [
          {"unitCode": "DBCS-01", "unitName": "Đảng bộ Sở Tài chính", "kind": "programmed",
           "lengthDays": 5, "window": {"first": "2027-03-01", "last": "2027-06-30"},
           "topic": "Thực hiện Nghị quyết 01-NQ/ĐUK về cải cách hành chính"},
          {"unitCode": "DBCS-02", "unitName": "Chi bộ Sở Tư pháp", "kind": "regular_supervision",
           "lengthDays": 3}
        ],
        "teams": [
          {"teamId": "T1", "name": "Đoàn kiểm tra số 1", "inspectors": [
            {"inspectorId": "KTV-01", "fullName": "Nguyễn Văn An", "homeUnitCode": "UBKT-DUK",
             "unavailable": [{"dates": {"first": "2027-06-01", "last": "2027-06-12"},
                              "reason": "Nghỉ phép"}]},
            {"inspectorId": "KTV-02", "fullName": "Lò Thị Bình", "homeUnitCode": "DBCS-02"}]}
        ],
        "blackouts": [{"dates": {"first": "2027-12-15", "last": "2027-12-31"},
                       "reason": "Tổng kết năm"}],
        "risks": [{"unitCode": "DBCS-01", "scoreBp": 6500}, {"unitCode": "DBCS-02", "scoreBp": 1200}]
      }

    'reformctl inspection example-input' prints a larger one.
    """
}

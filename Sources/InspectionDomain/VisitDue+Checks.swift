extension VisitDue {
  /// Checks what the planner would refuse about this visit in a programme of `year` under
  /// `rules`: for a visit added by a replan, checked on its own before the planner sees it, so
  /// that the refusal names the change rather than a place in the planner's input.
  ///
  /// - Throws: ``PlanningError`` (invalid argument) on `lengthDays` when no length is given and
  ///   no row of `rules.lengths` applies, on `window` when the window leaves `year`.
  public func check(year: Int, rules: PlanningRules) throws(PlanningError) {
    if rules.length(of: self) == nil {
      throw PlanningError(
        .invalidArgument, field: "lengthDays",
        "no length given and no row of the programme's rules.lengths applies to \(kind.vietnameseName) with \(unitMemberCount ?? 0) members"
      )
    }
    if let window, window.first.year != year || window.last.year != year {
      throw PlanningError(.invalidArgument, field: "window", "\(window) is not within \(year)")
    }
  }
}

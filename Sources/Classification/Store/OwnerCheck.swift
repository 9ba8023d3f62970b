/// A check of the units that stored evaluations belong to, made inside the write that would
/// replace them: `check` is given the unit each of `keys` is stored under, and throws to stop
/// the write.
struct OwnerCheck: Sendable {
  var keys: [EvaluationKey]
  var check: @Sendable ([EvaluationKey: String]) throws -> Void
}

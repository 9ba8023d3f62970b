/// What a leader rule reads of a collective already rated.
struct LedCollective: Sendable {
  var level: RatingLevel
  var tasks: TaskCounts?
}

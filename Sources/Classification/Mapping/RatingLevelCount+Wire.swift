import ClassificationDomain
import ReformWire

extension ClassificationDomain.RatingLevelCount {
  /// The count on the wire with last year's and the change, as a summary reports it.
  var wire: ReformWire.RatingLevelCount {
    ReformWire.RatingLevelCount(
      level: level.wire, count: Int64(count), shareBasisPoints: Int32(shareBasisPoints),
      previousCount: Int64(previousCount), previousShareBasisPoints: Int32(previousShareBasisPoints),
      countChange: Int64(countChange), shareChangeBasisPoints: Int32(shareChangeBasisPoints))
  }

  /// This year's count and share alone, as a run reports them.
  var wireWithoutPrevious: ReformWire.RatingLevelCount {
    ReformWire.RatingLevelCount(level: level.wire, count: Int64(count), shareBasisPoints: Int32(shareBasisPoints))
  }
}

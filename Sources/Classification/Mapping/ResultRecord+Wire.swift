import ReformWire

extension ResultRecord {
  /// When the rating was made, on the wire.
  var ratedAt: Timestamp { Timestamp(ratedAtDate) }
}

extension Duration {
  /// The duration in whole milliseconds, rounded, as the benchmarks print it.
  var millisecondsText: String {
    String(Int64((Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15).rounded()))
  }
}

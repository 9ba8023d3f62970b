import Synchronization

/// The finished spans waiting for export: a bounded queue that never blocks the call that
/// ends a span. When it is full a span is dropped and counted, so that a collector that is
/// down or slow costs a bounded amount of memory and nothing else.
///
/// ## Topics
/// - ``add(_:)``: from any task, at once.
/// - ``take(atMost:)``: the exporter's next batch.
/// - ``dropped``: spans lost to a full queue since the start.
public final class SpanBatch: Sendable {
  /// Spans the queue holds at most.
  public let capacity: Int
  private let state: Mutex<State>

  private struct State {
    var spans: [FinishedSpan] = []
    var dropped = 0
  }

  public init(capacity: Int) {
    precondition(capacity > 0, "a span batch holds at least one span")
    self.capacity = capacity
    state = Mutex(State())
  }

  /// Queues `span`; false, and counted as dropped, when the queue is full.
  @discardableResult
  public func add(_ span: FinishedSpan) -> Bool {
    state.withLock { state in
      guard state.spans.count < capacity else {
        state.dropped += 1
        return false
      }
      state.spans.append(span)
      return true
    }
  }

  /// Removes and returns the oldest `count` spans at most.
  public func take(atMost count: Int) -> [FinishedSpan] {
    state.withLock { state in
      let taken = Array(state.spans.prefix(count))
      state.spans.removeFirst(taken.count)
      return taken
    }
  }

  /// Spans waiting.
  public var count: Int { state.withLock { $0.spans.count } }

  /// Spans dropped because the queue was full, since the start.
  public var dropped: Int { state.withLock { $0.dropped } }
}

import Synchronization

/// The frames one side of `WorkerHub.Attach` has yet to write, in three lanes (``Lane``):
/// liveness frames (heartbeats, leaving, credits, drain, resume) leave before anything else
/// still waiting, then replies (a unary job's result, a job for the worker), then the items of
/// streams. A heartbeat thus never waits behind more than the one frame being written, and an
/// ordinary call's answer never waits behind thousands of stream items.
///
/// Within a lane frames keep their order. A lower lane still gets its turn after ``fairRun``
/// frames of the lanes above it in a row, so that no flood (of credits, say) starves it.
/// One task reads (``next()``); any number send. After ``finish()`` the frames already queued
/// are still read, then ``next()`` returns nil.
///
/// How much waits in the items lane is bounded by the flow-control windows of the jobs that
/// feed it (``StreamCredit``), not here.
final class PriorityOutbox<Frame: Sendable>: Sendable {
  /// Which frames go first.
  enum Lane: Int, CaseIterable {
    /// Liveness: heartbeats, leaving, credits, drain, resume, pings.
    case urgent
    /// A unary job's result, or a job for the worker.
    case reply
    /// Stream items, and a stream's final result, which must follow its items.
    case items
  }

  /// Frames of higher lanes in a row before a waiting lower one goes.
  static var fairRun: Int { 16 }

  private struct State {
    var lanes = Array(repeating: Queue(), count: Lane.allCases.count)
    /// Frames in a row taken from each lane while a lower lane waited.
    var passedOver = Array(repeating: 0, count: Lane.allCases.count)
    var finished = false
    var reader: CheckedContinuation<Frame?, Never>?

    /// The next frame: the highest lane with one, unless a lower one has waited through
    /// ``fairRun`` frames.
    mutating func pop() -> Frame? {
      let waiting = lanes.indices.filter { !lanes[$0].isEmpty }
      guard let highest = waiting.first else { return nil }
      let starved = waiting.dropFirst().first { passedOver[$0] >= PriorityOutbox.fairRun }
      let lane = starved ?? highest
      for lower in waiting where lower > lane { passedOver[lower] += 1 }
      passedOver[lane] = 0
      return lanes[lane].pop()
    }
  }

  /// A first-in first-out lane that reuses its storage.
  private struct Queue {
    var frames: [Frame] = []
    var head = 0
    var isEmpty: Bool { head == frames.count }

    mutating func push(_ frame: Frame) { frames.append(frame) }

    mutating func pop() -> Frame {
      let frame = frames[head]
      head += 1
      if head == frames.count {
        frames.removeAll(keepingCapacity: true)
        head = 0
      } else if head >= 64, head * 2 >= frames.count {
        frames.removeFirst(head)
        head = 0
      }
      return frame
    }
  }

  private let state = Mutex(State())

  init() {}

  /// Queues a frame in its lane. Dropped after ``finish()``.
  func send(_ frame: Frame, lane: Lane) {
    let reader = state.withLock { state -> CheckedContinuation<Frame?, Never>? in
      guard !state.finished else { return nil }
      if let reader = state.reader {
        state.reader = nil
        return reader
      }
      state.lanes[lane.rawValue].push(frame)
      return nil
    }
    reader?.resume(returning: frame)
  }

  /// No more frames will be sent; the reader gets what is queued, then nil.
  func finish() {
    let reader = state.withLock { state -> CheckedContinuation<Frame?, Never>? in
      state.finished = true
      defer { state.reader = nil }
      return state.reader
    }
    reader?.resume(returning: nil)
  }

  /// The next frame by lane; nil once finished and empty, or when the reading task is
  /// cancelled.
  func next() async -> Frame? {
    if let ready = state.withLock({ $0.pop() }) { return ready }
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Frame?, Never>) in
        let immediate = state.withLock { state -> Frame?? in
          if let frame = state.pop() { return .some(frame) }
          if state.finished || Task.isCancelled { return .some(nil) }
          state.reader = continuation
          return nil
        }
        if let immediate { continuation.resume(returning: immediate) }
      }
    } onCancel: {
      let reader = state.withLock { state -> CheckedContinuation<Frame?, Never>? in
        defer { state.reader = nil }
        return state.reader
      }
      reader?.resume(returning: nil)
    }
  }
}

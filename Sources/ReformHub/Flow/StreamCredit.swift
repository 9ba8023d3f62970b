import Synchronization

/// A streaming job's flow-control window on the worker: how many items, and bytes of item
/// payload, it may have sent that the caller's stream has not yet accepted. The handler's
/// `write` waits in ``acquire(bytes:)`` while the window is full; the hub's `HubCredit`
/// frames ``release(items:bytes:)`` it as the caller reads. A slow caller thus slows the
/// handler; nothing piles up in between.
///
/// One item larger than the whole window may go when nothing is outstanding, so any item the
/// module may send gets through.
final class StreamCredit: Sendable {
  /// A window of `bytes` and `items`; either 0 (an older coordinator) means no window.
  init(bytes: Int64, items: Int32) {
    window = (bytes, Int64(items))
  }

  private let window: (bytes: Int64, items: Int64)

  private struct State {
    var bytes: Int64 = 0
    var items: Int64 = 0
    var waiter: CheckedContinuation<Void, any Error>?
    var closed = false
    /// The waiting task was cancelled: set by the cancellation handler, which may run before
    /// the waiter is stored, so the waiter checks it too and never parks after a cancel.
    var cancelled = false
  }

  private let state = Mutex(State())

  private var unlimited: Bool { window.bytes <= 0 || window.items <= 0 }

  /// Takes room for one item of `bytes`, waiting while the window is full.
  ///
  /// - Throws: `CancellationError` when the job is cancelled or the window closed meanwhile.
  func acquire(bytes: Int) async throws {
    let size = Int64(bytes)
    while true {
      try Task.checkCancellation()
      if take(size) { return }
      try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
          let ready = state.withLock { state -> Bool in
            if state.closed || state.cancelled || fits(size, state) { return true }
            state.waiter = continuation
            return false
          }
          if ready { continuation.resume() }
        }
      } onCancel: {
        state.withLock { $0.cancelled = true }
        wake()
      }
      if state.withLock({ $0.closed || $0.cancelled }) { throw CancellationError() }
    }
  }

  /// The caller accepted `items` items of `bytes` bytes in all: room for as much again.
  func release(items: Int32, bytes: Int64) {
    state.withLock { state in
      state.items = max(0, state.items - Int64(items))
      state.bytes = max(0, state.bytes - bytes)
    }
    wake()
  }

  /// The job ended or the hub went away: a waiting write gives up.
  func close() {
    state.withLock { $0.closed = true }
    wake()
  }

  private func take(_ size: Int64) -> Bool {
    state.withLock { state in
      guard fits(size, state) else { return false }
      state.items += 1
      state.bytes += size
      return true
    }
  }

  private func fits(_ size: Int64, _ state: State) -> Bool {
    unlimited || state.items == 0 || (state.items < window.items && state.bytes + size <= window.bytes)
  }

  private func wake() {
    let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume()
  }
}

import Synchronization

/// What the hub's one timer loop sleeps on: it wakes at the instant it was given, or earlier
/// when ``ring()`` says something came due sooner (a call queued with an earlier deadline).
/// A ring while nobody waits is kept, so the next ``wait(until:)`` returns at once and no
/// ring is lost between two waits.
final class Alarm: Sendable {
  private struct State {
    var waiter: CheckedContinuation<Void, Never>?
    var rung = false
  }

  private let state = Mutex(State())

  /// Returns at `instant` (never, when nil), at a ring, or when the task is cancelled.
  func wait(until instant: ContinuousClock.Instant?) async {
    await withTaskGroup(of: Void.self) { group in
      if let instant {
        group.addTask { try? await Task.sleep(until: instant, clock: .continuous) }
      }
      group.addTask { await self.rung() }
      await group.next()
      group.cancelAll()
    }
  }

  /// Wakes the waiter, or the next one.
  func ring() {
    let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
      guard let waiter = state.waiter else {
        state.rung = true
        return nil
      }
      state.waiter = nil
      return waiter
    }
    waiter?.resume()
  }

  private func rung() async {
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let now = state.withLock { state -> Bool in
          if state.rung {
            state.rung = false
            return true
          }
          state.waiter = continuation
          return false
        }
        if now { continuation.resume() }
      }
    } onCancel: {
      ring()
    }
  }
}

import Foundation

/// Wakes this process's Watch calls when events may have been written for their unit: rung
/// by the notices of `LISTEN`/`NOTIFY` (one per unit in each committed transaction that wrote
/// events), and for every unit at once each time the process listens again, since notices
/// sent while nobody listened are lost.
///
/// A Watch takes a ``mark()`` before it reads the store, then ``wait(unitCode:since:longest:)``:
/// a ring after the mark — even one before the wait began — ends the wait at once, so an event
/// committed between the read and the wait is never slept through.
final class EventBell: @unchecked Sendable {
  private let lock = NSLock()
  /// Advanced by every ring and every listen.
  private var count: UInt64 = 0
  /// The count at each unit's last ring.
  private var rung: [String: UInt64] = [:]
  /// The count when the process last listened again.
  private var listened: UInt64 = 0
  private var isListening = false
  private var waiters: [UInt64: (unitCode: String, continuation: CheckedContinuation<Void, Never>)] = [:]
  /// Waits cancelled before they were registered.
  private var cancelledEarly: Set<UInt64> = []
  private var nextWaiter: UInt64 = 0

  /// Where the bell stands now: a wait since this mark ends on any later ring.
  func mark() -> UInt64 { lock.withLock { count } }

  /// Events were committed for `unitCode`.
  func ring(_ unitCode: String) {
    let woken = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
      count += 1
      rung[unitCode] = count
      let ids = waiters.filter { $0.value.unitCode == unitCode }.map(\.key)
      return ids.compactMap { waiters.removeValue(forKey: $0)?.continuation }
    }
    for continuation in woken { continuation.resume() }
  }

  /// The process listens (again): whatever was sent meanwhile may have been missed by anyone.
  func listening() {
    let woken = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
      count += 1
      listened = count
      isListening = true
      defer { waiters.removeAll() }
      return waiters.values.map(\.continuation)
    }
    for continuation in woken { continuation.resume() }
  }

  /// Whether the process has listened at least once.
  var hasListened: Bool { lock.withLock { isListening } }

  /// Returns when `unitCode` is rung or the process listens again after `mark`, or when
  /// `longest` has passed, whichever is first.
  ///
  /// - Throws: `CancellationError` when the task is cancelled.
  func wait(unitCode: String, since mark: UInt64, longest: Duration) async throws {
    let id = lock.withLock { () -> UInt64 in
      nextWaiter += 1
      return nextWaiter
    }
    let timer = Task { [weak self] in
      try? await Task.sleep(for: longest)
      self?.end(id)
    }
    defer { timer.cancel() }
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let now = lock.withLock { () -> Bool in
          if cancelledEarly.remove(id) != nil || (rung[unitCode] ?? 0) > mark || listened > mark { return true }
          waiters[id] = (unitCode, continuation)
          return false
        }
        if now { continuation.resume() }
      }
    } onCancel: {
      end(id, cancelling: true)
    }
    lock.withLock { _ = cancelledEarly.remove(id) }
    try Task.checkCancellation()
  }

  /// Ends wait `id` if it is waiting; a cancelled wait not yet registered ends as it registers.
  private func end(_ id: UInt64, cancelling: Bool = false) {
    let continuation = lock.withLock { () -> CheckedContinuation<Void, Never>? in
      if let waiter = waiters.removeValue(forKey: id) { return waiter.continuation }
      if cancelling { cancelledEarly.insert(id) }
      return nil
    }
    continuation?.resume()
  }
}

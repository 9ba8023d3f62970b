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
  /// Units whose last ring is remembered; past this many (a notice's payload is whatever a
  /// committed transaction sent) they are forgotten together, and every wait ends once as on
  /// a new listen: memory stays bounded, and no ring is slept through.
  static let maxRemembered = 100_000

  private let lock = NSLock()
  /// Advanced by every ring and every listen.
  private var count: UInt64 = 0
  /// The count at each unit's last ring.
  private var rung: [String: UInt64] = [:]
  /// The count when the process last listened again (or forgot the rings); 0 before the first.
  private var listened: UInt64 = 0
  /// The waits of each unit, by id.
  private var waiters: [String: [UInt64: CheckedContinuation<Void, Never>]] = [:]
  /// Waits cancelled before they were registered.
  private var cancelledEarly: Set<UInt64> = []
  private var nextWaiter: UInt64 = 0

  /// Where the bell stands now: a wait since this mark ends on any later ring.
  func mark() -> UInt64 { lock.withLock { count } }

  /// Events were committed for `unitCode`.
  func ring(_ unitCode: String) {
    let woken = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
      count += 1
      guard rung.count < Self.maxRemembered || rung[unitCode] != nil else { return wakeAll() }
      rung[unitCode] = count
      return waiters.removeValue(forKey: unitCode).map { Array($0.values) } ?? []
    }
    for continuation in woken { continuation.resume() }
  }

  /// The process listens (again): whatever was sent meanwhile may have been missed by anyone.
  func listening() {
    let woken = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
      count += 1
      return wakeAll()
    }
    for continuation in woken { continuation.resume() }
  }

  /// Whether the process has listened at least once.
  var hasListened: Bool { lock.withLock { listened > 0 } }

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
      self?.end(id, of: unitCode)
    }
    defer { timer.cancel() }
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let now = lock.withLock { () -> Bool in
          if cancelledEarly.remove(id) != nil || (rung[unitCode] ?? 0) > mark || listened > mark { return true }
          waiters[unitCode, default: [:]][id] = continuation
          return false
        }
        if now { continuation.resume() }
      }
    } onCancel: {
      end(id, of: unitCode, cancelling: true)
    }
    lock.withLock { _ = cancelledEarly.remove(id) }
    try Task.checkCancellation()
  }

  /// Marks a listen at ``count``, forgets the rings, and returns every wait's continuation,
  /// removed; called with the lock held.
  private func wakeAll() -> [CheckedContinuation<Void, Never>] {
    listened = count
    rung.removeAll()
    defer { waiters.removeAll() }
    return waiters.values.flatMap(\.values)
  }

  /// Ends wait `id` of `unitCode` if it is waiting; a cancelled wait not yet registered ends
  /// as it registers.
  private func end(_ id: UInt64, of unitCode: String, cancelling: Bool = false) {
    let continuation = lock.withLock { () -> CheckedContinuation<Void, Never>? in
      if let continuation = waiters[unitCode]?.removeValue(forKey: id) {
        if waiters[unitCode]?.isEmpty == true { waiters.removeValue(forKey: unitCode) }
        return continuation
      }
      if cancelling { cancelledEarly.insert(id) }
      return nil
    }
    continuation?.resume()
  }
}

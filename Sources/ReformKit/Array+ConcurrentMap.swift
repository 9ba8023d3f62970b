import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
  /// `transform` of every element, in order — worked out in contiguous parts, one per core, at
  /// once. For pure work that costs per element and dominates a call, such as checking the
  /// rows of a bulk import; a short array is mapped in place.
  public func concurrentMap<Transformed: Sendable>(
    minimumPart: Int = 2_048, _ transform: @Sendable (Element) -> Transformed
  ) -> [Transformed] {
    let parts = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumPart))
    guard parts > 1 else { return map(transform) }
    let results = Mutex([[Transformed]](repeating: [], count: parts))
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let range = (count * part / parts)..<(count * (part + 1) / parts)
      let mapped = self[range].map(transform)
      results.withLock { $0[part] = mapped }
    }
    return results.withLock { $0.flatMap { $0 } }
  }
}

import Foundation
import ReformModule
import ReformWire
import Synchronization

extension TestBed {
  /// Runs Watch as the worker would, until `count` events have come, then cancels the job as
  /// a caller who goes away, and returns every event the stream wrote; rethrows what the
  /// handler threw. A stream that never gets `count` events is cancelled after 30 seconds, so a
  /// missing event fails the test instead of hanging it.
  func watch(_ request: ExchangeWatchRequest, as context: JobContext, until count: Int) async throws
    -> [ExchangeWatchEvent]
  {
    guard let handler = methods.handlers[ExchangeService.Watch.info.path] else { return [] }
    let payload = try request.wireBytes()
    let written = Mutex<[[UInt8]]>([])
    let (arrivals, continuation) = AsyncStream<Int>.makeStream()
    let job = Task {
      defer { continuation.finish() }
      let record: @Sendable ([UInt8]) -> Void = { bytes in
        let total = written.withLock { items in
          items.append(bytes)
          return items.count
        }
        continuation.yield(total)
      }
      _ = try await handler(payload, context, ItemSink(send: { record($0) }))
    }
    let guardTimer = Task {
      try await Task.sleep(for: .seconds(30))
      continuation.finish()
    }
    for await total in arrivals where total >= count { break }
    job.cancel()
    guardTimer.cancel()
    try await job.value
    return try written.withLock { $0 }.map { try ExchangeWatchEvent(wireBytes: $0) }
  }
}

extension ExchangeWatchEvent {
  /// The arrival number of an arrival event, nil for a notice.
  var arrivalNumber: Int64? {
    if case .arrival(let incoming)? = event { return incoming.delivery?.arrivalNumber }
    return nil
  }

  /// The code of a notice event, nil for an arrival.
  var noticeCode: ExchangeNoticeCode? {
    if case .notice(let notice)? = event { return notice.code }
    return nil
  }
}

/// Where a streaming job's encoded items go: the worker runtime sends them to the hub under the
/// job's flow-control window (`send` waits for room, `sendNow` does not); tests collect them.
package struct ItemSink: Sendable {
  package let send: @Sendable ([UInt8]) async throws -> Void
  package let sendNow: @Sendable ([UInt8]) -> Void

  package init(send: @escaping @Sendable ([UInt8]) async throws -> Void, sendNow: @escaping @Sendable ([UInt8]) -> Void) {
    self.send = send
    self.sendNow = sendNow
  }
}

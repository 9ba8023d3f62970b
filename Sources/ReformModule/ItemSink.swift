/// Where a streaming job's encoded items go: the worker runtime sends them to the hub under the
/// job's flow-control window (`send` waits for room); tests collect them.
package struct ItemSink: Sendable {
  package let send: @Sendable ([UInt8]) async throws -> Void

  package init(send: @escaping @Sendable ([UInt8]) async throws -> Void) {
    self.send = send
  }
}

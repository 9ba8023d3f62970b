import GRPCCore
import ReformWire
import Synchronization

/// A worker module: the handlers of one service, hosted by `reformd worker --module NAME`.
///
/// A module's domain logic lives in its own types, pure and testable without a network; its
/// handlers, registered here, only decode, call that logic and encode.
public protocol WorkerModule: Sendable {
  /// The module's name, as `--module` takes it, e.g. `diagnostics`.
  var name: String { get }

  /// Registers a handler for every method of the module's service.
  func register(into methods: inout ModuleMethods)

  /// Every call the module's handlers make to another module's methods, by the method that
  /// makes it; none by default. `ModuleCallGraphTests` joins every module's list and checks
  /// that no chain of calls comes back to a module it passed through.
  var calls: [ModuleCall] { get }
}

extension WorkerModule {
  public var calls: [ModuleCall] { [] }
}

/// The handlers of a module, by method path. Typed handlers are registered; the worker calls
/// them with the job's bytes, decoded and encoded by ReformWire.
public struct ModuleMethods: Sendable {
  package typealias Handler = @Sendable (
    _ payload: [UInt8], _ context: JobContext, _ items: ItemSink
  ) async throws -> [UInt8]

  package private(set) var handlers: [String: Handler] = [:]

  public init() {}

  /// The paths of every registered method.
  public var paths: [String] { handlers.keys.sorted() }

  /// A unary method: one request, one response.
  public mutating func unary<M: WireMethod>(
    _ method: M.Type, _ body: @escaping @Sendable (M.Input, JobContext) async throws -> M.Output
  ) {
    handlers[M.info.path] = { payload, context, _ in
      try await body(M.Input(wireBytes: payload), context).wireBytes()
    }
  }

  /// Runs a registered unary method in process, through the same encoding and decoding as
  /// a job from the hub: how a module's tests call its handlers without a network.
  ///
  /// - Throws: whatever the handler throws, or `RPCError(.unimplemented)` when the method is
  ///   not registered.
  public func invoke<M: WireMethod>(_ method: M.Type, _ input: M.Input, context: JobContext) async throws -> M.Output {
    guard let handler = handlers[M.info.path] else {
      throw RPCError(code: .unimplemented, message: "\(M.info.path) is not registered")
    }
    return try M.Output(wireBytes: await handler(try input.wireBytes(), context, ItemSink(send: { _ in })))
  }

  /// Runs a registered server-streaming method in process and returns every item it wrote.
  public func invokeStreaming<M: WireMethod>(_ method: M.Type, _ input: M.Input, context: JobContext) async throws -> [M.Output] {
    guard let handler = handlers[M.info.path] else {
      throw RPCError(code: .unimplemented, message: "\(M.info.path) is not registered")
    }
    let items = ItemCollector()
    _ = try await handler(try input.wireBytes(), context, ItemSink(send: { items.append($0) }))
    return try items.all.map { try M.Output(wireBytes: $0) }
  }

  /// A server-streaming method: one request, any number of items through the writer.
  public mutating func serverStreaming<M: WireMethod>(
    _ method: M.Type, _ body: @escaping @Sendable (M.Input, JobContext, JobStreamWriter<M.Output>) async throws -> Void
  ) {
    handlers[M.info.path] = { payload, context, items in
      try await body(M.Input(wireBytes: payload), context, JobStreamWriter(sink: items))
      return []
    }
  }
}

/// Sends the items of a server-streaming job back to the caller, in order.
///
/// `write` waits while the job's flow-control window is full, so a caller that reads slowly
/// slows the handler down instead of letting items pile up in the worker and the coordinator.
/// There is no way around the window: a producer that cannot suspend (an encoder's callback,
/// a database transaction) spools its items with ``ItemSpool`` and sends them afterwards.
public struct JobStreamWriter<Item: WireMessage>: Sendable {
  let sink: ItemSink

  /// Sends one item once the window has room for it.
  ///
  /// - Throws: `CancellationError` when the job is cancelled (its caller went away), or the
  ///   item's encoding error.
  public func write(_ item: Item) async throws {
    try Task.checkCancellation()
    try await sink.send(try item.wireBytes())
  }
}

/// The items a streaming handler wrote during ``ModuleMethods/invokeStreaming(_:_:context:)``.
private final class ItemCollector: Sendable {
  private let items = Mutex<[[UInt8]]>([])
  func append(_ item: [UInt8]) { items.withLock { $0.append(item) } }
  var all: [[UInt8]] { items.withLock { $0 } }
}

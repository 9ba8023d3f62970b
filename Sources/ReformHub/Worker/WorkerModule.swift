import ReformWire

/// A worker module: the handlers of one service, hosted by `reformd worker --module NAME`.
///
/// A module's domain logic lives in its own types, pure and testable without a network; its
/// handlers, registered here, only decode, call that logic and encode.
public protocol WorkerModule: Sendable {
  /// The module's name, as `--module` takes it, e.g. `diagnostics`.
  var name: String { get }

  /// Registers a handler for every method of the module's service.
  func register(into methods: inout ModuleMethods)
}

/// The handlers of a module, by method path. Typed handlers are registered; the worker calls
/// them with the job's bytes, decoded and encoded by ReformWire.
public struct ModuleMethods: Sendable {
  typealias Handler = @Sendable (
    _ payload: [UInt8], _ context: JobContext, _ emit: @escaping @Sendable ([UInt8]) -> Void
  ) async throws -> [UInt8]

  private(set) var handlers: [String: Handler] = [:]

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

  /// A server-streaming method: one request, any number of items through the writer.
  public mutating func serverStreaming<M: WireMethod>(
    _ method: M.Type, _ body: @escaping @Sendable (M.Input, JobContext, JobStreamWriter<M.Output>) async throws -> Void
  ) {
    handlers[M.info.path] = { payload, context, emit in
      try await body(M.Input(wireBytes: payload), context, JobStreamWriter(emit: emit))
      return []
    }
  }
}

/// Sends the items of a server-streaming job back to the caller, in order.
public struct JobStreamWriter<Item: WireMessage>: Sendable {
  let emit: @Sendable ([UInt8]) -> Void

  public func write(_ item: Item) throws {
    try Task.checkCancellation()
    emit(try item.wireBytes())
  }
}

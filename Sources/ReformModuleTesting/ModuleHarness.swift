import ReformModule
import ReformWire

/// A module's handlers called in process, through the same encoding and decoding as a job
/// from the hub (``ModuleMethods/invoke(_:_:context:)``): how a module's tests call it
/// without a network.
///
/// ```swift
/// let folder = try TemporaryFolder("inspection")
/// let harness = ModuleHarness(try InspectionModule(databasePath: folder.file("reform.sqlite")))
/// let answer = try await harness.call(InspectionService.Plan.self, request, as: TestCaller.inspector())
/// let refusal = await expectRPCError(.alreadyExists, field: "idempotency_key") {
///   try await harness.call(InspectionService.Plan.self, other, as: TestCaller.inspector())
/// }
/// ```
///
/// ## Topics
/// - ``init(_:)``, ``methods``
/// - ``call(_:_:as:)-(_,_,JobContext)``, ``call(_:_:as:)-(_,_,Principal)``
/// - ``stream(_:_:as:)-(_,_,JobContext)``, ``stream(_:_:as:)-(_,_,Principal)``
public struct ModuleHarness: Sendable {
  /// The module's name.
  public let name: String
  /// Its registered handlers.
  public let methods: ModuleMethods

  /// `module`'s handlers, registered as the worker registers them.
  public init(_ module: some WorkerModule) {
    var methods = ModuleMethods()
    module.register(into: &methods)
    self.name = module.name
    self.methods = methods
  }

  /// Calls a unary method in the job `context`.
  public func call<M: WireMethod>(_ method: M.Type, _ input: M.Input, as context: JobContext) async throws -> M.Output {
    try await methods.invoke(method, input, context: context)
  }

  /// Calls a unary method as `caller` (see ``JobContext/test(as:method:module:)``).
  public func call<M: WireMethod>(_ method: M.Type, _ input: M.Input, as caller: Principal) async throws -> M.Output {
    try await call(method, input, as: .test(as: caller, method: M.info.path, module: name))
  }

  /// Calls a server-streaming method in the job `context` and returns every item.
  public func stream<M: WireMethod>(_ method: M.Type, _ input: M.Input, as context: JobContext) async throws -> [M.Output] {
    try await methods.invokeStreaming(method, input, context: context)
  }

  /// Calls a server-streaming method as `caller` and returns every item.
  public func stream<M: WireMethod>(_ method: M.Type, _ input: M.Input, as caller: Principal) async throws -> [M.Output] {
    try await stream(method, input, as: .test(as: caller, method: M.info.path, module: name))
  }
}

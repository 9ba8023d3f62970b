import GRPCCore
import ReformModule
import ReformWire
import Synchronization

/// ``ModuleCalls`` to modules in the same process: each call goes to the handlers of the
/// module that registered the method, through the real encoding, as ``caller`` (by default
/// the modules' service principal), and a refusal comes back as the `RPCError` the coordinator
/// would relay. Calls and refusals are counted, so a test can say how many calls were made.
///
/// Modules that call each other are made first and added after, since each takes its calls at
/// construction:
///
/// ```swift
/// let calls = InProcessCalls()
/// let registry = try RegistryModule(databasePath: folder.file("registry.sqlite"), exchangeCounts: nil)
/// calls.add(registry)
/// let exchange = try ExchangeModule(databasePath: …, units: RegistryUnitDirectory(calls: calls))
/// ```
public final class InProcessCalls: ModuleCalls {
  /// Who the calls are made as.
  public let caller: Principal
  private let state = Mutex(State())

  private struct State {
    var modules: [ModuleHarness] = []
    var calls: [String] = []
  }

  public init(as caller: Principal = TestCaller.service) {
    self.caller = caller
  }

  /// Routes the methods of `module` to it.
  public func add(_ module: some WorkerModule) {
    let harness = ModuleHarness(module)
    state.withLock { $0.modules.append(harness) }
  }

  /// The paths of the methods called so far, in order.
  public var called: [String] { state.withLock { $0.calls } }

  public func call<M: WireMethod>(_ method: M.Type, _ request: M.Input, timeout: Duration?) async throws -> M.Output {
    let harness = state.withLock { state -> ModuleHarness? in
      state.calls.append(M.info.path)
      return state.modules.first { $0.methods.paths.contains(M.info.path) }
    }
    guard let harness else {
      throw RPCError(code: .unavailable, message: "no module in this process serves \(M.info.path)")
    }
    do {
      return try await harness.call(method, request, as: .test(as: caller, ownUnitLimit: nil, method: M.info.path, module: harness.name))
    } catch let error as RPCError {
      throw error
    } catch let error as any RPCErrorConvertible {
      throw RPCError(error)
    }
  }
}

import ReformWire

/// How a module calls another module's service: through the coordinator, as every other
/// caller does, so the same path serves modules on one machine or many.
///
/// The worker runtime provides it (``CoordinatorCalls`` in ReformHub), authenticated as the
/// modules' own principal (`DATA/service.token`, a bloc-wide viewer); tests provide their own.
/// A module uses it only for reads another module owns, e.g. the registry's units or the
/// exchange's document counts.
public protocol ModuleCalls: Sendable {
  /// Calls a unary method and returns its response.
  ///
  /// - Throws: the callee's status as an error (an `RPCError`-convertible error), or
  ///   `UNAVAILABLE` when the coordinator cannot be reached.
  func call<M: WireMethod>(_ method: M.Type, _ request: M.Input, timeout: Duration?) async throws -> M.Output
}

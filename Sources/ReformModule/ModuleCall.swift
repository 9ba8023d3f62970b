import ReformWire

/// One call a module's handler makes to another module through the coordinator: while serving
/// ``caller`` it waits on ``callee``. Modules declare these in ``WorkerModule/calls``.
///
/// The declarations form the module-call graph. A chain of calls that comes back to a module
/// it passed through can wait on itself: with every worker slot of that module taken by the
/// outer calls, the inner one queues until the outer ones time out. So no chain may.
public struct ModuleCall: Sendable, Hashable, CustomStringConvertible {
  /// The path of the method being served, e.g. `/reform.v1.Registry/ComputeIndicators`.
  public var caller: String
  /// The path of the method it calls, e.g. `/reform.v1.Exchange/CountDocuments`.
  public var callee: String

  public init(caller: String, callee: String) {
    self.caller = caller
    self.callee = callee
  }

  /// `Caller`, while served, calls `Callee`.
  public init<Caller: WireMethod, Callee: WireMethod>(_ caller: Caller.Type, calls callee: Callee.Type) {
    self.init(caller: Caller.info.path, callee: Callee.info.path)
  }

  /// Any method of `Caller`'s service, while served, may call `Callee`: for a module whose
  /// handlers reach another module through a helper most of them share (a unit hierarchy, a
  /// risk source), where naming each method would be a list to keep in step by hand.
  public init<Caller: WireMethod, Callee: WireMethod>(anyMethodLike caller: Caller.Type, calls callee: Callee.Type) {
    self.init(caller: "/\(Self.service(of: Caller.info.path))/*", callee: Callee.info.path)
  }

  /// Whether the call is made while serving `path`.
  public func isMade(by path: String) -> Bool {
    caller == path || (caller.hasSuffix("/*") && Self.service(of: caller) == Self.service(of: path))
  }

  /// The service a method path names, e.g. `reform.v1.Exchange` for
  /// `/reform.v1.Exchange/CountDocuments`.
  public static func service(of path: String) -> String {
    String(path.split(separator: "/").first ?? "")
  }

  public var description: String { "\(caller) → \(callee)" }
}

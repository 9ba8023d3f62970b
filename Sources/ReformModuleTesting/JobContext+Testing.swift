import ReformModule
import ReformWire

extension JobContext {
  /// The worker a module test's jobs run on.
  public static func testWorker(module: String = "test") -> WorkerIdentity {
    WorkerIdentity(id: "w1", module: module, pid: 1, host: "test", version: "test")
  }

  /// A job of `method` run for `caller`, limited to the caller's own unit when they hold the
  /// clerk role alone, as the coordinator limits a `clerkOwnUnit` grant.
  public static func test(as caller: Principal?, method: String = "", module: String = "test") -> JobContext {
    let own = caller.flatMap { $0.roles == [.clerk] ? $0.unitCode : nil }
    return test(as: caller, ownUnitLimit: own, method: method, module: module)
  }

  /// A job of `method` run for `caller`, limited to `ownUnitLimit` (nil: any unit).
  public static func test(
    as caller: Principal?, ownUnitLimit: String?, method: String = "", module: String = "test"
  ) -> JobContext {
    JobContext(jobID: 1, method: method, caller: caller, ownUnitLimit: ownUnitLimit, worker: testWorker(module: module))
  }
}

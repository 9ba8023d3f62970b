import Foundation
import ReformModule
import ReformWire

/// A worker module driven in process by a benchmark as the hub's jobs would drive it: opened on
/// a fresh SQLite file in a folder of its own, its handlers reached through
/// `ModuleMethods.invoke`, which encodes and decodes every message.
struct InProcessModule {
  /// The module's name, e.g. `registry`.
  let name: String
  /// `reform-bench-NAME-PID` in the temporary folder; ``remove()`` deletes it.
  let folder: URL
  let methods: ModuleMethods

  /// Opens the module `name` with `open`, given the path of its SQLite file.
  init(_ name: String, open: (_ databasePath: String) throws -> some WorkerModule) throws {
    self.name = name
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("reform-bench-\(name)-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var methods = ModuleMethods()
    do {
      try open(folder.appendingPathComponent("\(name).sqlite").path).register(into: &methods)
    } catch {
      try? FileManager.default.removeItem(at: folder)
      throw error
    }
    self.methods = methods
  }

  /// The context of a job of `method` made by `caller`, on a worker of this module.
  func job(_ method: WireMethodInfo, caller: Principal) -> JobContext {
    JobContext(
      jobID: 1, method: method.path, caller: caller,
      worker: WorkerIdentity(id: "bench", module: name, pid: getpid(), host: "localhost", version: "bench"))
  }

  /// Deletes the folder and the module's file in it.
  func remove() {
    try? FileManager.default.removeItem(at: folder)
  }
}

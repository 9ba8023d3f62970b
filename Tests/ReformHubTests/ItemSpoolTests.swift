import Foundation
import ReformModule
import ReformWire
import Testing

/// A producer that cannot suspend spools its items and sends them under the stream's window
/// afterwards: every item arrives, in order, and the spool leaves no file behind.
@Suite("Item spool")
struct ItemSpoolTests {
  private func spooledFiles() throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("reform-spool-") })
  }

  @Test func everySpooledItemIsSentInOrderAndTheFileIsRemoved() async throws {
    let before = try spooledFiles()
    var methods = ModuleMethods()
    methods.serverStreaming(DiagnosticsService.StreamItems.self) { request, _, writer in
      let spool = try ItemSpool<DiagnosticsStreamItem>()
      for index in 0..<request.itemCount {
        try spool.append(DiagnosticsStreamItem(index: index, payload: Array(repeating: UInt8(index % 251), count: Int(index) % 700)))
      }
      try await spool.send(to: writer)
    }
    let context = JobContext(
      jobID: 1, method: DiagnosticsService.StreamItems.info.path, caller: nil,
      worker: WorkerIdentity(id: "w", module: "diagnostics", pid: 1, host: "h", version: "v"))
    let items = try await methods.invokeStreaming(
      DiagnosticsService.StreamItems.self, DiagnosticsStreamItemsRequest(itemCount: 1_000), context: context)
    #expect(items.map(\.index) == Array(0..<1_000))
    #expect(items.allSatisfy { $0.payload == Array(repeating: UInt8($0.index % 251), count: Int($0.index) % 700) })
    #expect(try spooledFiles() == before)
  }
}

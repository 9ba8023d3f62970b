import Foundation
import Testing

/// A short fault soak in CI: `reform-bench soak` starts `reformd up --demo`, drives the mixed
/// load for 30 s while killing three processes, and checks every invariant against what the
/// load was told. The ten-minute soak (`./Deploy/soak`) is the same program run longer; here
/// the memory bound is loose, since 5 s of warm-up leaves caches still filling.
@Suite(.serialized, .timeLimit(.minutes(6)))
struct SoakTests {
  @Test func aShortSoakWithThreeFaultsHoldsEveryInvariant() throws {
    let bench = URL(fileURLWithPath: Cluster.reformd).deletingLastPathComponent().appendingPathComponent("reform-bench").path
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reform-soak-test-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try ChildProcess.run(
      bench,
      [
        "soak", "--minutes", "0.5", "--faults", "3", "--warmup", "5", "--rate", "20", "--concurrency", "8",
        "--data", folder, "--port", "\(try freeLoopbackPort())", "--memory-growth", "200",
      ])
    let text = run.output

    #expect(run.status == 0, "\(text)")
    #expect(text.contains("faults injected: 3"), "\(text)")
    let invariants = text.split(separator: "\n").filter { $0.hasPrefix("  held") || $0.hasPrefix("  BROKEN") }
    #expect(invariants.count == 10, "\(text)")
    #expect(invariants.allSatisfy { $0.hasPrefix("  held") }, "\(text)")
  }
}

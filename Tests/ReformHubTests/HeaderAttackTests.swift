import Foundation
import Testing

/// Hostile HTTP/2 headers into a whole system (`reformd up --demo`), from a raw HTTP/2 client:
/// `Tests/Interop/bad_headers.py` sends every header the server reads — authorization,
/// grpc-timeout, content-type, te, grpc-encoding, grpc-accept-encoding, user-agent, the
/// pseudo-headers — at legal extremes and malformed, and blocks of very many or very large
/// headers. Every answer must be a gRPC status other than UNKNOWN or INTERNAL, or a clean
/// HTTP/2 refusal of what is not gRPC at all; afterwards every process is the one that was
/// serving before and an ordinary call succeeds.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct HeaderAttackTests {
  @Test func everyHeaderTheServerReadsAnswersWithAStatusAndNoProcessDies() async throws {
    let system = try await DemoSystem.start(name: "headers")
    defer { system.stop() }
    let before = try await system.processes()
    #expect(before.workers.count == 5, "\(before)")

    let (status, report) = try DemoSystem.runPython(
      "bad_headers.py", arguments: [system.address], environment: ["REFORM_TOKEN": system.adminToken])
    print(report)
    #expect(status == 0, "bad_headers.py found unacceptable answers:\n\(report)")

    #expect(system.process.isRunning, "reformd up stopped:\n\(system.upLog)")
    let after = try await system.processes()
    #expect(after == before, "a process was restarted: \(before) → \(after)\n\(system.upLog)")
    for pid in [before.coordinator] + Array(before.workers.values) {
      #expect(kill(pid, 0) == 0, "process \(pid) is gone")
    }
  }
}

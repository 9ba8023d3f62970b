import Foundation
import GRPCCore
import Testing

@testable import ReformHub

/// The `grpc-timeout` header as the coordinator reads it: legal values as gRPC defines them,
/// everything else ignored, every deadline clamped to the operator's maximum.
@Suite struct GRPCTimeoutTests {
  static let day = Duration.seconds(86_400)

  @Test(arguments: [
    ("0n", Duration.zero), ("1n", .nanoseconds(1)), ("100m", .milliseconds(100)), ("5S", .seconds(5)),
    ("00000000S", .zero), ("2M", .seconds(120)), ("7u", .microseconds(7)),
    ("99999999H", .seconds(99_999_999 * 3600)), ("3000000H", .seconds(3_000_000 * 3600)),
  ])
  func aLegalValueIsItsDuration(value: String, expected: Duration) {
    #expect(GRPCTimeout.parse(value) == expected)
  }

  @Test(arguments: [
    "", "H", "9999999999999999H", "123456789S", "-1S", "+1S", "1X", "1h", " 1S", "1S ", "1 S", "1.5S", "١S", "0x1S",
  ])
  func aValueGRPCDoesNotAllowIsIgnored(value: String) {
    #expect(GRPCTimeout.parse(value) == nil)
  }

  @Test func aDeadlineIsClampedToTheMaximum() {
    #expect(GRPCTimeout.deadline(of: ["grpc-timeout": "3000000H"], maximum: Self.day) == Self.day)
    #expect(GRPCTimeout.deadline(of: ["grpc-timeout": "99999999H"], maximum: .seconds(30)) == .seconds(30))
    #expect(GRPCTimeout.deadline(of: ["grpc-timeout": "250m"], maximum: Self.day) == .milliseconds(250))
  }

  @Test func aCallWithoutAUsableDeadlineGetsTheMaximum() {
    #expect(GRPCTimeout.deadline(of: [:], maximum: Self.day) == Self.day)
    #expect(GRPCTimeout.deadline(of: ["grpc-timeout": "9999999999999999H"], maximum: .seconds(7)) == .seconds(7))
    #expect(GRPCTimeout.deadline(of: ["grpc-timeout": "-1S"], maximum: .seconds(7)) == .seconds(7))
  }

  @Test func theFirstHeaderCounts() {
    var metadata = Metadata()
    metadata.addString("2S", forKey: "grpc-timeout")
    metadata.addString("1n", forKey: "grpc-timeout")
    #expect(GRPCTimeout.deadline(of: metadata, maximum: Self.day) == .seconds(2))
  }

  /// A worker is sent a deadline as a wall-clock instant; none may trap it, however far or
  /// strange. 3,000,000 hours made `remaining * 1e9` overflow `Int64`.
  /// Seconds from now (a `Date` this far out cannot even describe itself).
  @Test(arguments: [3_000_000 * 3600, 9.2e18, Double.greatestFiniteMagnitude, .infinity])
  func aFarDeadlineLetsTheJobFinish(secondsFromNow: Double) async throws {
    let value = try await withDeadline(Date(timeIntervalSinceNow: secondsFromNow)) { 42 }
    #expect(value == 42)
  }

  @Test(arguments: [-1, -9.2e18, -.infinity, .nan])
  func aPastOrMeaninglessDeadlineHasPassed(secondsFromNow: Double) async {
    await #expect(throws: DeadlinePassed.self) {
      try await withDeadline(Date(timeIntervalSinceNow: secondsFromNow)) {
        try await Task.sleep(for: .seconds(5))
        return 1
      }
    }
  }
}

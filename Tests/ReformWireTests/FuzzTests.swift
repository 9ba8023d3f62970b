import Foundation
import ReformWire
import ReformWireTesting
import Testing

/// Random and mutated bytes into every deserializer: each gives a value that round-trips, or a
/// `WireError`. The full run (100,000 inputs per type, in release, under a sanitizer) is
/// `reform-fuzz`; this test runs fewer per type so the suite stays quick in a debug build.
@Suite struct FuzzTests {
  static let perType = Int(ProcessInfo.processInfo.environment["REFORM_FUZZ_COUNT"] ?? "") ?? 2_000

  @Test func everyDeserializerSurvivesRandomAndMutatedBytes() {
    var inputs = 0
    for type in WireCatalogue.messageTypes {
      let report = fuzz(type)
      inputs += report.inputs
      #expect(report.inconsistent.isEmpty, "\(type.protoName): \(report.inconsistent.count) inconsistent")
      #expect(report.decoded + report.rejected == Self.perType)
    }
    #expect(inputs == Self.perType * WireCatalogue.messageTypes.count)
  }

  private func fuzz<M: WireMessage>(_ type: M.Type) -> WireFuzzer.Report {
    var fuzzer = WireFuzzer(type, seed: 7)
    return fuzzer.run(type, count: Self.perType)
  }
}

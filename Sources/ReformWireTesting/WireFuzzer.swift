import ReformKit
import ReformWire

/// Feeds random and mutated byte strings to a message type's decoder and checks what comes
/// back: either a value that re-encodes and decodes to itself, or a ``WireError``. A crash or
/// a leak is the failure it hunts; an inconsistent value is reported.
public struct WireFuzzer {
  /// What one run saw.
  public struct Report: Sendable {
    public var inputs = 0
    public var decoded = 0
    public var rejected = 0
    /// Inputs that decoded to a value that did not survive a second round trip.
    public var inconsistent: [[UInt8]] = []

    public init() {}
  }

  private var random: SplitMix64
  private let seeds: [[UInt8]]

  /// - Parameters:
  ///   - type: the message type whose decoder is fuzzed; its samples seed the mutations.
  ///   - seed: the random seed, so a run can be repeated exactly.
  public init<M: WireMessage>(_ type: M.Type, seed: UInt64) {
    // Each type gets its own stream: the seed mixed with a stable hash (FNV-1a) of its name.
    let nameHash = M.protoName.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    random = SplitMix64(seed: seed ^ nameHash)
    let small = SampleEncoder.Variant(
      text: SampleEncoder.Variant.vietnameseNFC, oneofChoice: 1, repeatCount: 2, full: true, unknownEnums: true)
    seeds = [SampleEncoder.Variant.nfc, .nfd, .zeroOneofs, small].map { SampleEncoder(variant: $0).encode(M.cDescriptor) }
  }

  public mutating func run<M: WireMessage>(_ type: M.Type, count: Int) -> Report {
    var report = Report()
    for _ in 0..<count {
      let input = nextInput()
      report.inputs += 1
      do {
        let value = try M(wireBytes: input)
        report.decoded += 1
        let again = try M(wireBytes: value.wireBytes())
        if again != value { report.inconsistent.append(input) }
      } catch {
        report.rejected += 1
      }
    }
    return report
  }

  /// A random byte string a third of the time; otherwise a sample with one to four mutations.
  private mutating func nextInput() -> [UInt8] {
    if random.index(3) == 0 {
      return (0..<random.index(96)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }
    var bytes = seeds[random.index(seeds.count)]
    for _ in 0...random.index(4) { mutate(&bytes) }
    return bytes
  }

  private mutating func mutate(_ bytes: inout [UInt8]) {
    let position = bytes.isEmpty ? 0 : random.index(bytes.count)
    switch random.index(7) {
    case 0 where !bytes.isEmpty:  // flip a bit
      bytes[position] ^= UInt8(1 << random.index(8))
    case 1 where !bytes.isEmpty:  // replace a byte with a boundary value
      bytes[position] = [0x00, 0x7f, 0x80, 0xff, 0xc3, 0x0a, 0x12][random.index(7)]
    case 2:  // truncate
      bytes.removeLast(bytes.isEmpty ? 0 : random.index(bytes.count) + 1)
    case 3:  // insert random bytes
      bytes.insert(contentsOf: (0..<random.index(8) + 1).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
    case 4 where !bytes.isEmpty:  // duplicate a slice
      let end = min(bytes.count, position + random.index(16) + 1)
      bytes.insert(contentsOf: bytes[position..<end], at: position)
    case 5:  // an over-long or absurd length/varint
      bytes.insert(contentsOf: [0xff, 0xff, 0xff, 0xff, 0x0f], at: position)
    default:  // delete a slice
      if !bytes.isEmpty {
        let end = min(bytes.count, position + random.index(8) + 1)
        bytes.removeSubrange(position..<end)
      }
    }
  }
}

import CProtobufC
@_spi(Measuring) import ReformWire
import ReformWireTesting

/// Encode and decode throughput of the wire layer, beside libprotobuf-c alone.
enum WireBenchmark {
  static func run(seconds: Double) throws {
    let window = Duration.milliseconds(Int(seconds * 1000))
    print("reform-bench wire: \(seconds) s per figure; messages/s counts member records (a page of 1,000 is 1,000)")
    try bench("member record (reform.v1.Person)", MemberSamples.member(7), messagesPerRun: 1, window: window)
    try bench("page of 1,000 members (reform.v1.ListPeopleResponse)", MemberSamples.page(1_000), messagesPerRun: 1_000, window: window)
    // An empty sub-message is its tag and a zero length: the page then holds zero bytes, and
    // the U+0000 scan walks every field of every member.
    var walked = MemberSamples.page(1_000)
    for index in walked.people.indices { walked.people[index].departed = CalendarDate() }
    try bench("page of 1,000, each with an empty departed date", walked, messagesPerRun: 1_000, window: window)
  }

  /// Runs `body` repeatedly for about `window`, after a warm-up; returns runs per second.
  static func measure(for window: Duration, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    for _ in 0..<3 { try body() }
    var runs = 0
    let start = clock.now
    var elapsed = Duration.zero
    while elapsed < window {
      for _ in 0..<8 { try body() }
      runs += 8
      elapsed = clock.now - start
    }
    let (s, attoseconds) = elapsed.components
    return Double(runs) / (Double(s) + Double(attoseconds) / 1e18)
  }

  static func row(_ name: String, _ runsPerSecond: Double, messagesPerRun: Int, bytes: Int) {
    let messages = runsPerSecond * Double(messagesPerRun)
    let megabytes = runsPerSecond * Double(bytes) / 1_000_000
    let name = name.padding(toLength: 62, withPad: " ", startingAt: 0)
    print("\(name) \(format(messages).leftPad(12)) msg/s \(format(megabytes).leftPad(9)) MB/s")
  }

  static func format(_ value: Double) -> String {
    value >= 100 ? String(Int(value.rounded())) : String(Double(Int(value * 10)) / 10)
  }

  static func bench<M: WireMessage>(_ label: String, _ value: M, messagesPerRun: Int, window: Duration) throws {
    let bytes = try value.wireBytes()
    print("\n\(label): \(bytes.count) bytes encoded")
    row("  encode  ReformWire (Swift → C → bytes)", try measure(for: window) { _ = try value.wireBytes() }, messagesPerRun: messagesPerRun, bytes: bytes.count)
    row("  decode  ReformWire (bytes → C → Swift)", try measure(for: window) { _ = try M(wireBytes: bytes) }, messagesPerRun: messagesPerRun, bytes: bytes.count)
    // The part of that decode which looks for U+0000 in string fields: a pass over the bytes
    // for a zero byte, and a walk of the encoding only when one is there.
    let walked = bytes.contains(0) ? "holds zero bytes: walked" : "no zero byte: not walked"
    row("  decode  of which the U+0000 scan (\(walked))", measure(for: window) { _ = M.firstNulInText(bytes) }, messagesPerRun: messagesPerRun, bytes: bytes.count)

    // Baseline: libprotobuf-c by itself, on a C struct it unpacked once.
    let unpacked = bytes.withUnsafeBufferPointer { protobuf_c_message_unpack(M.cDescriptor, nil, $0.count, $0.baseAddress)! }
    defer { protobuf_c_message_free_unpacked(unpacked, nil) }
    var out = [UInt8](repeating: 0, count: bytes.count)
    row("  encode  libprotobuf-c alone (pack)", measure(for: window) { _ = protobuf_c_message_pack(unpacked, &out) }, messagesPerRun: messagesPerRun, bytes: bytes.count)
    row("  decode  libprotobuf-c alone (unpack, free)", measure(for: window) {
      bytes.withUnsafeBufferPointer { protobuf_c_message_free_unpacked(protobuf_c_message_unpack(M.cDescriptor, nil, $0.count, $0.baseAddress), nil) }
    }, messagesPerRun: messagesPerRun, bytes: bytes.count)
  }
}

extension String {
  func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

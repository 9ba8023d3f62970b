// wire-vs-swift-protobuf [--seconds S]
//
// Encode and decode of the same messages by ReformWire (libprotobuf-c under Swift values) and
// by swift-protobuf (protoc-gen-swift's code of the same .proto files), in one run. The
// messages are the wire benchmark's: MemberSamples.member(7) and a ListPeopleResponse page of
// 1,000 such records. swift-protobuf's value is ReformWire's encoding decoded once, so both
// sides hold the same message; before any figure, each side decodes both encodings and the
// results are compared.
import Foundation
import ReformWire
import ReformWireTesting
import SwiftProtobuf
import SwiftProtobufMessages

let arguments = Array(CommandLine.arguments.dropFirst())
let seconds = arguments.firstIndex(of: "--seconds").flatMap { $0 + 1 < arguments.count ? Double(arguments[$0 + 1]) : nil } ?? 3

struct Mismatch: Error, CustomStringConvertible { let description: String }

/// Runs per second of `body`: a warm-up of a tenth of the window (at least three runs), then
/// runs in batches of eight until `seconds` have passed.
func runsPerSecond(_ body: () throws -> Void) rethrows -> Double {
  let clock = ContinuousClock()
  let warmUp = clock.now + .milliseconds(Int(seconds * 100))
  var warmed = 0
  while warmed < 3 || clock.now < warmUp {
    try body()
    warmed += 1
  }
  let start = clock.now
  let deadline = start + .milliseconds(Int(seconds * 1000))
  var runs = 0
  repeat {
    for _ in 0..<8 { try body() }
    runs += 8
  } while clock.now < deadline
  let elapsed = (clock.now - start).components
  return Double(runs) / (Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
}

/// `value` rounded (one decimal below 100), right-aligned in `width` characters.
func number(_ value: Double, _ width: Int) -> String {
  let text = value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
  return String(repeating: " ", count: max(0, width - text.count)) + text
}

/// One message on both sides: the sanity check, then encode and decode on each.
func compare<R: WireMessage, S: SwiftProtobuf.Message & Equatable>(
  _ label: String, _ reform: R, as _: S.Type, messagesPerRun: Int,
  summary: (R) -> String, swiftSummary: (S) -> String
) throws {
  let reformBytes = try reform.wireBytes()
  let swiftValue = try S(serializedBytes: reformBytes)
  let swiftBytes: [UInt8] = try swiftValue.serializedBytes()

  print("\n\(label)")
  print("  encoded: ReformWire \(reformBytes.count) bytes, swift-protobuf \(swiftBytes.count) bytes, "
    + (reformBytes == swiftBytes ? "byte for byte the same" : "different bytes"))
  let reads = [
    ("ReformWire     reads ReformWire's bytes", summary(try R(wireBytes: reformBytes))),
    ("ReformWire     reads swift-protobuf's  ", summary(try R(wireBytes: swiftBytes))),
    ("swift-protobuf reads ReformWire's bytes", swiftSummary(try S(serializedBytes: reformBytes))),
    ("swift-protobuf reads swift-protobuf's  ", swiftSummary(try S(serializedBytes: swiftBytes))),
  ]
  for (who, what) in reads { print("  \(who): \(what)") }
  guard Set(reads.map(\.1)).count == 1, try R(wireBytes: swiftBytes) == reform, try S(serializedBytes: reformBytes) == swiftValue
  else { throw Mismatch(description: "\(label): the two sides do not read the same message") }
  print("  check: all four reads agree, and each side's value equals the original")

  func rates(_ run: Double, bytes: Int) -> (messages: Double, megabytes: Double) {
    (run * Double(messagesPerRun), run * Double(bytes) / 1_000_000)
  }
  print("  operation | ReformWire msg/s   MB/s | swift-protobuf msg/s   MB/s | ReformWire ÷ swift-protobuf")
  let encodes = (
    rates(try runsPerSecond { _ = try reform.wireBytes() }, bytes: reformBytes.count),
    rates(try runsPerSecond { let _: [UInt8] = try swiftValue.serializedBytes() }, bytes: swiftBytes.count))
  let decodes = (
    rates(try runsPerSecond { _ = try R(wireBytes: reformBytes) }, bytes: reformBytes.count),
    rates(try runsPerSecond { _ = try S(serializedBytes: swiftBytes) }, bytes: swiftBytes.count))
  for (operation, (ours, theirs)) in [("encode", encodes), ("decode", decodes)] {
    print("  \(operation)    | \(number(ours.messages, 16)) \(number(ours.megabytes, 6)) |"
      + " \(number(theirs.messages, 20)) \(number(theirs.megabytes, 6)) |"
      + " \(String(format: "%.2f", ours.messages / theirs.messages))")
  }
}

func describe(id: String, name: String, studies: Int) -> String { "\(id) \(name), \(studies) studies" }

print("wire-vs-swift-protobuf: \(seconds) s per figure after a warm-up; msg/s counts member records (a page of 1,000 is 1,000)")
try compare(
  "member record (reform.v1.Person, MemberSamples.member(7))", MemberSamples.member(7), as: Reform_V1_Person.self,
  messagesPerRun: 1,
  summary: { describe(id: $0.id, name: $0.fullName, studies: $0.studies.count) },
  swiftSummary: { describe(id: $0.id, name: $0.fullName, studies: $0.studies.count) })
try compare(
  "page of 1,000 members (reform.v1.ListPeopleResponse, MemberSamples.page(1_000))", MemberSamples.page(1_000),
  as: Reform_V1_ListPeopleResponse.self, messagesPerRun: 1_000,
  summary: {
    "\($0.people.count) members, last " + describe(id: $0.people.last?.id ?? "", name: $0.people.last?.fullName ?? "",
      studies: $0.people.reduce(0) { $0 + $1.studies.count }) + " in all, total \($0.page?.totalCount ?? 0)"
  },
  swiftSummary: {
    "\($0.people.count) members, last " + describe(id: $0.people.last?.id ?? "", name: $0.people.last?.fullName ?? "",
      studies: $0.people.reduce(0) { $0 + $1.studies.count }) + " in all, total \($0.page.totalCount)"
  })

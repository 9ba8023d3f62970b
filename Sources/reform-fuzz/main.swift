// reform-fuzz: random and mutated byte strings into every message deserializer.

//
//   reform-fuzz [--count N] [--seed S] [--only NAME]
//
// Each message type's decoder gets N inputs (default 100,000). Every input must give either a
// value that re-encodes and decodes to itself, or a WireError; a crash ends the run. Run it
// under valgrind or a sanitizer to check that nothing leaks (see BENCHMARKS.md).
#if canImport(Glibc)
import Glibc
#endif
import ReformWire
import ReformWireTesting

var count = 100_000
var seed: UInt64 = 2020
var only: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--count": count = Int(arguments.next() ?? "") ?? count
  case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
  case "--only": only = arguments.next()
  default:
    print("usage: reform-fuzz [--count N] [--seed S] [--only NAME]")
    exit(64)
  }
}

func fuzz<M: WireMessage>(_ type: M.Type, count: Int, seed: UInt64) -> WireFuzzer.Report {
  var fuzzer = WireFuzzer(type, seed: seed)
  return fuzzer.run(type, count: count)
}

var total = WireFuzzer.Report()
var types = 0
for type in WireCatalogue.messageTypes where only == nil || type.protoName == only {
  let report = fuzz(type, count: count, seed: seed)
  types += 1
  total.inputs += report.inputs
  total.decoded += report.decoded
  total.rejected += report.rejected
  total.inconsistent += report.inconsistent
  for input in report.inconsistent.prefix(3) {
    print("INCONSISTENT \(type.protoName): \(input.map { String($0, radix: 16) }.joined(separator: " "))")
  }
}
print("fuzzed \(types) message types, \(count) inputs each: \(total.inputs) inputs, \(total.decoded) decoded, \(total.rejected) rejected with WireError, \(total.inconsistent.count) inconsistent")
exit(total.inconsistent.isEmpty ? 0 : 1)

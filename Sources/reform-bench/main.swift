// reform-bench: measurements that print figures (BENCHMARKS.md says how each was taken).
//
//   reform-bench wire [--seconds S]   encode/decode of member records, beside libprotobuf-c alone
//   reform-bench hub  [--seconds S]   echo through the coordinator, beside a plain grpc-swift-2 server
//
// Build in release: swift build -c release --product reform-bench --product reformd
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let seconds = arguments.firstIndex(of: "--seconds")
  .flatMap { $0 + 1 < arguments.count ? Double(arguments[$0 + 1]) : nil } ?? 2.0

switch arguments.first {
case "wire", nil:
  try WireBenchmark.run(seconds: seconds)
case "hub":
  try await HubBenchmark.run(seconds: seconds)
case "serve-echo":
  try await PlainEchoServer.serve(port: Int(arguments.dropFirst().first ?? "") ?? 0)
default:
  print("usage: reform-bench [wire|hub] [--seconds S]")
  exit(64)
}

// reform-bench: measurements that print figures (BENCHMARKS.md says how each was taken).
//
//   reform-bench wire [--seconds S]   encode/decode of member records, beside libprotobuf-c alone
//   reform-bench registry             import of 100,000 people and a report over 1,000 units in process
//   reform-bench registry-scale [options]  10,000 units and 1,000,000 people on SQLite, then PostgreSQL
//   reform-bench hub  [--seconds S] [--python P]  echo through the coordinator, beside a plain
//                                     grpc-swift-2 server and a Python grpcio one (P: python3)
//   reform-bench classification       rating 100,000 people: the engine alone, then submit + final run through the coordinator
//   reform-bench inspection           Inspection.Plan in process on SQLite: 60 units/6 teams, 1,000/40
//   reform-bench planner-quality [options]  the planner's programmes beside an LP bound and CP-SAT (PlannerQualityBenchmark.swift)
//   reform-bench exchange-stores      Exchange.Send per second in process: SQLite, then 1, 2, 4 instances on PostgreSQL
//   reform-bench load [options]       the mixed load against a running system (Load/LoadCommand.swift)
//   reform-bench soak [options]       the load under injected faults, then the invariants (Soak/SoakCommand.swift)
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
  let python = arguments.firstIndex(of: "--python").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
  try await HubBenchmark.run(seconds: seconds, python: python ?? "python3")
case "inspection":
  try await InspectionBenchmark.run()
case "planner-quality":
  try await PlannerQualityBenchmark.run(Array(arguments.dropFirst()))
case "registry":
  try await RegistryBenchmark.run()
case "registry-scale":
  try await RegistryScaleBenchmark.run(Array(arguments.dropFirst()))
case "classification":
  try await ClassificationBenchmark.run()
case "exchange-stores":
  try await ExchangeStoresBenchmark.run(Array(arguments.dropFirst()))
case "load":
  try await LoadCommand.run(Array(arguments.dropFirst()))
case "soak":
  try await SoakCommand.run(Array(arguments.dropFirst()))
case "serve-echo":
  try await PlainEchoServer.serve(port: Int(arguments.dropFirst().first ?? "") ?? 0)
default:
  print("usage: reform-bench [wire|hub] [--seconds S] | reform-bench registry|classification|inspection | reform-bench registry-scale|exchange-stores|planner-quality|load|soak [options]")
  exit(64)
}

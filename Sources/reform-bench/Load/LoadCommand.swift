import Foundation
import ReformClient

/// `reform-bench load`: drives a running system (`reformd up --demo`) through the client
/// library with the standard mix, and prints calls/s and p50/p99/max latency per method with
/// the errors by status.
///
///     reform-bench load --address unix:DATA/reform.sock --token-file DATA/admin.token
///       [--seconds 60] [--rate 100] [--concurrency 16] [--rates 25,50,100,200] [--only send,report]
///
/// `--rates` runs one step per rate, each for `--seconds`, and ends with the table the system
/// benchmark records: per rate, calls/s achieved and the p99 over every call. `--only` runs
/// the named operations alone, in equal shares, instead of the standard mix.
enum LoadCommand {
  struct Options {
    var address = "unix:reform-data/reform.sock"
    var token = ""
    var seconds = 60.0
    var rate = 0.0
    var rates: [Double] = []
    var concurrency = 16
    var mix = LoadRun.Mix.standard

    init(_ arguments: [String]) throws {
      var reader = OptionReader(arguments)
      while let option = reader.nextOption() {
        switch option {
        case "--address": address = try reader.value()
        case "--token-file":
          token = try String(contentsOfFile: try reader.value(), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        case "--token": token = try reader.value()
        case "--seconds": seconds = try reader.number()
        case "--rate": rate = try reader.number()
        case "--rates": rates = try reader.value().split(separator: ",").compactMap { Double($0) }
        case "--concurrency": concurrency = Int(try reader.number())
        case "--only":
          let names = try reader.value().split(separator: ",").map(String.init)
          let operations = try names.map { name in
            guard let operation = LoadRun.Operation(rawValue: name) else {
              throw BenchmarkFailure(
                description: "--only \(name): not an operation; one of \(LoadRun.Operation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return operation
          }
          mix = LoadRun.Mix(weights: operations.map { ($0, 1) })
        default: throw BenchmarkFailure(description: "unknown option \(option)")
        }
      }
      if token.isEmpty { token = ProcessInfo.processInfo.environment["REFORM_TOKEN"] ?? "" }
    }
  }

  static func run(_ arguments: [String]) async throws {
    let options = try Options(arguments)
    try await ReformClient.connect(to: options.address, token: options.token) { client in
      let bloc = try await LoadBloc.prepare(client) { print("prepare: \($0)") }
      let ledger = LoadLedger()
      var steps: [(rate: Double, perSecond: Double, p99: Double, errors: Int)] = []
      for rate in options.rates.isEmpty ? [options.rate] : options.rates {
        let book = LoadBook()
        let load = LoadRun(client: client, bloc: bloc, book: book, ledger: ledger, rate: rate, concurrency: options.concurrency, mix: options.mix)
        let running = Task { await load.run() }
        // The first tenth warms up and is not counted.
        try await Task.sleep(for: .seconds(options.seconds / 10))
        await book.reset()
        try await Task.sleep(for: .seconds(options.seconds))
        let (calls, perSecond, errors) = await book.totals()
        let p99 = await book.overallP99()
        print("\nrate \(rate == 0 ? "unpaced" : String(format: "%.0f/s", rate)), \(options.concurrency) lanes, \(calls) calls in \(options.seconds) s")
        print(await book.table())
        fflush(nil)
        await load.control.stop(grace: .seconds(5))
        await load.control.stopWatches()
        await running.value
        steps.append((rate, perSecond, p99, errors.values.reduce(0, +)))
      }
      if steps.count > 1 {
        print("\n  target/s  achieved/s   p99 ms  errors")
        for step in steps {
          print(
            String(format: "%10.0f %11.1f %8.1f %7d", step.rate, step.perSecond, step.p99, step.errors)
              + (step.p99 < 50 ? "" : "   p99 ≥ 50 ms"))
        }
      }
    }
  }
}

/// Reads `--name value` options.
struct OptionReader {
  private let arguments: [String]
  private var index = 0
  private var current = ""

  init(_ arguments: [String]) { self.arguments = arguments }

  mutating func nextOption() -> String? {
    guard index < arguments.count else { return nil }
    current = arguments[index]
    index += 1
    return current
  }

  mutating func value() throws -> String {
    guard index < arguments.count else { throw BenchmarkFailure(description: "\(current) needs a value") }
    index += 1
    return arguments[index - 1]
  }

  mutating func number() throws -> Double {
    let text = try value()
    guard let number = Double(text) else { throw BenchmarkFailure(description: "\(current) \(text): not a number") }
    return number
  }
}

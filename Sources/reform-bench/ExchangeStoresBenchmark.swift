import Exchange
import Foundation
import Logging
import PostgresNIO
import ReformKit
import ReformModule
import ReformStore
import ReformWire

/// `Exchange.Send` per second on the exchange's two stores, side by side in one run: one module
/// instance on a SQLite file, then one, two and four instances on one PostgreSQL schema (a fresh
/// schema for each configuration) — several instances being what several workers on several
/// hosts are, each with its own pool of connections.
///
/// Every configuration gets the same load: 16 senders, each sending back to back for one of
/// four sending units, to one of four receiving units in turn, documents with unique numbers
/// and unique idempotency keys. Calls go in process through `ModuleMethods.invoke` (every
/// message encoded and decoded as a job from the hub would be); no gRPC, no coordinator.
/// Figures count the calls started after a 1 s warm-up, for `--seconds`; latency is per call.
/// Afterwards the arrival numbers (số đến) every answer gave are checked to be 1…n in each
/// receiver, none twice and none missing.
enum ExchangeStoresBenchmark {
  static let usage =
    "usage: reform-bench exchange-stores [--database-url postgres://USER@HOST:PORT/DATABASE] [--seconds N]"
  static let senders = 16
  static let warmUp = Duration.seconds(1)

  /// The units that send and the units that receive: four each, all in the module's directory.
  static let sendingUnits = [
    BenchUnit(code: "DUK", organId: "000.00.00.H41", name: "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu"),
    BenchUnit(code: "SNV", organId: "000.00.31.H41", name: "Sở Nội vụ tỉnh Lai Châu"),
    BenchUnit(code: "STC", organId: "000.00.32.H41", name: "Sở Tài chính tỉnh Lai Châu"),
    BenchUnit(code: "SYT", organId: "000.00.33.H41", name: "Sở Y tế tỉnh Lai Châu"),
  ]
  static let receivingUnits = [
    BenchUnit(code: "SGDDT", organId: "000.00.34.H41", name: "Sở Giáo dục và Đào tạo tỉnh Lai Châu"),
    BenchUnit(code: "SXD", organId: "000.00.35.H41", name: "Sở Xây dựng tỉnh Lai Châu"),
    BenchUnit(code: "SCT", organId: "000.00.36.H41", name: "Sở Công Thương tỉnh Lai Châu"),
    BenchUnit(code: "STP", organId: "000.00.37.H41", name: "Sở Tư pháp tỉnh Lai Châu"),
  ]

  struct BenchUnit: Sendable {
    var code: String
    var organId: String
    var name: String
  }

  /// One row of the table: where the store is, and how many module instances share it.
  struct Configuration {
    var label: String
    var instances: Int
    var location: StoreLocation
    /// The PostgreSQL schema to drop before and after, when the store is one.
    var schema: (settings: PostgresSettings, name: String)?
  }

  /// What one configuration measured.
  struct Outcome {
    var latencies: [Duration]
    var failures: Int
    var firstFailure: String?
    /// Whether each receiver's arrival numbers were exactly 1…n.
    var gapless: Bool
  }

  static func run(_ arguments: [String]) async throws {
    var databaseURL: String?
    var seconds = 10.0
    var rest = arguments[...]
    while let option = rest.popFirst() {
      switch option {
      case "--database-url": databaseURL = rest.popFirst()
      case "--seconds": seconds = rest.popFirst().flatMap(Double.init) ?? 0
      default: fail("unknown option \(option)")
      }
    }
    guard seconds > 0 else { fail("--seconds takes a number of seconds above 0") }
    let settings: PostgresSettings?
    do {
      settings = try databaseURL.map { try PostgresSettings(url: $0) }
    } catch {
      fail("--database-url: \(error)")
    }
    // The stores' own logs (migrations applied) would interleave with the table.
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = .warning
      return handler
    }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reform-bench-exchange-stores-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var configurations = [
      Configuration(
        label: "SQLite, 1 instance", instances: 1, location: .sqlite(path: folder.appendingPathComponent("exchange.sqlite").path))
    ]
    if let settings {
      let stamp = "\(getpid())_\(Int(Date().timeIntervalSince1970))"
      for instances in [1, 2, 4] {
        let schema = "reform_bench_exchange_\(instances)_\(stamp)"
        configurations.append(
          Configuration(
            label: "PostgreSQL, \(instances) instance\(instances == 1 ? "" : "s")", instances: instances,
            location: .postgres(settings, schema: schema), schema: (settings, schema)))
      }
    }

    print(
      "reform-bench exchange-stores: Exchange.Send in process (ModuleMethods.invoke, every message encoded and decoded; no gRPC, no coordinator)")
    print(
      "\(senders) concurrent senders, each for one of \(sendingUnits.count) sending units to one of \(receivingUnits.count) receiving units in turn; "
        + "unique numbers and idempotency keys; \(warmUp.components.seconds) s warm-up, then \(format(seconds)) s per configuration")
    if let settings { print("PostgreSQL: \(settings), a fresh schema per configuration") }
    print("configuration              sends   sends/s   p50 ms   p99 ms  failed  số đến 1…n")
    for configuration in configurations {
      let outcome = try await measure(configuration, seconds: seconds, folder: folder)
      let latencies = outcome.latencies
      let p50 = latencies.isEmpty ? Duration.zero : latencies[latencies.count / 2]
      let p99 = latencies.isEmpty ? Duration.zero : latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
      print(
        configuration.label.padding(toLength: 24, withPad: " ", startingAt: 0)
          + " \(String(latencies.count).leftPad(7)) \(String(format: "%.1f", Double(latencies.count) / seconds).leftPad(9))"
          + " \(ms(p50).leftPad(8)) \(ms(p99).leftPad(8)) \(String(outcome.failures).leftPad(7))"
          + "  \(outcome.gapless ? "yes" : "NO")")
      if let first = outcome.firstFailure { print("  first failure: \(first)") }
    }
    if settings == nil {
      print("PostgreSQL rows not run: give --database-url (Deploy/postgres-scratch start DIR prints one)")
    }
  }

  /// Opens the configuration's instances on a fresh store, fills the unit directory, and runs
  /// the load; the instances and their pools are gone when it returns.
  private static func measure(_ configuration: Configuration, seconds: Double, folder: URL) async throws -> Outcome {
    if let schema = configuration.schema { try await drop(schema.name, on: schema.settings) }
    let dataDirectory = folder.appendingPathComponent("data-\(configuration.instances)").path
    var instances: [ModuleMethods] = []
    var first: ExchangeModule?
    for _ in 0..<configuration.instances {
      let module = try ExchangeModule(store: configuration.location, dataDirectory: dataDirectory)
      var methods = ModuleMethods()
      module.register(into: &methods)
      instances.append(methods)
      if first == nil { first = module }
    }
    for unit in sendingUnits + receivingUnits {
      try await first?.registerOrgan(unitCode: unit.code, organId: unit.organId, name: unit.name)
    }
    let outcome = try await load(instances, seconds: seconds, tag: configuration.instances)
    if let schema = configuration.schema { try await drop(schema.name, on: schema.settings) }
    return outcome
  }

  /// What each sender returns: its latencies after the warm-up, its failures, and the arrival
  /// numbers its answers gave, by receiver.
  private struct SenderResult: Sendable {
    var latencies: [Duration] = []
    var failures = 0
    var firstFailure: String?
    var arrivals: [String: [Int64]] = [:]
  }

  /// Sender `s` acts for sending unit `s % 4` through instance `(s / 4) % instances`, and sends
  /// its k-th document to receiving unit `(s / 4 + k) % 4`: every instance serves every sending
  /// unit, and the four senders of a unit start at four different receivers.
  private static func load(_ instances: [ModuleMethods], seconds: Double, tag: Int) async throws -> Outcome {
    let clock = ContinuousClock()
    let warmEnd = clock.now + warmUp
    let end = warmEnd + .milliseconds(Int(seconds * 1000))
    let today = CivilDate(Date()).wire
    let results = await withTaskGroup(of: SenderResult.self) { group in
      for s in 0..<senders {
        let methods = instances[(s / 4) % instances.count]
        let sender = sendingUnits[s % sendingUnits.count]
        group.addTask {
          var result = SenderResult()
          var k = 0
          while clock.now < end {
            let receiver = receivingUnits[(s / 4 + k) % receivingUnits.count]
            // Numbers unique within each sending unit (and across the run): k × 16 + s + 1.
            let number = k * senders + s + 1
            k += 1
            let request = sendRequest(number: number, key: "bench-\(tag)-\(s)-\(number)", from: sender, to: receiver, issued: today)
            let context = JobContext(
              jobID: Int64(number), method: ExchangeService.Send.info.path,
              caller: Principal(id: "clerk-\(sender.code)", displayName: "Văn thư \(sender.code)", unitCode: sender.code, roles: [.clerk]),
              ownUnitLimit: sender.code,
              worker: WorkerIdentity(id: "bench-\(s / 4)", module: "exchange", pid: getpid(), host: "localhost", version: "bench"))
            let start = clock.now
            do {
              let response = try await methods.invoke(ExchangeService.Send.self, request, context: context)
              if start >= warmEnd { result.latencies.append(clock.now - start) }
              for delivery in response.deliveries {
                result.arrivals[delivery.receiver?.organId ?? "", default: []].append(delivery.arrivalNumber)
              }
            } catch {
              result.failures += 1
              if result.firstFailure == nil { result.firstFailure = "\(error)" }
            }
          }
          return result
        }
      }
      var all: [SenderResult] = []
      for await result in group { all.append(result) }
      return all
    }
    var arrivals: [String: [Int64]] = [:]
    for result in results {
      for (organId, numbers) in result.arrivals { arrivals[organId, default: []] += numbers }
    }
    let gapless = arrivals.values.allSatisfy { numbers in numbers.sorted() == Array(1...Int64(numbers.count)) }
    return Outcome(
      latencies: results.flatMap(\.latencies).sorted(), failures: results.reduce(0) { $0 + $1.failures },
      firstFailure: results.lazy.compactMap(\.firstFailure).first, gapless: gapless && arrivals.count == receivingUnits.count)
  }

  /// A letter of `sender` numbered `number` to `receiver`, issued `issued`.
  private static func sendRequest(number: Int, key: String, from sender: BenchUnit, to receiver: BenchUnit, issued: CalendarDate)
    -> ExchangeSendRequest
  {
    ExchangeSendRequest(
      idempotencyKey: key,
      metadata: ExchangeDocumentMetadata(
        organId: sender.organId, issuingOrganName: sender.name, codeNumber: String(number), codeNotation: "CV-\(sender.code)",
        place: "Lai Châu", issuedDate: issued, documentType: ExchangeDocumentType(code: 9, name: "Công văn"),
        subject: "V/v báo cáo kết quả thực hiện cải cách hành chính, số \(number)",
        signer: ExchangeSigner(competence: "TL.", position: "Chánh Văn phòng", fullName: "Lò Văn Minh"),
        recipients: [ExchangeOrgan(organId: receiver.organId, name: receiver.name), ExchangeOrgan(name: "Lưu: VT, VP")],
        pageCount: 2, urgency: .normal, confidentiality: .normal))
  }

  /// Drops the schema `name` and everything in it, so a configuration starts on none and leaves
  /// none behind.
  static func drop(_ name: String, on settings: PostgresSettings) async throws {
    let store = try PostgresStore(
      settings: settings, name: "reform-bench", schema: name, migrations: PostgresMigrations(module: "bench"))
    defer { store.close() }
    try await store.write { connection in
      _ = try await connection.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \"\(name)\" CASCADE"), logger: Logger(label: "reform-bench"))
    }
  }

  private static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("reform-bench exchange-stores: \(message)\n\(usage)\n".utf8))
    exit(64)
  }

  private static func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
  }

  private static func ms(_ duration: Duration) -> String {
    String(format: "%.2f", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
  }
}

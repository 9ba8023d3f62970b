import Foundation
import ReformKit
import ReformModule
import ReformStore
import ReformWire
import RegistryDomain

/// ImportCsv and ExportCsv: files of units, people, study records and values in the formats of
/// the domain's importers, all or nothing, every problem reported with its line and column.
///
/// An import streams progress, then the errors in batches of at most 1000 (in line order),
/// then a summary, last. A file with any problem writes nothing; a dry run checks everything
/// and writes nothing; otherwise the whole file is stored in one transaction.
extension RegistryHandlers {
  /// The most errors in one batch event.
  static var errorBatch: Int { 1_000 }

  /// Imports a file, sending each event to `emit`; returns the summary.
  @discardableResult
  func importCsv(
    _ request: RegistryImportCsvRequest, _ context: JobContext,
    emit: @escaping @Sendable (RegistryImportCsvEvent) async throws -> Void
  ) async throws -> RegistryImportSummary {
    try context.requireBlocWide("ImportCsv")
    let kind = try request.kind.required(field: "kind")
    guard !request.csv.isEmpty else { throw FieldError.invalid("csv", "is empty; send the file's bytes, header line first") }
    guard request.csv.count <= RequestBounds.maxFileBytes else {
      throw FieldError.tooLarge("csv", "\(request.csv.count) bytes is over the \(RequestBounds.maxFileBytes)-byte limit; split the file")
    }
    let setID = try TextLimit.short.checked(request.setId, field: "set_id")
    let dryRun = request.dryRun
    let key = dryRun ? nil : try context.idempotency(request)
    let actor = context.actor
    let bytes = request.csv
    context.audit.record(target: "import \(kind.rawValue) \(request.fileName)")
    try await emit(Self.progress(.parsing, done: 0, total: 0))
    guard let text = String(validating: bytes, as: UTF8.self) else {
      // The parser says where the file stops being UTF-8; nothing else can be trusted then.
      let problems = CSVParser.parse(bytes: bytes).errors.map { error in
        CSVImportError(line: error.line, column: error.column, field: "", message: error.message)
      }
      return try await Self.refuse(CSVImportFailure(errors: problems), rows: 0, dryRun: dryRun, emit: emit)
    }
    let outcome: ImportOutcome
    if dryRun {
      let state = try await store.read()
      outcome = Self.check(text, kind: kind, state: state, setID: setID, actor: actor, now: store.now)
    } else {
      do {
        outcome = try await store.write(answering: key) { write -> ImportOutcome in
          if let key, let stored = try write.storedAnswer(for: key) { return .repeated(stored) }
          let outcome = Self.check(text, kind: kind, state: write.state, setID: setID, actor: actor, now: write.now)
          guard case .checked(let plan) = outcome else { return outcome }
          try plan.apply(to: &write, actor: actor)
          let summary = Self.summary(plan, applied: true, dryRun: false)
          if let key { try write.keep(answer: try RegistryImportCsvEvent(event: .summary(summary)).wireBytes(), for: key) }
          return .applied(summary)
        }
      } catch let failure as IdempotencyRefusal {
        throw FieldError(failure)
      }
    }
    switch outcome {
    case .repeated(let stored):
      let event = try RegistryImportCsvEvent(wireBytes: stored)
      try await emit(event)
      if case .summary(let summary) = event.event { return summary }
      return RegistryImportSummary()
    case .failed(let failure):
      return try await Self.refuse(failure, rows: Self.rowCount(text), dryRun: dryRun, emit: emit)
    case .checked(let plan):
      try await emit(Self.progress(.validating, done: Int64(plan.rows), total: Int64(plan.rows)))
      let summary = Self.summary(plan, applied: false, dryRun: true)
      try await emit(RegistryImportCsvEvent(event: .summary(summary)))
      return summary
    case .applied(let summary):
      // Progress is told once the transaction has committed: nothing waits for a slow reader
      // while the store is locked.
      try await emit(Self.progress(.validating, done: summary.rowsRead, total: summary.rowsRead))
      try await emit(Self.progress(.writing, done: summary.rowsRead, total: summary.rowsRead))
      try await emit(RegistryImportCsvEvent(event: .summary(summary)))
      return summary
    }
  }

  func exportCsv(
    _ request: RegistryExportCsvRequest, _ context: JobContext, emit: @Sendable (RegistryCsvChunk) async throws -> Void
  ) async throws {
    let snapshot = try await store.read()
    let tree = snapshot.tree
    let subtree = try context.confined(request.subtreeCode, field: "subtree_code", in: tree)
    let kind = try request.kind.required(field: "kind")
    try tree.requireKnown(subtree, field: "subtree_code")
    let scope = subtree.isEmpty ? nil : Set(tree.subtree(of: subtree).map(\.code))
    let today = CivilDate(store.now)
    let people = {
      snapshot.roster.people.filter { person in
        (scope?.contains(person.unitCode) ?? true) && (request.includeClosed || person.isPresent(on: today))
      }
    }
    let text: String
    switch kind {
    case .units:
      text = UnitCSV.export(tree, subtreeCode: subtree.isEmpty ? nil : subtree, includeClosed: request.includeClosed, withBOM: request.withBom)
    case .people:
      text = PersonCSV.export(people(), withBOM: request.withBom)
    case .studies:
      text = StudyCSV.export(people(), withBOM: request.withBom)
    case .values:
      let stored = try Self.indicatorSet(request.setId, version: 0, in: snapshot, field: "set_id")
      var periods = Set<Period>()
      try RequestBounds.checkCount(request.periods.count, field: "periods")
      for (index, period) in request.periods.enumerated() { periods.insert(try Period(wire: period, field: "periods[\(index)]")) }
      let filter = IndicatorValueFilter(setID: stored.set.id, unitCodes: scope, periods: periods)
      let values = snapshot.book.values(matching: filter, orderedBy: [stored.set])
      text = IndicatorValueCSV.export(values, withBOM: request.withBom)
    }
    context.audit.record(target: "export \(kind.rawValue)", unit: subtree)
    for piece in CSVChunker.pieces(of: text) {
      try await emit(RegistryCsvChunk(data: piece.data, rows: Int64(piece.rows)))
    }
  }

  /// What checking, and perhaps storing, a file came to.
  enum ImportOutcome: Sendable {
    /// A repeat of an applied import: its stored summary event.
    case repeated([UInt8])
    case failed(CSVImportFailure)
    case checked(CSVImportPlan)
    case applied(RegistryImportSummary)
  }

  private static func check(
    _ text: String, kind: RegistryCSVKind, state: RegistrySnapshot, setID: String, actor: ActorRef, now: Date
  ) -> ImportOutcome {
    do throws(CSVImportFailure) {
      return .checked(
        try CSVImportPlan.check(
          text, kind: kind, state: state, today: CivilDate(now), defaultSetID: setID.isEmpty ? nil : setID,
          stamp: ChangeStamp(actor: actor, at: now, reason: "CSV import")))
    } catch {
      return .failed(error)
    }
  }

  /// Sends every error in batches, then a summary that applied nothing.
  private static func refuse(
    _ failure: CSVImportFailure, rows: Int, dryRun: Bool, emit: (RegistryImportCsvEvent) async throws -> Void
  ) async throws -> RegistryImportSummary {
    let errors = failure.errors.map { error in
      RegistryImportError(line: Int64(error.line), column: Int32(clamping: error.column), field: error.field, value: error.value, message: error.message)
    }
    for start in stride(from: 0, to: errors.count, by: errorBatch) {
      try await emit(RegistryImportCsvEvent(event: .errors(RegistryImportErrorBatch(errors: Array(errors[start..<min(start + errorBatch, errors.count)])))))
    }
    let summary = RegistryImportSummary(applied: false, dryRun: dryRun, rowsRead: Int64(rows), errorCount: Int64(errors.count))
    try await emit(RegistryImportCsvEvent(event: .summary(summary)))
    return summary
  }

  private static func summary(_ plan: CSVImportPlan, applied: Bool, dryRun: Bool) -> RegistryImportSummary {
    RegistryImportSummary(
      applied: applied, dryRun: dryRun, rowsRead: Int64(plan.rows), created: Int64(plan.created), updated: Int64(plan.updated),
      unchanged: Int64(plan.unchanged), errorCount: 0)
  }

  private static func progress(_ phase: RegistryImportPhase, done: Int64, total: Int64) -> RegistryImportCsvEvent {
    RegistryImportCsvEvent(event: .progress(RegistryImportProgress(phase: phase, rowsDone: done, rowsTotal: total)))
  }

  /// The data rows of a file, for the summary of a refused one.
  private static func rowCount(_ text: String) -> Int {
    max(0, CSVParser.parse(text).records.dropFirst().filter { !$0.fields.allSatisfy(\.isEmpty) }.count)
  }
}

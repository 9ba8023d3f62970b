import ClassificationDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformWire

extension ClassificationHandlers {
  /// Lists ratings by unit then subject: a year's current final ratings, or one run's. A clerk
  /// sees their own unit's subtree.
  func listResults(_ request: ClassificationListResultsRequest, _ context: JobContext) async throws
    -> ClassificationListResultsResponse
  {
    let scope = scope(context)
    let root = try await scope.readRoot(request.unitCode, field: "unit_code")
    let resultScope = try Self.resultScope(year: request.year, runId: request.runId)
    let paging = try Paging(request.page, list: "results")
    var filter = ResultFilter(
      units: try await scope.subtree(of: root), kinds: try Self.kinds(request.subjectKinds, field: "subject_kinds"))
    guard request.levels.count <= 4 else { throw RPCError(code: .invalidArgument, message: "levels: at most 4 entries") }
    for (index, level) in request.levels.enumerated() where ClassificationDomain.RatingLevel(wire: level) == nil {
      throw RPCError(code: .invalidArgument, message: "levels[\(index)]: \(level) is not a rating level")
    }
    filter.levels = request.levels.map(\.rawValue)
    filter.quotaDemotedOnly = request.quotaDemotedOnly
    context.audit.record(target: Self.describe(resultScope), unit: root)
    let page = try await store.resultPage(
      resultScope, filter, after: paging.resultKey, limit: paging.size, countTotal: true)
    var sets = RuleSetLookup(catalogue: catalogue)
    var ratings: [ReformWire.Rating] = []
    ratings.reserveCapacity(page.records.count)
    for record in page.records {
      let rating = try record.rating(ruleSet: try await sets.set(record.ruleSetId, record.ruleSetVersion))
      ratings.append(
        rating.wire(
          runId: record.runId, locked: record.locked, supersededBy: record.supersededBy, ratedAt: record.ratedAt,
          includeChecks: request.includeChecks))
    }
    return ClassificationListResultsResponse(
      ratings: ratings,
      page: paging.response(itemsReturned: ratings.count, lastKey: page.records.last.map { Paging.token($0.pageKey) }, total: page.total))
  }

  /// One subject's rating with every rule that decided it, the inputs it was computed from,
  /// the ratings of the collectives it leads, and the whole in Vietnamese prose.
  func explain(_ request: ClassificationExplainRequest, _ context: JobContext) async throws -> ClassificationExplainResponse {
    guard ClassificationDomain.RatingSubjectKind(wire: request.subjectKind) != nil else {
      throw RPCError(code: .invalidArgument, message: "subject_kind: required: a subject kind; got \(request.subjectKind)")
    }
    try Self.requireCode(request.subjectId, field: "subject_id")
    let resultScope = try Self.resultScope(year: request.year, runId: request.runId)
    guard let record = try await store.result(resultScope, kind: request.subjectKind.rawValue, subjectId: request.subjectId)
    else {
      let whose = "\(request.subjectKind.shortName) \(request.subjectId)"
      throw RPCError(
        code: .notFound,
        message: request.runId.isEmpty
          ? "subject_id: \(whose) has no final \(request.year) rating" : "subject_id: run \(request.runId) did not rate \(whose)")
    }
    try await scope(context).require(record.unitCode, field: "subject_id")
    context.audit.record(target: request.subjectId, unit: record.unitCode)
    if !request.runId.isEmpty, request.year != 0, Int(request.year) != record.year {
      throw RPCError(code: .invalidArgument, message: "year: run \(request.runId) rated \(record.year), not \(request.year)")
    }
    var sets = RuleSetLookup(catalogue: catalogue)
    let rating = try record.rating(ruleSet: try await sets.set(record.ruleSetId, record.ruleSetVersion))
    var response = ClassificationExplainResponse(
      rating: rating.wire(runId: record.runId, locked: record.locked, supersededBy: record.supersededBy, ratedAt: record.ratedAt),
      narrative: rating.narrative(in: .vietnamese))
    let stored = try await store.evaluation(
      year: record.year, kind: record.subjectKind, subjectId: record.subjectId, revision: record.evaluationRevision)
    guard let stored else { return response }
    let input = try Self.evaluation(stored)
    switch input.subject {
    case .person(let person)?:
      response.input = .person(person)
      let led = Array(Set(person.positions.map(\.ledUnitCode).filter { !$0.isEmpty })).sorted()
      for collective in try await store.collectiveResults(runId: record.runId, unitCodes: led) {
        let rated = try collective.rating(ruleSet: try await sets.set(collective.ruleSetId, collective.ruleSetVersion))
        response.ledCollectives.append(
          rated.wire(
            runId: collective.runId, locked: collective.locked, supersededBy: collective.supersededBy,
            ratedAt: collective.ratedAt))
      }
    case .collective(let collective)?: response.input = .collective(collective)
    case nil: break
    }
    return response
  }

  /// Counts and shares per level over a subtree (the bloc when no unit is named), per
  /// subject kind, with last year's final ratings for comparison; with `by_child_unit` also
  /// one summary per direct child unit.
  func summary(_ request: ClassificationSummaryRequest, _ context: JobContext) async throws -> ClassificationSummaryResponse {
    let scope = scope(context)
    let root = try await scope.readRoot(request.unitCode, field: "unit_code")
    let resultScope = try Self.resultScope(year: request.year, runId: request.runId)
    let kinds = try Self.kinds(request.subjectKinds, field: "subject_kinds")
    context.audit.record(target: "summary \(Self.describe(resultScope))", unit: root)
    let current = try await store.levelCounts(resultScope, kinds: kinds)
    let ratedYear: Int
    switch resultScope {
    case .current(let scopeYear): ratedYear = scopeYear
    case .run(let id):
      guard let found = try await store.run(id: id) else {
        throw RPCError(code: .notFound, message: "run_id: no run \(id)")
      }
      ratedYear = Int(found.run.year)
    }
    let previous = try await store.levelCounts(.current(year: ratedYear - 1), kinds: kinds)
    let units = try await scope.units()
    let tallies = UnitTallies(current: current, previous: previous)
    let names = units.names
    let rootUnits = root.isEmpty ? nil : units.subtree(of: root)
    var response = ClassificationSummaryResponse(
      totals: tallies.summaries(of: root, over: rootUnits, year: ratedYear).map { $0.wire(unitName: names[root] ?? "") })
    if request.byChildUnit {
      let children = root.isEmpty ? tallies.topUnits(in: units.tree) : units.children(of: root)
      for child in children {
        response.children.append(
          contentsOf: tallies.summaries(of: child, over: units.subtree(of: child), year: ratedYear).map {
            $0.wire(unitName: names[child] ?? "")
          })
      }
    }
    return response
  }

  /// Streams the ratings as CSV (the domain's columns and format), a piece per 2,000 rows,
  /// each ending at a line end; the first holds the header.
  func exportCsv(
    _ request: ClassificationExportCsvRequest, _ context: JobContext, _ writer: JobStreamWriter<ClassificationCsvChunk>
  ) async throws {
    let scope = scope(context)
    let root = try await scope.readRoot(request.unitCode, field: "unit_code")
    let resultScope = try Self.resultScope(year: request.year, runId: request.runId)
    let filter = ResultFilter(
      units: try await scope.subtree(of: root), kinds: try Self.kinds(request.subjectKinds, field: "subject_kinds"))
    context.audit.record(target: "csv \(Self.describe(resultScope))", unit: root)
    var sets = RuleSetLookup(catalogue: catalogue)
    let header = RatingCSV.export([])
    var after: ResultPageKey?
    var first = true
    while true {
      let page = try await store.resultPage(
        resultScope, filter, after: after, limit: ClassificationLimits.csvRowsPerChunk, countTotal: false)
      var text = ""
      var start = 0
      // The domain writes one run's ratings at a time: split the page where the run changes.
      while start < page.records.count {
        let runId = page.records[start].runId
        var end = start
        var ratings: [ClassificationDomain.Rating] = []
        while end < page.records.count, page.records[end].runId == runId {
          let record = page.records[end]
          ratings.append(try record.rating(ruleSet: try await sets.set(record.ruleSetId, record.ruleSetVersion)))
          end += 1
        }
        let part = RatingCSV.export(ratings, runId: runId, locked: page.records[start].locked)
        text += part.dropFirst(header.count)
        start = end
      }
      if first || !page.records.isEmpty {
        let prefix = first ? (request.withBom ? "\u{FEFF}" : "") + header : ""
        try await writer.write(ClassificationCsvChunk(data: Array((prefix + text).utf8), rows: Int64(page.records.count)))
      }
      first = false
      guard page.records.count == ClassificationLimits.csvRowsPerChunk, let last = page.records.last else { return }
      after = last.pageKey
    }
  }

  /// The year's current final ratings, or one run's.
  static func resultScope(year: Int32, runId: String) throws(RPCError) -> ResultScope {
    if !runId.isEmpty {
      try checkLength(runId, "run_id", ClassificationLimits.codeLength)
      return .run(runId)
    }
    guard ClassificationLimits.years.contains(Int(year)) else {
      throw RPCError(code: .invalidArgument, message: "year: required (or run_id): \(year) is not a year rated")
    }
    return .current(year: Int(year))
  }

  private static func describe(_ scope: ResultScope) -> String {
    switch scope {
    case .run(let id): "ratings of \(id)"
    case .current(let year): "ratings \(year)"
    }
  }
}

/// The rule sets of the ratings one call reads, each found once.
struct RuleSetLookup {
  let catalogue: RuleSetCatalogue
  private var found: [String: RuleSet] = [:]

  init(catalogue: RuleSetCatalogue) {
    self.catalogue = catalogue
  }

  mutating func set(_ id: String, _ version: Int) async throws -> RuleSet {
    let key = "\(id)\u{1F}\(version)"
    if let hit = found[key] { return hit }
    guard let entry = try await catalogue.find(id: id, version: version) else {
      throw StoreFailure.damaged("ratings refer to rule set \(id) version \(version), which is not loaded")
    }
    found[key] = entry.set
    return entry.set
  }
}

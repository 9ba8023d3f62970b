import GRPCCore
import ReformModule
import ReformStore
import ReformWire

/// The `classification` module: the year-end rating (đánh giá, xếp loại chất lượng) of Party
/// members, civil servants and collectives, served over the Classification service.
///
/// Clerks submit their units' evaluations; an administrator runs a rule set over a unit
/// subtree for a year, as a dry run to review or as the final, locked ratings; anyone allowed
/// reads the ratings, each explained rule by rule, summaries with last year's comparison, and
/// CSV. Rules are data (``ClassificationDomain``'s rule sets, shipped or loaded with
/// DefineRuleSet); quota exceptions are recorded with who granted them and on what decision.
///
/// ## Topics
/// - Opening: ``init(store:units:people:)``, ``init(databasePath:units:people:)``
/// - Where the unit tree comes from: ``ClassificationUnitHierarchy``, ``RegistryUnitHierarchy``,
///   ``FixedUnitHierarchy``, ``SubmittedUnitHierarchy``
/// - Where a person's unit comes from: ``ClassificationPersonUnits``, ``RegistryPersonUnits``
public struct ClassificationModule: WorkerModule {
  /// `classification`, as `reformd worker --module` takes it.
  public let name = "classification"
  /// The registry's units and people, through the hierarchy and person look-ups most handlers share.
  public var calls: [ModuleCall] {
    [
      ModuleCall(anyMethodLike: ClassificationService.Summary.self, calls: RegistryService.ListUnits.self),
      ModuleCall(anyMethodLike: ClassificationService.Summary.self, calls: RegistryService.ListPeople.self),
      ModuleCall(anyMethodLike: ClassificationService.Summary.self, calls: RegistryService.GetPerson.self),
    ]
  }
  private let handlers: ClassificationHandlers

  /// The module on the SQLite file at `databasePath` (created and migrated when needed); other
  /// modules may share it.
  ///
  /// - Parameter units: where the unit tree comes from, for runs and reads over a subtree and
  ///   for a clerk's scope; by default the links the submitted collectives name
  ///   (``SubmittedUnitHierarchy``). A worker that reaches the registry passes
  ///   ``RegistryUnitHierarchy``.
  /// - Parameter people: where the unit each person is counted under is read, for the check
  ///   that a clerk evaluates only their own units' people (``RegistryPersonUnits``); without
  ///   it only the units of the evaluations already stored are checked.
  public init(
    databasePath: String, units: (any ClassificationUnitHierarchy)? = nil, people: (any ClassificationPersonUnits)? = nil
  ) throws {
    try self.init(store: .sqlite(path: databasePath), units: units, people: people)
  }

  /// The module on the store `location` names: a SQLite file (created and migrated when
  /// needed), or a PostgreSQL database that workers on other hosts share (the tables in the
  /// schema `classification` unless another is named, migrated before their first use).
  ///
  /// `units` and `people` are as for ``init(databasePath:units:people:)``.
  public init(
    store location: StoreLocation, units: (any ClassificationUnitHierarchy)? = nil,
    people: (any ClassificationPersonUnits)? = nil
  ) throws {
    let store: any ClassificationStoring =
      switch location {
      case .sqlite(let path): try ClassificationStore(path: path)
      case .postgres(let settings, let schema): try ClassificationPostgresStore(settings: settings, schema: schema ?? name)
      }
    handlers = ClassificationHandlers(
      store: store, catalogue: RuleSetCatalogue(store: store), hierarchy: units ?? SubmittedUnitHierarchy(store: store),
      people: people)
  }

  /// Registers a handler for each of the fifteen methods of the Classification service.
  public func register(into methods: inout ModuleMethods) {
    let handlers = self.handlers
    methods.unary(ClassificationService.SubmitEvaluations.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.submitEvaluations(request, context) }
    }
    methods.unary(ClassificationService.ListEvaluations.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.listEvaluations(request, context) }
    }
    methods.unary(ClassificationService.Run.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.run(request, context) }
    }
    methods.unary(ClassificationService.GetRun.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.getRun(request, context) }
    }
    methods.unary(ClassificationService.ListRuns.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.listRuns(request, context) }
    }
    methods.unary(ClassificationService.ListResults.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.listResults(request, context) }
    }
    methods.unary(ClassificationService.Explain.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.explain(request, context) }
    }
    methods.unary(ClassificationService.Summary.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.summary(request, context) }
    }
    methods.unary(ClassificationService.ListRuleSets.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.listRuleSets(request, context) }
    }
    methods.unary(ClassificationService.GetRuleSet.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.getRuleSet(request, context) }
    }
    methods.unary(ClassificationService.DefineRuleSet.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.defineRuleSet(request, context) }
    }
    methods.unary(ClassificationService.GrantQuotaException.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.grantQuotaException(request, context) }
    }
    methods.unary(ClassificationService.RevokeQuotaException.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.revokeQuotaException(request, context) }
    }
    methods.unary(ClassificationService.ListQuotaExceptions.self) { request, context in
      try await ClassificationHandlers.mapped { try await handlers.listQuotaExceptions(request, context) }
    }
    methods.serverStreaming(ClassificationService.ExportCsv.self) { request, context, writer in
      try await ClassificationHandlers.mapped { try await handlers.exportCsv(request, context, writer) }
    }
  }
}

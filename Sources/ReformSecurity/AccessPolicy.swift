import ReformWire

/// The one table saying, for every method of every service, who may call it and over which
/// units; and the pure function that applies it to a call.
///
/// ``reform`` is the table of this system, keyed by method path (`/reform.v1.Exchange/Send`).
/// Its entries are data, each with a reason. A method missing from it is refused
/// (deny by default), and a test built from `WireCatalogue.services` fails until every method
/// has its entry, so a new rpc cannot ship without a decision about who may call it.
///
/// ## Topics
/// - ``reform``: this system's policy.
/// - ``decide(method:principal:)``: allow, `UNAUTHENTICATED` or `PERMISSION_DENIED`.
/// - ``rule(for:)``, ``rules``: the table itself.
public struct AccessPolicy: Sendable {
  /// The rule of each method, keyed by its path.
  public let rules: [String: AccessRule]

  /// A policy made of `rules`, keyed by method path.
  public init(rules: [String: AccessRule]) {
    self.rules = rules
  }

  /// The rule for the method at `path`, or `nil` when the policy does not name it.
  public func rule(for path: String) -> AccessRule? { rules[path] }

  /// Decides whether `principal` may call the method at `method` (its path).
  ///
  /// `principal` is `nil` when the call carried no valid bearer token. Pure: no clock, no
  /// store; the caller authenticates first (``TokenStore/authenticate(secret:now:)``).
  public func decide(method: String, principal: Principal?) -> AccessDecision {
    guard let rule = rules[method] else {
      return .permissionDenied("\(method) is not in the access policy, so nobody may call it")
    }
    switch rule.callers {
    case .anyone:
      return .allow(ownUnit: nil)
    case .workers:
      guard principal != nil else {
        return .unauthenticated("\(method) is for workers, which present the worker secret")
      }
      return .permissionDenied("\(method) is for workers; a bearer token cannot call it")
    case .principals(let grants):
      guard let principal else {
        return .unauthenticated("\(method) needs a bearer token (authorization: Bearer TOKEN)")
      }
      let held = grants.filter { principal.roles.contains($0.role) }
      if held.contains(where: { $0.scope == .anyUnit }) {
        return .allow(ownUnit: nil)
      }
      if !held.isEmpty {
        // Only own-unit grants apply: a principal with no unit acts for none.
        guard !principal.unitCode.isEmpty else {
          return .permissionDenied(
            "\(method) is allowed to \(held.map(\.description).joined(separator: ", ")) "
              + "only for their own unit, and this principal names no unit")
        }
        return .allow(ownUnit: principal.unitCode)
      }
      let holds = principal.roles.isEmpty ? "no role" : principal.roles.map(\.name).joined(separator: ", ")
      return .permissionDenied(
        "\(method) needs role \(grants.map(\.description).joined(separator: " or ")); "
          + "the caller has \(holds)")
    }
  }
}

extension AccessPolicy {
  /// This system's policy: every method of every service in `WireCatalogue.services`.
  public static let reform = AccessPolicy(rules: [
    // Health: load balancers and supervisors probe without credentials.
    HealthService.Check.info.path: .anyone(because: "probes carry no credentials"),
    HealthService.Watch.info.path: .anyone(because: "probes carry no credentials"),

    // Reflection: describes the public schema in Protos/, so that grpcurl, Postman and
    // grpcio-reflection find the services before (and without) a token, as they do Health.
    ServerReflectionService.ServerReflectionInfo.info.path: .anyone(because: "describes the public schema"),
    V1alphaServerReflectionService.ServerReflectionInfo.info.path: .anyone(because: "describes the public schema"),

    // WorkerHub: workers dial in with their own secret.
    WorkerHubService.Attach.info.path: .workers(because: "only workers attach, with the worker secret"),

    // Admin: running the hub is operations' work; tokens and audit are the administrator's.
    AdminService.ListWorkers.info.path: .roles([.admin, .operator], because: "operations watch the hub"),
    AdminService.ListJobs.info.path: .roles([.admin, .operator], because: "operations watch the hub"),
    AdminService.Status.info.path: .roles([.admin, .operator], because: "operations watch the hub"),
    AdminService.DrainWorker.info.path: .roles([.admin, .operator], because: "operations run the hub"),
    AdminService.ResumeWorker.info.path: .roles([.admin, .operator], because: "operations run the hub"),
    AdminService.CancelJob.info.path: .roles([.admin, .operator], because: "operations run the hub"),
    AdminService.CreateToken.info.path: .roles([.admin], because: "a token grants any role: administrators only"),
    AdminService.ListTokens.info.path: .roles([.admin], because: "who holds which role is the administrator's"),
    AdminService.RevokeToken.info.path: .roles([.admin], because: "token lifecycle is the administrator's"),
    AdminService.QueryAudit.info.path: .roles([.admin, .inspector], because: "the audit trail serves oversight"),

    // Diagnostics: light probes for any principal; the heavy ones (a stream of bulk items, a
    // call that holds a worker for up to an hour) and tallies (durable state) for operations.
    DiagnosticsService.Echo.info.path: .roles(RoleGrant.everyRole, because: "a harmless probe"),
    DiagnosticsService.StreamItems.info.path: .roles([.admin, .operator], because: "moves bulk data on demand: an operator's load probe"),
    DiagnosticsService.Fail.info.path: .roles(RoleGrant.everyRole, because: "a harmless probe"),
    DiagnosticsService.Sleep.info.path: .roles([.admin, .operator], because: "holds a worker for up to an hour: an operator's probe"),
    DiagnosticsService.GetTally.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    DiagnosticsService.Tally.info.path: .roles([.admin, .operator], because: "writes durable state"),

    // Registry: the bloc's units, people and indicator sets are kept by operations; a clerk
    // reports their own unit's values; approval is above the unit.
    RegistryService.GetUnit.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    RegistryService.ListUnits.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    RegistryService.ListUnitHistory.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    RegistryService.GetPerson.info.path: .personalRead(Self.personReaders + [.service], because: "a member's record is personal: a clerk reads their unit's; the rating module reads a person's unit"),
    RegistryService.ListPeople.info.path: .personalRead(Self.personReaders + [.service], because: "a member's record is personal: a clerk lists their unit's; the rating module lists a submitting clerk's units' people"),
    RegistryService.ExportCsv.info.path: .personalRead(Self.personReaders, because: "exports people: a clerk exports their unit's subtree"),
    RegistryService.ListIndicatorSets.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    RegistryService.GetIndicatorSet.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    RegistryService.ListValues.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    RegistryService.ListPeriodStates.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    RegistryService.Report.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    RegistryService.CreateUnit.info.path: .roles([.admin, .operator], because: "the bloc's structure is kept by operations"),
    RegistryService.UpdateUnit.info.path: .roles([.admin, .operator], because: "the bloc's structure is kept by operations"),
    RegistryService.MoveUnit.info.path: .roles([.admin, .operator], because: "the bloc's structure is kept by operations"),
    RegistryService.CloseUnit.info.path: .roles([.admin, .operator], because: "the bloc's structure is kept by operations"),
    RegistryService.CreatePerson.info.path: .roles([.admin, .operator], because: "membership records are kept by operations"),
    RegistryService.UpdatePerson.info.path: .roles([.admin, .operator], because: "membership records are kept by operations"),
    RegistryService.RecordReformStudies.info.path: .roles([.admin, .operator], because: "membership records are kept by operations"),
    RegistryService.ImportCsv.info.path: .roles([.admin, .operator], because: "a bulk write of units and people"),
    RegistryService.DefineIndicatorSet.info.path: .roles([.admin, .operator], because: "the measures are set for the whole bloc"),
    RegistryService.ComputeIndicators.info.path: .roles([.admin, .operator], because: "stores computed values across a subtree of units"),
    RegistryService.ReportValues.info.path: .roles([.clerkOwnUnit, .admin], because: "a clerk reports for their own unit"),
    RegistryService.SubmitPeriod.info.path: .roles([.clerkOwnUnit, .admin], because: "a clerk submits their own unit's period"),
    RegistryService.ApprovePeriod.info.path: .roles([.admin, .operator], because: "approval is above the unit"),
    RegistryService.ReopenPeriod.info.path: .roles([.admin, .operator], because: "approval is above the unit"),

    // Classification: a clerk submits their unit's evaluations; ratings are decided centrally.
    ClassificationService.SubmitEvaluations.info.path: .roles([.clerkOwnUnit, .admin], because: "a clerk submits their own unit's evaluations"),
    ClassificationService.Run.info.path: .roles([.admin], because: "a rating run decides members' ratings"),
    ClassificationService.DefineRuleSet.info.path: .roles([.admin], because: "the rating regulation is set centrally"),
    ClassificationService.GrantQuotaException.info.path: .roles([.admin], because: "an exception to the quota is decided centrally"),
    ClassificationService.RevokeQuotaException.info.path: .roles([.admin], because: "an exception to the quota is decided centrally"),
    ClassificationService.ListEvaluations.info.path: .personalRead(Self.ratingReaders, because: "evaluations are personal (scores, discipline): a clerk sees their unit's"),
    ClassificationService.GetRun.info.path: .roles(Self.ratingReaders, because: "ratings are personal: a clerk sees their unit's"),
    ClassificationService.ListRuns.info.path: .roles(Self.ratingReaders, because: "ratings are personal: a clerk sees their unit's"),
    ClassificationService.ListResults.info.path: .personalRead(Self.ratingReaders, because: "ratings are personal: a clerk sees their unit's"),
    ClassificationService.Explain.info.path: .personalRead(Self.ratingReaders, because: "ratings are personal: a clerk sees their unit's"),
    ClassificationService.Summary.info.path: .roles(Self.ratingReaders, because: "ratings are personal: a clerk sees their unit's"),
    ClassificationService.ListRuleSets.info.path: .roles(Self.ratingReaders, because: "a read of the regulation in force"),
    ClassificationService.GetRuleSet.info.path: .roles(Self.ratingReaders, because: "a read of the regulation in force"),
    ClassificationService.ListQuotaExceptions.info.path: .roles(Self.ratingReaders, because: "ratings are personal: a clerk sees their unit's"),
    ClassificationService.ExportCsv.info.path: .personalRead(Self.ratingReaders, because: "ratings are personal: a clerk sees their unit's"),

    // Exchange: a clerk sends and reads as their own unit; inspectors read documents;
    // counts are for oversight.
    ExchangeService.Send.info.path: .roles([.clerkOwnUnit, .admin], because: "a clerk sends as their own unit"),
    ExchangeService.BeginUpload.info.path: .roles([.clerkOwnUnit, .admin], because: "a clerk sends as their own unit"),
    ExchangeService.UploadChunk.info.path: .roles([.clerkOwnUnit, .admin], because: "a clerk sends as their own unit"),
    ExchangeService.CommitUpload.info.path: .roles([.clerkOwnUnit, .admin], because: "a clerk sends as their own unit"),
    ExchangeService.AbortUpload.info.path: .roles([.clerkOwnUnit, .admin], because: "a clerk sends as their own unit"),
    ExchangeService.SendNotice.info.path: .roles([.clerkOwnUnit, .admin], because: "a receiver's clerk notices for their own unit"),
    ExchangeService.Recall.info.path: .roles([.clerkOwnUnit, .admin], because: "a sender's clerk recalls for their own unit"),
    ExchangeService.ImportEdxml.info.path: .roles([.clerkOwnUnit, .admin], because: "an import sends as the clerk's own unit"),
    ExchangeService.ListInbox.info.path: .personalRead(Self.documentReaders, because: "a clerk reads their own unit's documents"),
    ExchangeService.Watch.info.path: .personalRead(Self.documentReaders, because: "a clerk reads their own unit's documents"),
    ExchangeService.ListSent.info.path: .personalRead(Self.documentReaders, because: "a clerk reads their own unit's documents"),
    ExchangeService.GetDocument.info.path: .personalRead(Self.documentReaders, because: "a clerk reads their own unit's documents"),
    ExchangeService.FetchAttachment.info.path: .personalRead(Self.documentReaders, because: "a clerk reads their own unit's documents"),
    ExchangeService.GetTrace.info.path: .personalRead(Self.documentReaders, because: "a clerk reads their own unit's documents"),
    ExchangeService.ExportEdxml.info.path: .personalRead(Self.documentReaders, because: "a clerk reads their own unit's documents"),
    ExchangeService.CheckDuplicates.info.path: .roles(Self.documentReaders, because: "a check before sending, over the unit's own documents"),
    ExchangeService.CountDocuments.info.path: .roles([.admin, .operator, .inspector, .viewer], because: "counts serve oversight, not one unit"),
    ExchangeService.ListOverdue.info.path: .roles([.admin, .operator, .inspector, .viewer], because: "overdue lists serve oversight, not one unit"),

    // Inspection: inspectors plan the programme; anyone may read it.
    InspectionService.Plan.info.path: .roles([.admin, .inspector], because: "inspectors plan the programme"),
    InspectionService.Replan.info.path: .roles([.admin, .inspector], because: "inspectors plan the programme"),
    InspectionService.LoadCalendarNotice.info.path: .roles([.admin, .inspector], because: "the working calendar shapes the plan"),
    InspectionService.RemoveCalendarNotice.info.path: .roles([.admin, .inspector], because: "the working calendar shapes the plan"),
    InspectionService.GetCalendar.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    InspectionService.ComputeRisk.info.path: .roles(RoleGrant.everyRole, because: "a read"),
    InspectionService.GetProgramme.info.path: .personalRead(Self.programmeReaders, because: "a programme names inspectors and their leave: its owner unit's clerk reads it"),
    InspectionService.ListProgrammes.info.path: .personalRead(Self.programmeReaders, because: "a programme names inspectors and their leave: its owner unit's clerk reads it"),
    InspectionService.ExportProgramme.info.path: .personalRead(Self.programmeReaders, because: "a programme names inspectors and their leave: its owner unit's clerk reads it"),
  ])

  /// Who reads ratings: everyone but a clerk outside their own unit.
  private static let ratingReaders: [RoleGrant] = [.admin, .operator, .inspector, .clerkOwnUnit, .viewer]

  /// Who reads documents: their units' clerks, administrators and inspectors.
  private static let documentReaders: [RoleGrant] = [.clerkOwnUnit, .admin, .inspector]

  /// Who reads members' records (birth dates, ethnicity, Party data): operations, who keep
  /// them; inspectors, who check them; a clerk, for their own unit's subtree. Not viewers:
  /// they read summaries (units, values, reports), never a person's record.
  private static let personReaders: [RoleGrant] = [.admin, .operator, .inspector, .clerkOwnUnit]

  /// Who reads inspection programmes, which name the inspectors and their leave: inspectors
  /// and operations; a clerk, for the programmes their own unit owns (a visited unit learns
  /// of its visit by notice, not by reading the inspecting unit's plan). Not viewers.
  private static let programmeReaders: [RoleGrant] = [.admin, .operator, .inspector, .clerkOwnUnit]
}

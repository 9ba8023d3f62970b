import Foundation
import ReformModule
import ReformWire
import RegistryDomain

/// The handlers of `reform.v1.Registry`: each decodes, checks the caller's scope first, then
/// validates through the domain, reads or writes the store, and encodes. Thin: the rules are
/// the domain's (``UnitTree``, ``PersonRoster``, ``ReportingBook``…), the transactions the
/// store's.
///
/// ## Topics
/// - `RegistryHandlers+Units.swift`: CreateUnit, UpdateUnit, GetUnit, ListUnits, MoveUnit,
///   CloseUnit, ListUnitHistory.
/// - `RegistryHandlers+People.swift`: CreatePerson, UpdatePerson, GetPerson, ListPeople,
///   RecordReformStudies.
/// - `RegistryHandlers+IndicatorSets.swift`: ListIndicatorSets, GetIndicatorSet, DefineIndicatorSet.
/// - `RegistryHandlers+Values.swift`: ReportValues, ListValues, SubmitPeriod, ApprovePeriod,
///   ReopenPeriod, ListPeriodStates.
/// - `RegistryHandlers+Computation.swift`: ComputeIndicators.
/// - `RegistryHandlers+Reports.swift`: Report.
/// - `RegistryHandlers+CSV.swift`: ImportCsv, ExportCsv.
struct RegistryHandlers<Store: RegistryStoring>: Sendable {
  let store: Store
  /// The exchange module's counts for indicator 3a; `nil` leaves 3a not computed.
  let exchange: (any ExchangeCountProvider)?

  func register(into methods: inout ModuleMethods) {
    methods.unary(RegistryService.CreateUnit.self) { try await createUnit($0, $1) }
    methods.unary(RegistryService.UpdateUnit.self) { try await updateUnit($0, $1) }
    methods.unary(RegistryService.GetUnit.self) { try await getUnit($0, $1) }
    methods.unary(RegistryService.ListUnits.self) { try await listUnits($0, $1) }
    methods.unary(RegistryService.MoveUnit.self) { try await moveUnit($0, $1) }
    methods.unary(RegistryService.CloseUnit.self) { try await closeUnit($0, $1) }
    methods.unary(RegistryService.ListUnitHistory.self) { try await listUnitHistory($0, $1) }
    methods.unary(RegistryService.CreatePerson.self) { try await createPerson($0, $1) }
    methods.unary(RegistryService.UpdatePerson.self) { try await updatePerson($0, $1) }
    methods.unary(RegistryService.GetPerson.self) { try await getPerson($0, $1) }
    methods.unary(RegistryService.ListPeople.self) { try await listPeople($0, $1) }
    methods.unary(RegistryService.RecordReformStudies.self) { try await recordReformStudies($0, $1) }
    methods.unary(RegistryService.ListIndicatorSets.self) { try await listIndicatorSets($0, $1) }
    methods.unary(RegistryService.GetIndicatorSet.self) { try await getIndicatorSet($0, $1) }
    methods.unary(RegistryService.DefineIndicatorSet.self) { try await defineIndicatorSet($0, $1) }
    methods.unary(RegistryService.ReportValues.self) { try await reportValues($0, $1) }
    methods.unary(RegistryService.ListValues.self) { try await listValues($0, $1) }
    methods.unary(RegistryService.SubmitPeriod.self) { try await submitPeriod($0, $1) }
    methods.unary(RegistryService.ApprovePeriod.self) { try await approvePeriod($0, $1) }
    methods.unary(RegistryService.ReopenPeriod.self) { try await reopenPeriod($0, $1) }
    methods.unary(RegistryService.ListPeriodStates.self) { try await listPeriodStates($0, $1) }
    methods.unary(RegistryService.ComputeIndicators.self) { try await computeIndicators($0, $1) }
    methods.unary(RegistryService.Report.self) { try await report($0, $1) }
    methods.serverStreaming(RegistryService.ImportCsv.self) { request, context, writer in
      try await importCsv(request, context) { try await writer.write($0) }
    }
    methods.serverStreaming(RegistryService.ExportCsv.self) { request, context, writer in
      try await exportCsv(request, context) { try await writer.write($0) }
    }
  }
}

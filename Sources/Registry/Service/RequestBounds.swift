import ReformModule
import RegistryDomain

/// What a registry request may carry, field by field, so that no value — however large,
/// negative or long — reaches arithmetic, a loop or the store unchecked. Each bound is checked
/// where the request enters (the handler, or the mapping it calls), and a value outside it is
/// refused naming the field: `INVALID_ARGUMENT` for a number or a text, `RESOURCE_EXHAUSTED`
/// for a list or a file.
///
/// | Field | Range | Checked by |
/// |---|---|---|
/// | `numerator`, `denominator` (values, CSV values) | 0 – 10¹² | ``Ratio/largestCount``, ``IndicatorValue/problems(in:tree:)`` |
/// | every `CalendarDate` | a real day of 1900 – 2200 | ``CivilDate/supportedYears``, `CivilDate(wire:field:)` |
/// | every `Period`: `year`, `end_year`, `index` | years 1900 – 2200; index 0, 1–2, 1–4 or 1–12 by type | `Period.isValid`, `Period(wire:field:)` |
/// | `page.page_size` | 0 (100) or more, at most `PageCursor.maxSize` served | ``Paging`` |
/// | `expected_revision` | 0 (no check) or a revision, 1 or more | ``ExpectedRevision`` |
/// | `version`, `set_version`, `indicator_set.version` | 0 (latest, or next) or 1 or more | `RegistryHandlers+IndicatorSets` |
/// | `max_depth` | 0 (every level) or more | `RegistryHandlers+Reports` |
/// | a target's `value` | n/d, d > 0, 0 – 100 % in whole basis points | `IndicatorTarget(wire:field:)`, set validation |
/// | `entries` | 1 – ``maxEntries`` | `RegistryHandlers+Values` |
/// | `unit_codes` (approve) | 1 – ``maxApprovals`` | `RegistryHandlers+Values` |
/// | `person_ids` | at most ``maxStudyPeople`` | `RegistryHandlers+People` |
/// | `periods` (report) | 1 – ``maxPeriods`` | `RegistryHandlers+Reports` |
/// | filter lists: `indicator_codes`, `periods`, `statuses`, `origins`, `categories`, `update_fields` | at most ``maxFilterEntries`` | ``checkCount(_:field:limit:)`` |
/// | `csv` | at most ``maxFileBytes`` | `RegistryHandlers+CSV` |
/// | texts | ``TextLimit/short`` or ``TextLimit/long`` characters | ``TextLimit`` |
///
/// Sums over many values (reports, computations) stay within `Int` for any bloc of fewer than
/// nine million units; beyond that, and for values stored before these bounds, the domain's
/// arithmetic clamps rather than traps (``Ratio``'s `+`).
enum RequestBounds {
  /// Entries of a filter or field list: no set, enum or record has more to name.
  static let maxFilterEntries = 1_000

  /// The most people one RecordReformStudies call may name.
  static let maxStudyPeople = 50_000

  /// The most entries one ReportValues call may carry.
  static let maxEntries = 1_000

  /// The most units one ApprovePeriod call may name.
  static let maxApprovals = 10_000

  /// The most periods one report may cover.
  static let maxPeriods = 60

  /// The largest file accepted; larger files are split (each part all or nothing).
  static let maxFileBytes = 64 * 1024 * 1024

  /// Refuses a list of more than `limit` entries with `RESOURCE_EXHAUSTED`, naming the field.
  static func checkCount(_ count: Int, field: String, limit: Int = maxFilterEntries) throws {
    guard count > limit else { return }
    throw FieldError.tooLarge(field, "at most \(limit) entries; got \(count)")
  }
}

import Foundation
import GRPCCore
import ReformWire
import Registry
import Testing

@Suite("Indicator set calls")
struct IndicatorSetCallTests {
  static func termSet(version: Int32 = 0, target: IndicatorRatio = IndicatorRatio(numerator: 9, denominator: 10)) -> IndicatorSet {
    IndicatorSet(
      id: "02-NQ-DUK-2025-2030", version: version, name: "Chỉ tiêu CCHC nhiệm kỳ 2025–2030",
      resolution: ReformWire.SourceRef(document: "02-NQ/ĐUK"), term: ReformWire.Period(type: .term, year: 2025, endYear: 2030),
      indicators: [
        IndicatorDefinition(
          code: "1", name: "Tỷ lệ hồ sơ trực tuyến toàn trình", numeratorDefinition: "Số hồ sơ toàn trình",
          denominatorDefinition: "Tổng số hồ sơ", source: .reported,
          target: IndicatorTarget(comparison: .greaterOrEqual, value: target, wording: "Từ 90% trở lên"), aggregation: .sumRatio)
      ])
  }

  @Test func theBuiltInSetIsAlwaysThere() async throws {
    let registry = try RegistryHarness()
    let sets = try await registry.call(RegistryService.ListIndicatorSets.self, ListIndicatorSetsRequest())
    #expect(sets.indicatorSets.map(\.id) == [set01])
    let set = try await registry.call(RegistryService.GetIndicatorSet.self, GetIndicatorSetRequest(id: set01))
    #expect(set.indicatorSet?.indicators.map(\.code) == ["1", "2", "3a", "3b", "3c", "3d", "3e", "4a", "4b", "5"])
    #expect(set.indicatorSet?.indicators[2].target?.value == IndicatorRatio(numerator: 4, denominator: 5))
  }

  @Test func anOperatorDefinesANewTermAndItsNextVersionWithoutCode() async throws {
    let registry = try RegistryHarness()
    let dry = try await registry.call(RegistryService.DefineIndicatorSet.self, DefineIndicatorSetRequest(indicatorSet: Self.termSet(), dryRun: true))
    #expect(dry.indicatorSet?.version == 1)
    let notYet = await status { try await registry.call(RegistryService.GetIndicatorSet.self, GetIndicatorSetRequest(id: "02-NQ-DUK-2025-2030")) }
    #expect(notYet?.code == .notFound)
    let first = try await registry.call(RegistryService.DefineIndicatorSet.self, DefineIndicatorSetRequest(indicatorSet: Self.termSet()))
    #expect(first.indicatorSet?.version == 1)
    #expect(first.indicatorSet?.definedBy?.id == "admin")
    let second = try await registry.call(
      RegistryService.DefineIndicatorSet.self, DefineIndicatorSetRequest(indicatorSet: Self.termSet(target: IndicatorRatio(numerator: 19, denominator: 20))))
    #expect(second.indicatorSet?.version == 2)
    let taken = await status {
      try await registry.call(RegistryService.DefineIndicatorSet.self, DefineIndicatorSetRequest(indicatorSet: Self.termSet(version: 1)))
    }
    #expect(taken?.code == .alreadyExists)
    let all = try await registry.call(RegistryService.ListIndicatorSets.self, ListIndicatorSetsRequest(allVersions: true))
    #expect(all.indicatorSets.map { "\($0.id) v\($0.version)" } == ["01-NQ-DUK-2020-2025 v1", "02-NQ-DUK-2025-2030 v1", "02-NQ-DUK-2025-2030 v2"])
  }

  @Test func anInvalidSetIsRefusedNamingTheField() async throws {
    let registry = try RegistryHarness()
    let third = await status {
      try await registry.call(
        RegistryService.DefineIndicatorSet.self,
        DefineIndicatorSetRequest(indicatorSet: Self.termSet(target: IndicatorRatio(numerator: 1, denominator: 3))))
    }
    #expect(third?.code == .invalidArgument)
    #expect(third?.message.hasPrefix("indicator_set.indicators[0].target.value:") == true)
    var duplicate = Self.termSet()
    duplicate.indicators.append(duplicate.indicators[0])
    let repeated = await status { try await registry.call(RegistryService.DefineIndicatorSet.self, DefineIndicatorSetRequest(indicatorSet: duplicate)) }
    #expect(repeated?.message.hasPrefix("indicator_set.indicators[1].code:") == true)
    var noAggregation = Self.termSet()
    noAggregation.indicators[0].aggregation = .unspecified
    let aggregation = await status { try await registry.call(RegistryService.DefineIndicatorSet.self, DefineIndicatorSetRequest(indicatorSet: noAggregation)) }
    #expect(aggregation?.message.hasPrefix("indicator_set.indicators[0].aggregation:") == true)
    let huge = await status {
      try await registry.call(
        RegistryService.DefineIndicatorSet.self,
        DefineIndicatorSetRequest(indicatorSet: Self.termSet(target: IndicatorRatio(numerator: Int64.max, denominator: 1))))
    }
    #expect(huge?.code == .invalidArgument)
  }
}

import ClassificationDomain
import ReformKit

/// What the store keeps of a rating's rule checks: per rule of the set, in order, the outcome,
/// the level after it and the figures compared. The rule itself (id, source, text) comes back
/// from the rule set, which never changes under its id and version.
enum StoredChecks {
  static func encode(_ checks: [RuleCheck]) -> [UInt8] {
    var writer = ByteWriter(capacity: 8 + checks.count * 6)
    writer.int(checks.count)
    for check in checks {
      writer.byte(outcomeCode(check.outcome))
      writer.byte(UInt8(check.levelAfter.rank))
      encode(check.figures, into: &writer)
    }
    return writer.bytes
  }

  /// The checks of `rules`, read back.
  static func decode(_ bytes: [UInt8], rules: [RatingRule]) throws(StoreFailure) -> [RuleCheck] {
    var reader = ByteReader(bytes)
    let count = try reader.int()
    guard count == rules.count else {
      throw StoreFailure.damaged("a rating holds \(count) checks where its rule set has \(rules.count) rules")
    }
    var checks: [RuleCheck] = []
    checks.reserveCapacity(count)
    for rule in rules {
      let outcome = try outcome(try reader.byte())
      let level = try level(try reader.byte())
      checks.append(RuleCheck(rule: rule, outcome: outcome, levelAfter: level, figures: try figures(&reader)))
    }
    return checks
  }

  static func level(_ code: UInt8) throws(StoreFailure) -> RatingLevel {
    guard let level = RatingLevel.allCases.first(where: { $0.rank == Int(code) }) else {
      throw StoreFailure.damaged("\(code) is not a stored level")
    }
    return level
  }

  private static func outcomeCode(_ outcome: RuleOutcome) -> UInt8 {
    switch outcome {
    case .held: 1
    case .failed: 2
    case .notApplicable: 3
    case .disabled: 4
    }
  }

  private static func outcome(_ code: UInt8) throws(StoreFailure) -> RuleOutcome {
    switch code {
    case 1: .held
    case 2: .failed
    case 3: .notApplicable
    case 4: .disabled
    default: throw StoreFailure.damaged("\(code) is not a stored rule outcome")
    }
  }

  private static func encode(_ figures: RuleFigures, into writer: inout ByteWriter) {
    switch figures {
    case .none: writer.byte(0)
    case .otherSubjectKind: writer.byte(1)
    case .score(let total, let min):
      writer.byte(2)
      writer.int(total)
      writer.int(min)
    case .assessed(let level):
      writer.byte(3)
      writer.byte(UInt8(level.rank))
    case .share(let count, let total, let bound):
      writer.byte(4)
      writer.int(count)
      writer.int(total)
      writer.int(bound)
    case .nothingToCount: writer.byte(5)
    case .discipline(let counted, let earlier, let spared, let below, let other):
      writer.byte(6)
      writer.strings(counted)
      writer.int(earlier)
      writer.int(spared)
      writer.int(below)
      writer.int(other)
    case .decline(let counted, let earlier):
      writer.byte(7)
      writer.int(counted)
      writer.int(earlier)
    case .notALeader: writer.byte(8)
    case .ledCollectiveNotRated(let codes):
      writer.byte(9)
      writer.strings(codes)
    case .ledCollectiveLevel(let code, let collective, let cap):
      writer.byte(10)
      writer.string(code)
      writer.byte(UInt8(collective.rank))
      writer.byte(UInt8(cap.rank))
    case .ledCollectiveTasks(let code, let tasks, let minOnTime, let minExceeded):
      writer.byte(11)
      writer.string(code)
      writer.int(tasks.total)
      writer.int(tasks.onTime)
      writer.int(tasks.exceeded)
      writer.int(minOnTime)
      writer.int(minExceeded)
    case .subordinates(let disciplined, let spared, let total, let max):
      writer.byte(12)
      writer.int(disciplined)
      writer.int(spared)
      writer.int(total)
      writer.int(max)
    case .leadership(let disciplined, let max):
      writer.byte(13)
      writer.int(disciplined)
      writer.int(max)
    }
  }

  private static func figures(_ reader: inout ByteReader) throws(StoreFailure) -> RuleFigures {
    switch try reader.byte() {
    case 0: return .none
    case 1: return .otherSubjectKind
    case 2: return .score(totalHundredths: try reader.int(), minHundredths: try reader.int())
    case 3: return .assessed(try level(try reader.byte()))
    case 4: return .share(count: try reader.int(), total: try reader.int(), boundBasisPoints: try reader.int())
    case 5: return .nothingToCount
    case 6:
      return .discipline(
        counted: try reader.strings(), countedEarlier: try reader.int(), spared: try reader.int(),
        belowMinimum: try reader.int(), otherYearOrSystem: try reader.int())
    case 7: return .decline(counted: try reader.int(), countedEarlier: try reader.int())
    case 8: return .notALeader
    case 9: return .ledCollectiveNotRated(unitCodes: try reader.strings())
    case 10:
      return .ledCollectiveLevel(
        unitCode: try reader.string(), collectiveLevel: try level(try reader.byte()),
        leaderAtBest: try level(try reader.byte()))
    case 11:
      let code = try reader.string()
      let tasks = TaskCounts(total: try reader.int(), onTime: try reader.int(), exceeded: try reader.int())
      return .ledCollectiveTasks(
        unitCode: code, tasks: tasks, minOnTimeBasisPoints: try reader.int(), minExceededBasisPoints: try reader.int())
    case 12:
      return .subordinates(
        disciplined: try reader.int(), spared: try reader.int(), total: try reader.int(), maxBasisPoints: try reader.int())
    case 13: return .leadership(disciplined: try reader.int(), maxCount: try reader.int())
    case let tag: throw StoreFailure.damaged("\(tag) is not a stored kind of figures")
    }
  }
}

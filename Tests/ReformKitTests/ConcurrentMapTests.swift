import ReformKit
import Testing

@Suite("Mapping on every core")
struct ConcurrentMapTests {
  @Test func theAnswerIsMapsInOrderWhateverTheLength() {
    let numbers = Array(0..<50_001)
    #expect(numbers.concurrentMap { $0 * 3 + 1 } == numbers.map { $0 * 3 + 1 })
    #expect(numbers.concurrentMap(minimumPart: 1) { String($0) } == numbers.map { String($0) })
    #expect([Int]().concurrentMap { $0 } == [])
    #expect([7].concurrentMap(minimumPart: 1) { $0 + 1 } == [8])
    #expect(Array(0..<3).concurrentMap(minimumPart: 0) { $0 } == [0, 1, 2])
  }
}

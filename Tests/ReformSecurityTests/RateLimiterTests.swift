import Testing

@testable import ReformSecurity

/// The per-token rate limit: a burst, then the average rate.
@Suite("Rate limiter")
struct RateLimiterTests {
  @Test func aBurstPassesThenCallsWaitForTheRate() {
    let limiter = RateLimiter(rate: 2, burst: 3)
    #expect((0..<3).allSatisfy { _ in limiter.admit("tok_a", at: 100) == nil })
    #expect(limiter.admit("tok_a", at: 100) == 0.5)
    #expect(limiter.admit("tok_a", at: 100.5) == nil)
    #expect(limiter.admit("tok_a", at: 100.5) != nil)
  }

  @Test func eachTokenHasItsOwnBucket() {
    let limiter = RateLimiter(rate: 1, burst: 1)
    #expect(limiter.admit("tok_a", at: 0) == nil)
    #expect(limiter.admit("tok_a", at: 0) != nil)
    #expect(limiter.admit("tok_b", at: 0) == nil)
  }

  @Test func aQuietSpellRefillsNoMoreThanTheBurst() {
    let limiter = RateLimiter(rate: 10, burst: 2)
    #expect(limiter.admit("tok_a", at: 0) == nil)
    #expect(limiter.admit("tok_a", at: 0) == nil)
    #expect(limiter.admit("tok_a", at: 3600) == nil)
    #expect(limiter.admit("tok_a", at: 3600) == nil)
    #expect(limiter.admit("tok_a", at: 3600) != nil)
  }

  @Test func aRateOfZeroLimitsNothing() {
    let limiter = RateLimiter(rate: 0, burst: 1)
    #expect((0..<1000).allSatisfy { _ in limiter.admit("tok_a", at: 0) == nil })
  }
}

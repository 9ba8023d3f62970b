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

  @Test func waitingTakesNothingFromTheBucket() {
    let limiter = RateLimiter(rate: 1, burst: 2)
    #expect(limiter.wait("ipv4:203.0.113.9", at: 0) == nil)
    #expect(limiter.admit("ipv4:203.0.113.9", at: 0) == nil)
    #expect(limiter.wait("ipv4:203.0.113.9", at: 0) == nil)
    #expect(limiter.admit("ipv4:203.0.113.9", at: 0) == nil)
    #expect(limiter.wait("ipv4:203.0.113.9", at: 0) == 1)
    #expect(limiter.wait("ipv4:203.0.113.9", at: 0) == 1, "a wait does not count as a call")
    #expect(limiter.wait("ipv4:203.0.113.9", at: 1) == nil)
  }

  @Test func bucketsBeyondTheLimitAreDroppedFullOnesFirst() {
    let limiter = RateLimiter(rate: 1, burst: 1, maxKeys: 2)
    #expect(limiter.admit("a", at: 0) == nil)
    #expect(limiter.admit("b", at: 10) == nil)
    // "a" has refilled by now and is dropped; "b" is still empty and kept.
    #expect(limiter.admit("c", at: 10) == nil)
    #expect(limiter.admit("b", at: 10) != nil)
  }
}

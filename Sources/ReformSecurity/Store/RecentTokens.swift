import Foundation
import ReformWire
import Synchronization

/// The tokens that authenticated lately, by the hash ``TokenStore`` looks them up by: every
/// call of a busy client is then answered without a database read.
///
/// Kept exact by forgetting: a revocation through this process forgets its token at once; one
/// through another coordinator sharing a PostgreSQL store is forgotten when its notice arrives
/// or, at the latest, at the next poll (``TokenPostgresStore``). Each entry keeps its token's
/// expiry, and an entry older than ``TokenStore/lastUseResolution`` is read again.
final class RecentTokens: Sendable {
  /// What a cached authentication found.
  struct Entry: Sendable {
    var principal: Principal
    var tokenId: String
    var expiresAt: Date?
    var checkedAt: Date
    var workerModules: [String]
  }

  private struct State {
    var byHash: [String: Entry] = [:]
    /// Counts revocations, so that a lookup that began before one cannot cache its answer.
    var generation = 0
  }

  private let state = Mutex(State())

  /// The entry for `hash`, and the generation to hand back to ``remember(_:for:ifStill:)``.
  func lookUp(_ hash: String) -> (entry: Entry?, generation: Int) {
    state.withLock { ($0.byHash[hash], $0.generation) }
  }

  /// Caches `entry` for `hash`, unless a token was forgotten since `generation` was read.
  func remember(_ entry: Entry, for hash: String, ifStill generation: Int) {
    state.withLock {
      guard $0.generation == generation else { return }
      $0.byHash[hash] = entry
    }
  }

  /// Forgets the tokens `tokenIds` names, and makes every lookup in progress uncacheable.
  func forget(tokenIds: some Collection<String>) {
    let ids = Set(tokenIds)
    state.withLock {
      $0.generation += 1
      $0.byHash = $0.byHash.filter { !ids.contains($0.value.tokenId) }
    }
  }

  /// The ids of the cached tokens, for a poll that asks the store which of them were revoked.
  var tokenIds: [String] {
    state.withLock { Array(Set($0.byHash.values.map(\.tokenId))) }
  }
}

import Crypto
import Foundation
import GRPCCore
import Metrics
import ReformSecurity
import ReformWire

/// Decides, before anything runs, whether a call may: it reads the bearer token from the
/// `authorization` header (or, with none, the client certificate of a mutual-TLS connection),
/// authenticates it against the token store, and applies the access policy's rule for the
/// method. The principal it returns travels with the job.
///
/// Before any of that, a peer address that has failed to authenticate too often lately is
/// turned away with `RESOURCE_EXHAUSTED`, without the token store being asked: a caller
/// guessing tokens costs the coordinator a lookup in memory, not a database read and an
/// audit entry each.
///
/// Tokens never reach a log: failures name the token's id at most, never its secret.
struct Gatekeeper: Sendable {
  let tokens: TokenStore
  let policy: AccessPolicy
  /// The SHA-256 of the host secret (`DATA/worker.secret`), which admits a worker of any
  /// module over a Unix socket only; nil admits none that way.
  let workerSecretHash: [UInt8]?
  /// Calls a second each token may make.
  let rateLimiter: RateLimiter
  /// The module secrets file (`DATA/worker-secrets.list`), read at every hello; nil for none.
  var workerSecretsPath: String?
  /// Failed authentications a second each peer address may make (``PeerAddress``), and in a
  /// burst; Unix-socket callers, on this host, are not limited.
  var failureLimiter = RateLimiter(rate: 1, burst: 30)
  /// The rate limiters' time origin.
  private let epoch = ContinuousClock.now

  /// Who is calling `method` (nil for a method anyone may call), and the unit they are limited
  /// to when the policy allows them the method only for their own unit.
  ///
  /// - Throws: ``Refusal``: `UNAUTHENTICATED` (no, malformed, unknown, expired or revoked
  ///   token) or `PERMISSION_DENIED` (the roles do not allow the method), each saying why,
  ///   with the principal when the token was good.
  func admit(
    _ method: WireMethodInfo, metadata: Metadata, peerCertificate: [UInt8]? = nil, peer: String
  ) async throws(Refusal) -> (principal: Principal?, ownUnit: String?) {
    let header = metadata[stringValues: "authorization"].first(where: { _ in true })
    if let refusal = overLimit(peer, field: "authorization"),
      !tokens.hasAuthenticated(secret: Self.bearer(header) ?? "")
    {
      throw refusal
    }
    var principal: Principal?
    if header != nil || peerCertificate != nil {
      let tokenId: String
      do {
        if let header {
          (principal, tokenId) = try await authenticate(header)
        } else {
          (principal, tokenId) = try await authenticate(certificate: peerCertificate ?? [])
        }
      } catch {
        throw failed(Refusal(error: error, principal: nil), peer: peer)
      }
      if let wait = rateLimiter.admit(tokenId, at: (ContinuousClock.now - epoch).inSeconds) {
        Counter(label: "reform_rate_limited_total").increment()
        throw Refusal(
          error: RPCError(
            code: .resourceExhausted,
            message: "rate limit: token \(tokenId) may make \(Int(rateLimiter.rate)) calls a second (bursts of \(Int(rateLimiter.burst))); retry in \(Int((wait * 1000).rounded(.up))) ms"),
          principal: principal, reason: "rate limit: token \(tokenId)")
      }
    }
    switch policy.decide(method: method.path, principal: principal) {
    case .allow(let ownUnit):
      return (principal, ownUnit)
    case .unauthenticated(let reason):
      throw failed(Refusal(error: RPCError(code: .unauthenticated, message: reason), principal: principal), peer: peer)
    case .permissionDenied(let reason):
      throw Refusal(error: RPCError(code: .permissionDenied, message: reason), principal: principal)
    }
  }

  /// Whether the credential a call was admitted with still holds: nil while it does, the
  /// `UNAUTHENTICATED` error once its token is revoked or expired. No rate limit applies: the
  /// coordinator asks this of open streams, not the caller. A store that cannot be read
  /// counts as holding; the next check asks again.
  func recheck(metadata: Metadata, peerCertificate: [UInt8]?) async -> RPCError? {
    do {
      if let header = metadata[stringValues: "authorization"].first(where: { _ in true }) {
        _ = try await authenticate(header)
      } else if let peerCertificate {
        _ = try await authenticate(certificate: peerCertificate)
      }
      return nil
    } catch {
      return error.code == .unauthenticated ? error : nil
    }
  }

  /// A call the gatekeeper turned away, and who made it when that is known.
  struct Refusal: Error {
    var error: RPCError
    var principal: Principal?
    /// What refusals are counted together by in the audit log: the message, unless it
    /// changes from one attempt to the next (a retry delay).
    var reason: String

    init(error: RPCError, principal: Principal?, reason: String? = nil) {
      self.error = error
      self.principal = principal
      self.reason = reason ?? error.message
    }
  }

  /// The refusal for a peer that has failed to authenticate more often than
  /// ``failureLimiter`` allows, found without asking the token store; nil while it may try.
  /// `field` is what the caller sent that failed (`authorization`, `hello.worker_secret`).
  ///
  /// A bearer token the store has found live before is still let through by ``admit`` and
  /// checked as usual: a client sharing an address with someone guessing keeps working.
  private func overLimit(_ peer: String, field: String) -> Refusal? {
    guard !PeerAddress.isUnixSocket(peer) else { return nil }
    let address = PeerAddress.key(peer)
    guard let wait = failureLimiter.wait(address, at: (ContinuousClock.now - epoch).inSeconds) else { return nil }
    let reason = "\(field): too many failed authentications from \(address)"
    return Refusal(
      error: RPCError(
        code: .resourceExhausted,
        message: "\(reason): at most \(Int(failureLimiter.burst)) in a row, then \(failureLimiter.rate) a second; retry in \(Int((wait * 1000).rounded(.up))) ms"),
      principal: nil, reason: reason)
  }

  /// Counts a failed authentication against the peer's address, and returns the refusal.
  private func failed(_ refusal: Refusal, peer: String) -> Refusal {
    if refusal.error.code == .unauthenticated, !PeerAddress.isUnixSocket(peer) {
      _ = failureLimiter.admit(PeerAddress.key(peer), at: (ContinuousClock.now - epoch).inSeconds)
    }
    return refusal
  }

  /// The token of an `authorization: Bearer TOKEN` header, or nil for any other header.
  private static func bearer(_ header: String?) -> String? {
    guard let parts = header?.split(separator: " ", maxSplits: 1), parts.count == 2, parts[0].lowercased() == "bearer" else {
      return nil
    }
    return String(parts[1]).trimmingCharacters(in: .whitespaces)
  }

  private func authenticate(_ header: String) async throws(RPCError) -> (Principal, String) {
    guard let token = Self.bearer(header) else {
      throw RPCError(code: .unauthenticated, message: "authorization: expected `Bearer TOKEN`")
    }
    let result = try await consultTokens { try await tokens.authenticate(secret: token) }
    guard case .ok(let principal, let tokenId) = result else {
      throw RPCError(code: .unauthenticated, message: "authorization: \(result.failureReason ?? "not accepted")")
    }
    return (principal, tokenId)
  }

  /// What the token store says of a credential; a store that cannot be read is `UNAVAILABLE`,
  /// which the caller may retry, never a refusal.
  private func consultTokens(_ lookUp: () async throws -> AuthenticationResult) async throws(RPCError) -> AuthenticationResult {
    do {
      return try await lookUp()
    } catch {
      throw RPCError(code: .unavailable, message: "the token store could not be read; retry later")
    }
  }

  /// The principal bound to a client certificate, by the SHA-256 of its DER encoding.
  private func authenticate(certificate digest: [UInt8]) async throws(RPCError) -> (Principal, String) {
    let result = try await consultTokens { try await tokens.authenticate(certificateSHA256: digest) }
    guard case .ok(let principal, let tokenId) = result else {
      let reason = result == .unknown
        ? "no bearer token, and the client certificate (SHA-256 \(TokenHash(bytes: digest))) is bound to no principal"
        : result.failureReason ?? "not accepted"
      throw RPCError(code: .unauthenticated, message: "authorization: \(reason)")
    }
    return (principal, tokenId)
  }

  /// Whether a worker may attach as `hello.module`, and as whom: its hello carries the host
  /// secret (over a Unix socket only), or a module secret of the list that names the module,
  /// or its connection showed a client certificate bound to a live worker principal that
  /// names the module.
  ///
  /// - Throws: ``Refusal``: `UNAUTHENTICATED` (no credential this coordinator knows, or the
  ///   host secret from another host), `PERMISSION_DENIED` naming `hello.module` (a credential
  ///   for other modules), `RESOURCE_EXHAUSTED` (a peer failing too often), or `UNAVAILABLE`
  ///   (the list or the token store could not be read).
  func admitWorker(_ hello: WorkerHello, certificate: [UInt8]?, peer: String) async throws(Refusal) -> Principal {
    if let refusal = overLimit(peer, field: "hello.worker_secret") { throw refusal }
    let secret = hello.workerSecret
    let module = hello.module
    if let expected = workerSecretHash, !secret.isEmpty, TokenHash.constantTimeEqual(Self.hash(workerSecret: secret), expected) {
      guard PeerAddress.isUnixSocket(peer) else {
        throw failed(
          Refusal(
            error: RPCError(
              code: .unauthenticated,
              message: "hello.worker_secret: the host secret (worker.secret) admits workers on the coordinator's own Unix socket only; a worker on another host needs a module secret (`reformd secrets create --module \(module)`) or a certificate bound to a worker principal"),
            principal: nil),
          peer: peer)
      }
      return Principal(id: "worker-host-secret", displayName: "worker with the host secret", roles: [.worker])
    }
    if !secret.isEmpty {
      let list: WorkerSecretList
      do {
        list = try workerSecretsPath.map { path throws(TokenFileError) in try WorkerSecretList.read(from: path) } ?? WorkerSecretList()
      } catch {
        throw Refusal(error: RPCError(code: .unavailable, message: "the worker secrets list could not be read: \(error.message)"), principal: nil)
      }
      if let entry = list.entry(forSecret: secret) {
        let principal = Principal(id: entry.id, displayName: "worker secret \(entry.id)", roles: [.worker])
        return try Self.serving(module, principal: principal, modules: entry.modules, credential: "worker secret \(entry.id)")
      }
    }
    if let certificate {
      let found: (result: AuthenticationResult, modules: [String])
      do {
        found = try await tokens.authenticateWorker(certificateSHA256: certificate)
      } catch {
        throw Refusal(error: RPCError(code: .unavailable, message: "the token store could not be read; retry later"), principal: nil)
      }
      if case .ok(let principal, let tokenId) = found.result, principal.roles.contains(.worker) {
        return try Self.serving(module, principal: principal, modules: found.modules, credential: "worker principal \(principal.id) (token \(tokenId))")
      }
    }
    throw failed(
      Refusal(
        error: RPCError(
          code: .unauthenticated,
          message: "hello.worker_secret: not a worker secret this coordinator knows, and no client certificate bound to a worker principal"),
        principal: nil),
      peer: peer)
  }

  /// `principal`, when `modules` lets it serve `module`.
  private static func serving(_ module: String, principal: Principal, modules: [String], credential: String) throws(Refusal) -> Principal {
    guard modules.contains(module) else {
      let allowed = modules.isEmpty
        ? "names no module (bind it again with its modules)" : "may serve \(modules.joined(separator: ", ")) only"
      throw Refusal(
        error: RPCError(code: .permissionDenied, message: "hello.module: '\(module.prefix(64))' is refused: \(credential) \(allowed)"),
        principal: principal)
    }
    return principal
  }

  static func hash(workerSecret: String) -> [UInt8] {
    Array(SHA256.hash(data: Data(workerSecret.utf8)))
  }
}


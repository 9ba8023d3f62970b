import Crypto
import Foundation
import GRPCCore
import ReformSecurity
import ReformWire

/// Decides, before anything runs, whether a call may: it reads the bearer token from the
/// `authorization` header (or, with none, the client certificate of a mutual-TLS connection),
/// authenticates it against the token store, and applies the access policy's rule for the
/// method. The principal it returns travels with the job.
///
/// Tokens never reach a log: failures name the token's id at most, never its secret.
struct Gatekeeper: Sendable {
  let tokens: TokenStore
  let policy: AccessPolicy
  /// The SHA-256 of the secret workers present in their hello; nil admits no worker.
  let workerSecretHash: [UInt8]?
  /// Calls a second each token may make.
  let rateLimiter: RateLimiter
  /// The rate limiter's time origin.
  private let epoch = ContinuousClock.now

  /// Who is calling `method` (nil for a method anyone may call), and the unit they are limited
  /// to when the policy allows them the method only for their own unit.
  ///
  /// - Throws: ``Refusal``: `UNAUTHENTICATED` (no, malformed, unknown, expired or revoked
  ///   token) or `PERMISSION_DENIED` (the roles do not allow the method), each saying why,
  ///   with the principal when the token was good.
  func admit(
    _ method: WireMethodInfo, metadata: Metadata, peerCertificate: [UInt8]? = nil
  ) async throws(Refusal) -> (principal: Principal?, ownUnit: String?) {
    var principal: Principal?
    let header = metadata[stringValues: "authorization"].first(where: { _ in true })
    if header != nil || peerCertificate != nil {
      let tokenId: String
      do {
        if let header {
          (principal, tokenId) = try await authenticate(header)
        } else {
          (principal, tokenId) = try await authenticate(certificate: peerCertificate ?? [])
        }
      } catch {
        throw Refusal(error: error, principal: nil)
      }
      if let wait = rateLimiter.admit(tokenId, at: (ContinuousClock.now - epoch).inSeconds) {
        throw Refusal(
          error: RPCError(
            code: .resourceExhausted,
            message: "rate limit: token \(tokenId) may make \(Int(rateLimiter.rate)) calls a second (bursts of \(Int(rateLimiter.burst))); retry in \(Int((wait * 1000).rounded(.up))) ms"),
          principal: principal)
      }
    }
    switch policy.decide(method: method.path, principal: principal) {
    case .allow(let ownUnit):
      return (principal, ownUnit)
    case .unauthenticated(let reason):
      throw Refusal(error: RPCError(code: .unauthenticated, message: reason), principal: principal)
    case .permissionDenied(let reason):
      throw Refusal(error: RPCError(code: .permissionDenied, message: reason), principal: principal)
    }
  }

  /// A call the gatekeeper turned away, and who made it when that is known.
  struct Refusal: Error {
    var error: RPCError
    var principal: Principal?
  }

  private func authenticate(_ header: String) async throws(RPCError) -> (Principal, String) {
    let parts = header.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else {
      throw RPCError(code: .unauthenticated, message: "authorization: expected `Bearer TOKEN`")
    }
    let result: AuthenticationResult
    do {
      result = try await tokens.authenticate(secret: String(parts[1]).trimmingCharacters(in: .whitespaces))
    } catch {
      throw RPCError(code: .unavailable, message: "the token store could not be read; retry later")
    }
    guard case .ok(let principal, let tokenId) = result else {
      throw RPCError(code: .unauthenticated, message: "authorization: \(result.failureReason ?? "not accepted")")
    }
    return (principal, tokenId)
  }

  /// The principal bound to a client certificate, by the SHA-256 of its DER encoding.
  private func authenticate(certificate digest: [UInt8]) async throws(RPCError) -> (Principal, String) {
    let result: AuthenticationResult
    do {
      result = try await tokens.authenticate(certificateSHA256: digest)
    } catch {
      throw RPCError(code: .unavailable, message: "the token store could not be read; retry later")
    }
    guard case .ok(let principal, let tokenId) = result else {
      let reason = result == .unknown
        ? "no bearer token, and the client certificate (SHA-256 \(TokenHash(bytes: digest))) is bound to no principal"
        : result.failureReason ?? "not accepted"
      throw RPCError(code: .unauthenticated, message: "authorization: \(reason)")
    }
    return (principal, tokenId)
  }

  /// Whether a worker may attach: its hello carries the worker secret, or its connection showed
  /// a client certificate bound to a live principal with the worker role.
  func admitsWorker(secret: String, certificate: [UInt8]?) async -> Bool {
    if let expected = workerSecretHash, !secret.isEmpty,
      TokenHash.constantTimeEqual(Self.hash(workerSecret: secret), expected)
    {
      return true
    }
    guard let certificate,
      case .ok(let principal, _)? = try? await tokens.authenticate(certificateSHA256: certificate)
    else { return false }
    return principal.roles.contains(.worker)
  }

  static func hash(workerSecret: String) -> [UInt8] {
    Array(SHA256.hash(data: Data(workerSecret.utf8)))
  }
}


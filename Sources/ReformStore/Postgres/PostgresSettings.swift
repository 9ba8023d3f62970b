import Foundation
import NIOSSL
import PostgresNIO

/// Where a module keeps its state when it is not the embedded SQLite file: a PostgreSQL server,
/// named by a URL as libpq and every PostgreSQL tool write it, and the password in a file of its
/// own, never on the command line (where `ps` shows it to every user of the host).
///
/// ```
/// postgres://reform_exchange@db.lai-chau.internal:5432/reform?sslmode=verify-full&sslrootcert=/etc/reform/db-ca.pem
/// ```
///
/// - **Accepted:** scheme `postgres` or `postgresql`; a user (required); a host (a name, an IPv4
///   address or `[IPv6]`); a port (5432 when left out); a database (the user's name when left
///   out); query parameters `sslmode` (`disable`, `prefer`, `require`, `verify-full`),
///   `sslrootcert` (a PEM file of the CAs to trust), `connect_timeout` (seconds, 1–60) and
///   `pool_size` (connections, 1–200).
/// - **Refused**, naming what is wrong: a password in the URL, an unknown parameter, a value out
///   of range, and `sslmode` values that check less than they seem (`allow`, `verify-ca`).
/// - **TLS by default off loopback.** When `sslmode` is left out, a loopback IP address
///   (127.0.0.0/8, ::1) connects in plaintext and any other host with `verify-full`: TLS, the
///   server's certificate checked against the system's CAs (or `sslrootcert`) and its name.
///   `prefer` and `require` do not check the certificate, as in libpq; they are for a network
///   the operator trusts and must be asked for by name.
///
/// ## Topics
/// - ``init(url:passwordFile:)``, ``configuration(schema:)``
public struct PostgresSettings: Sendable, CustomStringConvertible {
  /// How the connection is protected (libpq's `sslmode`).
  public enum TLSMode: String, Sendable, CaseIterable {
    case disable, prefer, require
    case verifyFull = "verify-full"
  }

  /// A URL or password file that cannot be used, with what to change.
  public struct Invalid: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
  }

  public var user: String
  public var host: String
  public var port: Int
  public var database: String
  public var tls: TLSMode
  /// The PEM file of the CAs that sign the server's certificate; the system's when nil.
  public var rootCertificates: String?
  public var password: String?
  public var connectTimeout: Int
  public var poolSize: Int

  /// The settings of `url`, with the password read from `passwordFile` (its first non-empty
  /// line; the line break after it is not part of it).
  ///
  /// - Throws: ``Invalid`` naming the part of the URL, or the file, that cannot be used.
  public init(url: String, passwordFile: String? = nil) throws(Invalid) {
    guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
      throw Invalid("\"\(url.prefix(200))\" is not a URL; write postgres://USER@HOST:PORT/DATABASE")
    }
    guard scheme == "postgres" || scheme == "postgresql" else {
      throw Invalid("the URL's scheme is \"\(scheme)\"; write postgres://USER@HOST:PORT/DATABASE")
    }
    guard components.password == nil else {
      throw Invalid(
        "the URL carries a password, which every user of the host can read on the command line; put it in a file and name it with --database-password-file")
    }
    guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
      throw Invalid("the URL names no user; write postgres://USER@HOST:PORT/DATABASE")
    }
    guard var host = components.host, !host.isEmpty else {
      throw Invalid("the URL names no host; write postgres://USER@HOST:PORT/DATABASE")
    }
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    let port = components.port ?? 5432
    guard (1...65_535).contains(port) else { throw Invalid("the URL's port \(port) is not 1 to 65535") }
    var database = String(components.path.drop(while: { $0 == "/" }))
    if database.isEmpty { database = user }
    guard !database.contains("/") else { throw Invalid("the URL's database \"\(database)\" holds a /") }
    self.user = user
    self.host = host
    self.port = port
    self.database = database.removingPercentEncoding ?? database
    self.tls = Self.isLoopback(host) ? .disable : .verifyFull
    self.connectTimeout = 5
    self.poolSize = 20
    for item in components.queryItems ?? [] {
      let value = item.value ?? ""
      switch item.name {
      case "sslmode":
        guard let mode = TLSMode(rawValue: value) else {
          throw Invalid(
            "sslmode=\(value.prefix(40)) is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        tls = mode
      case "sslrootcert":
        guard !value.isEmpty else { throw Invalid("sslrootcert is empty; name a PEM file") }
        rootCertificates = value
      case "connect_timeout":
        guard let seconds = Int(value), (1...60).contains(seconds) else {
          throw Invalid("connect_timeout=\(value.prefix(20)) is not a whole number of seconds from 1 to 60")
        }
        connectTimeout = seconds
      case "pool_size":
        guard let size = Int(value), (1...200).contains(size) else {
          throw Invalid("pool_size=\(value.prefix(20)) is not a whole number from 1 to 200")
        }
        poolSize = size
      default:
        throw Invalid(
          "the URL parameter \"\(item.name.prefix(40))\" is not one Reform reads (sslmode, sslrootcert, connect_timeout, pool_size)")
      }
    }
    if let passwordFile {
      guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
        throw Invalid("the password file \(passwordFile) cannot be read")
      }
      let password = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      guard !password.isEmpty else { throw Invalid("the password file \(passwordFile) is empty") }
      self.password = password
    }
  }

  /// Whether `host` is a loopback IP address (a name is never taken for one).
  static func isLoopback(_ host: String) -> Bool {
    if host == "::1" { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil } && parts[0] == "127"
  }

  /// The URL without a password, for logs and status.
  public var description: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "postgres://\(user)@\(shownHost):\(port)/\(database)?sslmode=\(tls.rawValue)"
  }

  /// postgres-nio's configuration for connections whose unqualified names resolve in `schema`.
  public func configuration(schema: String) throws -> PostgresClient.Configuration {
    let tlsConfiguration: PostgresClient.Configuration.TLS
    switch tls {
    case .disable:
      tlsConfiguration = .disable
    case .prefer, .require:
      var unchecked = TLSConfiguration.makeClientConfiguration()
      unchecked.certificateVerification = .none
      tlsConfiguration = tls == .prefer ? .prefer(unchecked) : .require(unchecked)
    case .verifyFull:
      var checked = TLSConfiguration.makeClientConfiguration()
      checked.certificateVerification = .fullVerification
      if let rootCertificates { checked.trustRoots = .file(rootCertificates) }
      tlsConfiguration = .require(checked)
    }
    var configuration = PostgresClient.Configuration(
      host: host, port: port, username: user, password: password, database: database, tls: tlsConfiguration)
    configuration.options.connectTimeout = .seconds(connectTimeout)
    configuration.options.maximumConnections = poolSize
    configuration.options.additionalStartupParameters = [
      ("search_path", schema), ("application_name", "reform-\(schema)"), ("TimeZone", "UTC"),
      ("client_encoding", "UTF8"),
    ]
    return configuration
  }
}

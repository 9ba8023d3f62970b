import Foundation
import ReformModuleTesting
import ReformStore
import Testing

/// The database URL an operator writes: what is accepted and with which defaults, what is
/// refused and that the refusal says what to change, the password kept out of the URL and out
/// of logs, and TLS on by default for every host that is not a loopback address.
@Suite struct PostgresSettingsTests {
  @Test func aFullURLIsReadPartByPart() throws {
    let settings = try PostgresSettings(
      url: "postgres://reform_exchange@db.lai-chau.internal:6543/reform?sslmode=require&sslrootcert=/etc/reform/ca.pem&connect_timeout=7&pool_size=30")
    #expect(settings.user == "reform_exchange")
    #expect(settings.host == "db.lai-chau.internal")
    #expect(settings.port == 6543)
    #expect(settings.database == "reform")
    #expect(settings.tls == .require)
    #expect(settings.rootCertificates == "/etc/reform/ca.pem")
    #expect(settings.connectTimeout == 7)
    #expect(settings.poolSize == 30)
    #expect(settings.password == nil)
  }

  @Test func portAndDatabaseDefaultToPostgresOwn() throws {
    let settings = try PostgresSettings(url: "postgresql://reform@db.example")
    #expect(settings.port == 5432)
    #expect(settings.database == "reform")
    #expect(settings.connectTimeout == 5)
    #expect(settings.poolSize == 20)
    #expect(try PostgresSettings(url: "postgres://reform@db.example/").database == "reform")
    #expect(try PostgresSettings(url: "POSTGRES://reform@db.example/x").database == "x")
  }

  @Test func anIPv6HostIsWrittenInBrackets() throws {
    let settings = try PostgresSettings(url: "postgres://reform@[2001:db8::5]:5433/reform")
    #expect(settings.host == "2001:db8::5")
    #expect(settings.port == 5433)
    #expect(settings.description == "postgres://reform@[2001:db8::5]:5433/reform?sslmode=verify-full")
  }

  @Test(arguments: [("disable", PostgresSettings.TLSMode.disable), ("prefer", .prefer), ("require", .require), ("verify-full", .verifyFull)])
  func everyCheckingSSLModeIsAccepted(_ text: String, _ mode: PostgresSettings.TLSMode) throws {
    #expect(try PostgresSettings(url: "postgres://reform@db.example/reform?sslmode=\(text)").tls == mode)
    #expect(try PostgresSettings(url: "postgres://reform@127.0.0.1/reform?sslmode=\(text)").tls == mode)
  }

  @Test func poolSizeAndConnectTimeoutTakeTheirWholeRange() throws {
    for size in [1, 200] {
      #expect(try PostgresSettings(url: "postgres://reform@db.example/reform?pool_size=\(size)").poolSize == size)
    }
    for seconds in [1, 60] {
      #expect(try PostgresSettings(url: "postgres://reform@db.example/reform?connect_timeout=\(seconds)").connectTimeout == seconds)
    }
  }

  /// Each refusal, and a word of its message that names what is wrong.
  static let refusals: [(url: String, names: String)] = [
    ("postgres://reform:secret@db.example/reform", "password"),
    ("postgres://reform:@db.example/reform", "password"),
    ("mysql://reform@db.example/reform", "scheme is \"mysql\""),
    ("http://reform@db.example/reform", "scheme is \"http\""),
    ("postgres://db.example/reform", "no user"),
    ("postgres://reform@/reform", "no host"),
    ("postgres://reform@db.example:0/reform", "port 0"),
    ("postgres://reform@db.example:70000/reform", "70000"),
    ("postgres://reform@db.example/reform?application_name=x", "\"application_name\" is not one Reform reads"),
    ("postgres://reform@db.example/reform?sslmode=allow", "sslmode=allow"),
    ("postgres://reform@db.example/reform?sslmode=verify-ca", "sslmode=verify-ca"),
    ("postgres://reform@db.example/reform?sslmode=", "sslmode="),
    ("postgres://reform@db.example/reform?sslrootcert=", "sslrootcert is empty"),
    ("postgres://reform@db.example/reform?pool_size=0", "pool_size=0"),
    ("postgres://reform@db.example/reform?pool_size=201", "pool_size=201"),
    ("postgres://reform@db.example/reform?pool_size=many", "pool_size=many"),
    ("postgres://reform@db.example/reform?connect_timeout=0", "connect_timeout=0"),
    ("postgres://reform@db.example/reform?connect_timeout=61", "connect_timeout=61"),
    ("postgres://reform@db.example/a%2Fb", "holds a /"),
    ("not a url at all", "not a URL"),
  ]

  @Test(arguments: refusals)
  func aURLThatCannotBeUsedIsRefusedNamingWhy(_ url: String, _ names: String) {
    #expect {
      _ = try PostgresSettings(url: url)
    } throws: { error in
      guard let invalid = error as? PostgresSettings.Invalid else { return false }
      return invalid.description.contains(names)
    }
  }

  @Test func aRefusedPasswordIsNotRepeatedInTheRefusal() {
    #expect {
      _ = try PostgresSettings(url: "postgres://reform:hunter2@db.example/reform")
    } throws: { error in
      "\(error)".contains("password-file") && !"\(error)".contains("hunter2")
    }
  }

  @Test func thePasswordIsTheFirstLineOfItsFile() throws {
    let folder = try TemporaryFolder("pg-settings")
    let file = folder.file("password")
    try "s3cret pass\nsecond line\n".write(toFile: file, atomically: true, encoding: .utf8)
    let settings = try PostgresSettings(url: "postgres://reform@db.example/reform", passwordFile: file)
    #expect(settings.password == "s3cret pass")
    #expect(!settings.description.contains("s3cret"))
    #expect(!"\(settings)".contains("s3cret"))
    #expect(settings.description == "postgres://reform@db.example:5432/reform?sslmode=verify-full")
  }

  /// What a URL without a password refuses about `passwordFile`; nil when it is accepted.
  static func refusal(passwordFile: String) -> String? {
    do {
      _ = try PostgresSettings(url: "postgres://reform@db.example/reform", passwordFile: passwordFile)
      return nil
    } catch {
      return error.description
    }
  }

  @Test func aMissingOrEmptyPasswordFileIsRefused() throws {
    let folder = try TemporaryFolder("pg-settings")
    let missing = folder.file("absent")
    #expect(Self.refusal(passwordFile: missing) == "the password file \(missing) cannot be read")
    for text in ["", "\n"] {
      let empty = folder.file("empty")
      try text.write(toFile: empty, atomically: true, encoding: .utf8)
      #expect(Self.refusal(passwordFile: empty) == "the password file \(empty) is empty")
    }
  }

  /// Plaintext only to a loopback IP address; a name that merely starts like one, a private
  /// address or `localhost` (which a resolver may send anywhere) get verify-full.
  @Test(arguments: [
    ("127.0.0.1", PostgresSettings.TLSMode.disable), ("127.1.2.3", .disable), ("[::1]", .disable),
    ("127.evil.example", .verifyFull), ("127.0.0.1.evil.example", .verifyFull), ("127.0.0.256", .verifyFull),
    ("10.0.0.5", .verifyFull), ("localhost", .verifyFull), ("[2001:db8::1]", .verifyFull), ("db.example", .verifyFull),
  ])
  func tlsIsOnByDefaultOffLoopback(_ host: String, _ expected: PostgresSettings.TLSMode) throws {
    let settings = try PostgresSettings(url: "postgres://reform@\(host):5432/reform")
    #expect(settings.tls == expected)
    #expect(settings.description.hasSuffix("?sslmode=\(expected.rawValue)"))
  }
}

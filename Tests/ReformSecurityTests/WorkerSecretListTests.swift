import Foundation
import Testing

@testable import ReformSecurity

/// The coordinator's list of module secrets: hashes bound to the modules they may serve.
@Suite("Worker secret list")
struct WorkerSecretListTests {
  @Test func aSecretIsFoundWithTheModulesItMayServeAndNoOtherSecretIs() throws {
    let (list, secret, entry) = try WorkerSecretList().adding(modules: ["exchange", "registry"], note: "host exch-2")
    #expect(list.entry(forSecret: secret.plaintext)?.modules == ["exchange", "registry"])
    #expect(list.entry(forSecret: secret.plaintext)?.id == entry.id)
    #expect(list.entry(forSecret: TokenSecret.generate().plaintext) == nil)
    #expect(list.entry(forSecret: "not a secret") == nil)
    #expect(!list.text.contains(secret.plaintext), "only the hash is kept")
  }

  @Test func theTextReadsBackAsTheSameList() throws {
    let first = try WorkerSecretList().adding(modules: ["inspection"], note: "thanh tra host").list
    let both = try first.adding(modules: ["exchange"]).list
    #expect(try WorkerSecretList(parsing: both.text) == both)
  }

  @Test func aRevokedSecretIsNoLongerFound() throws {
    let (list, secret, entry) = try WorkerSecretList().adding(modules: ["exchange"])
    #expect(try list.removing(id: entry.id).entry(forSecret: secret.plaintext) == nil)
    #expect(throws: TokenFileError("no worker secret ws_0000000000000000; `reformd secrets list` shows them")) {
      try list.removing(id: "ws_0000000000000000")
    }
  }

  @Test(arguments: [
    ("ws_1 abc exchange", "worker secrets, line 1: expected `ID SHA256 MODULE[,MODULE…] [NOTE]`"),
    ("# comment\nws_1 \(String(repeating: "a", count: 64)) Exchange", "worker secrets, line 2: 'Exchange' is not a list of module names"),
    ("tok_1 \(String(repeating: "a", count: 64)) exchange", "worker secrets, line 1: expected `ID SHA256 MODULE[,MODULE…] [NOTE]`"),
  ])
  func aMalformedLineIsRefusedNamingIt(text: String, message: String) {
    #expect(throws: TokenFileError(message)) { try WorkerSecretList(parsing: text) }
  }

  @Test func aSecretForNoModuleIsRefused() {
    #expect(throws: TokenFileError("--module: give at least one module the secret may serve")) {
      try WorkerSecretList().adding(modules: [])
    }
  }

  @Test func theFileIsWrittenForItsOwnerAloneAndAMissingFileIsAnEmptyList() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory + "/worker-secrets.list"
      #expect(try WorkerSecretList.read(from: path).entries.isEmpty)
      let list = try WorkerSecretList().adding(modules: ["exchange"]).list
      try list.write(to: path)
      let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
      #expect(mode == 0o600)
      #expect(try WorkerSecretList.read(from: path) == list)
    }
  }
}

import Foundation
import Testing

@testable import ReformSecurity

private func mode(of path: String) throws -> Int {
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  return (attributes[.posixPermissions] as! NSNumber).intValue
}

@Suite("Token files")
struct TokenFileTests {
  @Test func aWrittenTokenFileHasMode600AndReadsBackTrimmed() async throws {
    try await withTemporaryDirectory { directory throws in
      let path = directory + "/admin.token"
      let token = TokenSecret.generate().plaintext
      try TokenFile.write(token, to: path)
      #expect(try mode(of: path) == 0o600)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == token + "\n")
      #expect(try TokenFile.read(from: path) == token)
      // No temporary file is left beside it.
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["admin.token"])
    }
  }

  @Test func writingOverAWiderFileLeavesMode600() async throws {
    try await withTemporaryDirectory { directory throws in
      let path = directory + "/admin.token"
      _ = FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
      try TokenFile.write("rf_new", to: path)
      #expect(try mode(of: path) == 0o600)
      #expect(try TokenFile.read(from: path) == "rf_new")
    }
  }

  @Test(arguments: [0o644, 0o640, 0o604, 0o660])
  func aFileOthersCanReadIsRefusedWithTheChmodThatFixesIt(permissions: Int) async throws {
    try await withTemporaryDirectory { directory throws in
      let path = directory + "/admin.token"
      _ = FileManager.default.createFile(
        atPath: path, contents: Data("rf_x\n".utf8), attributes: [.posixPermissions: permissions])
      #expect(try mode(of: path) == permissions)
      let error = #expect(throws: TokenFileError.self) { try TokenFile.read(from: path) }
      #expect(error?.message.contains("chmod 600 \(path)") == true)
    }
  }

  @Test func aMissingOrEmptyFileIsRefused() async throws {
    try await withTemporaryDirectory { directory throws in
      #expect(throws: TokenFileError.self) { try TokenFile.read(from: directory + "/absent.token") }
      let empty = directory + "/empty.token"
      _ = FileManager.default.createFile(atPath: empty, contents: Data(" \n".utf8), attributes: [.posixPermissions: 0o600])
      #expect(throws: TokenFileError("\(empty) is empty")) { try TokenFile.read(from: empty) }
    }
  }
}

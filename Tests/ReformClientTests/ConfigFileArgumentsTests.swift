import Foundation
import ReformCommandLine
import Testing

@testable import reformctl

/// `--config FILE`: the file's `key = value` lines act as options given before the command
/// line's, placed where the subcommand parses them.
@Suite final class ConfigFileArgumentsTests {
  /// The files a test wrote, removed when it ends.
  private var written: [String] = []

  deinit {
    for path in written { try? FileManager.default.removeItem(atPath: path) }
  }

  private func file(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("reformctl-\(UUID()).conf").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    written.append(path)
    return path
  }

  @Test func fileOptionsGoRightAfterTheSubcommandAheadOfTheCommandLine() throws {
    let path = try file("""
      # where the coordinator is
      address = unix:/run/reform.sock
      timeout = 3

      """)
    let expanded = try ConfigFileArguments.expand(
      ["workers", "drain", "w-1", "--config", path, "--timeout", "5"], for: Reformctl.self)
    #expect(expanded == [
      "workers", "drain", "--config", path, "--address", "unix:/run/reform.sock", "--timeout", "3",
      "w-1", "--timeout", "5",
    ])
  }

  @Test func commandLineValueWinsOverTheFile() throws {
    let path = try file("timeout = 3\n")
    let arguments = try ConfigFileArguments.expand(["ping", "--config=\(path)", "--timeout", "5"], for: Reformctl.self)
    let command = try #require(try Reformctl.parseAsRoot(arguments) as? PingCommand)
    #expect(command.options.timeout == 5)
  }

  @Test func configBeforeTheSubcommandStillReachesIt() throws {
    let path = try file("address = 10.0.0.1:7420\n")
    let arguments = try ConfigFileArguments.expand(["--config", path, "health"], for: Reformctl.self)
    let command = try #require(try Reformctl.parseAsRoot(arguments) as? HealthCommand)
    #expect(command.options.resolvedAddress == "10.0.0.1:7420")
  }

  @Test func quotedValuesTrueFlagsAndFalseFlags() throws {
    let path = try file("reason = \" planned maintenance \"\ninsecure = true\ndemo = false\n")
    #expect(try ConfigFileArguments.fileOptions(path) == ["--reason", " planned maintenance ", "--insecure"])
  }

  @Test func commentsStartAtAHashAfterASpaceOutsideQuotes() throws {
    let path = try file("address = unix:/srv/reform#1.sock  # the local one\nreason = \"# not a comment\" # but this is\n")
    #expect(try ConfigFileArguments.fileOptions(path) == ["--address", "unix:/srv/reform#1.sock", "--reason", "# not a comment"])
  }

  @Test func lineWithoutEqualsIsNamedWithFileAndLine() throws {
    let path = try file("# comment\naddress 127.0.0.1:7420\n")
    #expect(throws: ConfigFileArguments.Failure.self) { try ConfigFileArguments.fileOptions(path) }
    do {
      _ = try ConfigFileArguments.fileOptions(path)
    } catch {
      #expect("\(error)".hasPrefix("\(path):2:"))
    }
  }

  @Test func withoutConfigTheArgumentsAreUnchanged() throws {
    #expect(try ConfigFileArguments.expand(["status", "--module", "registry"], for: Reformctl.self) == ["status", "--module", "registry"])
  }
}

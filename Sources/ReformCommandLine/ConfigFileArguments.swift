import ArgumentParser
import Foundation

/// Expands `--config FILE` on a command line into the options the file holds, before
/// swift-argument-parser sees the arguments.
///
/// The file has one `key = value` per line; `#` at the start of a line or after a space, outside
/// quotes, starts a comment, and blank lines are skipped. A key is a long option name without its
/// dashes (`address = unix:/run/reform.sock`); a value may be quoted with `"` or `'` to keep
/// surrounding spaces. A value of `true` gives the bare flag (`insecure = true` is
/// `--insecure`), `false` leaves it out.
///
/// The file's options are put right after the subcommand's name, ahead of the options typed
/// on the command line, so that a command-line option overrides the file's (the last value of
/// an option wins) and the subcommand that declares the options parses them.
///
/// Kept free of any one tool's commands so that `reformd` can use the same rules.
public enum ConfigFileArguments {
  /// A problem with `--config` or the file it names, said with the file and line.
  public struct Failure: Error, CustomStringConvertible {
    /// What is wrong, e.g. `reform.conf:3: expected 'key = value'`.
    public var description: String
  }

  /// The arguments with `--config FILE` replaced by the file's options; unchanged when there
  /// is no `--config`.
  ///
  /// - Parameters:
  ///   - arguments: The command line without the program's name.
  ///   - root: The root command, whose subcommand names locate where the options go.
  /// - Throws: ``Failure`` when `--config` has no value or the file cannot be read or parsed.
  public static func expand(_ arguments: [String], for root: ParsableCommand.Type) throws -> [String] {
    var remaining: [String] = []
    var path: String?
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      if argument == "--" {
        remaining += arguments[index...]
        break
      } else if argument == "--config" {
        guard index + 1 < arguments.endIndex else { throw Failure(description: "--config needs a file") }
        path = arguments[index + 1]
        index += 2
      } else if argument.hasPrefix("--config=") {
        path = String(argument.dropFirst("--config=".count))
        index += 1
      } else {
        remaining.append(argument)
        index += 1
      }
    }
    guard let path else { return arguments }

    // `--config` itself goes back in too, so that the option group that declares it parses.
    let options = ["--config", path] + (try fileOptions(path))
    let insertion = subcommandPathEnd(in: remaining, root: root)
    remaining.insert(contentsOf: options, at: insertion)
    return remaining
  }

  /// The options a configuration file holds, as command-line arguments.
  public static func fileOptions(_ path: String) throws -> [String] {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw Failure(description: "cannot read --config file \(path): \(error.localizedDescription)")
    }

    var options: [String] = []
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = withoutComment(rawLine).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
      if line.isEmpty { continue }
      func failure(_ reason: String) -> Failure {
        Failure(description: "\(path):\(offset + 1): \(reason)")
      }

      guard let equals = line.firstIndex(of: "=") else { throw failure("expected 'key = value'") }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces)
      var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      guard let first = key.first, first.isLetter || first.isNumber,
        key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
      else {
        throw failure("'\(key)' is not a long option name (letters, digits and '-', without the leading '--')")
      }
      guard key != "config" else { throw failure("a config file cannot name another with 'config'") }
      if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
        value = String(value.dropFirst().dropLast())
      }

      switch value {
      case "true": options.append("--\(key)")
      case "false": break
      default: options += ["--\(key)", value]
      }
    }
    return options
  }

  /// The line up to a `#` that opens a comment: one at the start or after a space, outside
  /// quotes, so that `unix:/srv/reform#1.sock` or a quoted `#` stays part of a value. A quote
  /// opens only where a value starts, so an apostrophe inside a word is just a character.
  static func withoutComment(_ line: Substring) -> Substring {
    var quote: Character?
    var previous: Character = " "
    for index in line.indices {
      let character = line[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'", previous.isWhitespace || previous == "=" {
        quote = character
      } else if character == "#", previous.isWhitespace {
        return line[..<index]
      }
      previous = character
    }
    return line
  }

  /// The index just past the subcommand names that open `arguments` (`workers drain` in
  /// `workers drain w-1 --reason x`): where a subcommand's own options may start.
  static func subcommandPathEnd(in arguments: [String], root: ParsableCommand.Type) -> Int {
    var command = root
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let name = arguments[index]
      let next = command.configuration.subcommands.first { subcommand in
        (subcommand.configuration.commandName ?? subcommand._commandName) == name
          || subcommand.configuration.aliases.contains(name)
      }
      guard let next else { break }
      command = next
      index += 1
    }
    return index
  }
}

import Foundation

/// `--config FILE`: a file of `option = value` lines standing for command-line options.
enum ConfigFile {
  struct Invalid: Error, CustomStringConvertible {
    var description: String
  }

  /// The arguments with `--config FILE` replaced by the options the file holds, placed right
  /// after the subcommand so that options given on the command line come later.
  static func expand(_ arguments: [String]) throws -> [String] {
    guard let index = arguments.firstIndex(of: "--config") else { return arguments }
    guard index + 1 < arguments.count else { throw Invalid(description: "--config needs a file") }
    let path = arguments[index + 1]
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw Invalid(description: "--config: cannot read '\(path)'")
    }
    var options: [String] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.trimmingCharacters(in: .whitespaces) ?? ""
      if line.isEmpty { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw Invalid(description: "\(path):\(number + 1): expected `option = value`, got '\(line)'")
      }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      switch value {
      case "true": options.append("--\(key)")
      case "false": continue
      default: options += ["--\(key)", value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))]
      }
    }
    var rest = arguments
    rest.removeSubrange(index...(index + 1))
    let insertAt = rest.first.map { $0.hasPrefix("-") ? 0 : 1 } ?? 0
    rest.insert(contentsOf: options, at: insertAt)
    return rest
  }
}

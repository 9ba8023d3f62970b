import ArgumentParser

extension CommandConfiguration {
  /// A command that calls the coordinator: its help ends with the exit statuses
  /// (``ExitStatus/help``), a paragraph after `details` when there are any.
  static func withExitStatus(_ name: String? = nil, abstract: String, details: String? = nil) -> CommandConfiguration {
    CommandConfiguration(
      commandName: name, abstract: abstract, discussion: details.map { $0 + "\n\n" + ExitStatus.help } ?? ExitStatus.help)
  }
}

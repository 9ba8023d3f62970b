import Foundation

/// A fresh folder under the system's temporary directory for one test's files (a module's
/// SQLite file, its attachments), removed with everything in it when the last reference to
/// it goes away.
///
/// A harness keeps one and hands ``file(_:)`` paths to the module; a second module opened on
/// the same folder (a restarted worker, a second process) shares the folder object, so the
/// files stay until both are done:
///
/// ```swift
/// let folder = try TemporaryFolder("exchange")
/// let module = try ExchangeModule(databasePath: folder.file("reform.sqlite"), dataDirectory: folder.file("exchange"))
/// ```
public final class TemporaryFolder: Sendable {
  /// The folder.
  public let url: URL

  /// Creates `<tmp>/<prefix>-<UUID>`.
  public init(_ prefix: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The folder's path.
  public var path: String { url.path }

  /// The path of `name` inside the folder (which need not exist yet).
  public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }
}

import Logging
import PostgresNIO

/// A channel of `LISTEN`/`NOTIFY` on a module's database, followed through a connection of its
/// own, which a process uses to hear at once of what another process committed.
///
/// A notice is sent inside a transaction (`SELECT pg_notify(channel, payload)`) and delivered
/// when it commits, never when it rolls back. A listening connection can be lost without a word
/// (the server restarts, a firewall drops it) and notices sent meanwhile are gone: a follower
/// is told each time it listens again (`listening`), so that it looks for itself at what it
/// may have missed, and should keep a slow poll behind the channel in any case.
public enum PostgresChannel {
  /// The channel `prefix_schema`, cut to PostgreSQL's 63 bytes: one per schema, so that
  /// processes on another schema of the same database are not woken.
  public static func name(_ prefix: String, schema: String) -> String {
    String("\(prefix)_\(schema)".prefix(63))
  }

  /// Listens on `channel` of the server `settings` names until the task is cancelled, listening
  /// again a second after the connection is lost or cannot be made; calls `listening` each
  /// time the listen is in place, then `notice` with each notice's payload.
  public static func follow(
    _ channel: String, settings: PostgresSettings, schema: String, label: String,
    listening: @escaping @Sendable () async -> Void, notice: @escaping @Sendable (String) async -> Void
  ) async {
    guard var configuration = try? settings.configuration(schema: schema) else { return }
    configuration.options.maximumConnections = 1
    configuration.options.minimumConnections = 0
    let client = PostgresClient(configuration: configuration, backgroundLogger: Logger(label: label))
    await withDiscardingTaskGroup { group in
      group.addTask { await client.run() }
      while !Task.isCancelled {
        do {
          try await client.withConnection { connection in
            try await connection.listen(on: channel) { notices in
              await listening()
              for try await received in notices {
                await notice(received.payload)
              }
            }
          }
        } catch {
          // The connection was lost or could not be made: listen again after a pause.
        }
        try? await Task.sleep(for: .seconds(1))
      }
      group.cancelAll()
    }
  }
}

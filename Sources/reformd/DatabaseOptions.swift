import ArgumentParser
import ReformStore

/// Where a process keeps its state when it is not a SQLite file in the data folder: a
/// PostgreSQL database shared by the processes on every host — a module's workers, or the
/// coordinators (their tokens and audit log).
struct DatabaseOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A PostgreSQL database for the state, shared by the processes on every host: postgres://USER@HOST:PORT/DATABASE[?sslmode=verify-full&sslrootcert=FILE]. Without it, the state is kept in SQLite files in the data folder.",
      valueName: "url"))
  var databaseUrl: String?

  @Option(help: "A file whose first line is the database user's password (mode 0600); never put the password in the URL.")
  var databasePasswordFile: String?

  /// The settings the options give; nil for the SQLite default.
  ///
  /// - Throws: `ValidationError` naming the option that cannot be used.
  func settings() throws -> PostgresSettings? {
    guard let databaseUrl else {
      if databasePasswordFile != nil {
        throw ValidationError("--database-password-file goes with --database-url")
      }
      return nil
    }
    do {
      return try PostgresSettings(url: databaseUrl, passwordFile: databasePasswordFile)
    } catch {
      throw ValidationError("--database-url: \(error)")
    }
  }
}

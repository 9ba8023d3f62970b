import ArgumentParser
import ReformStore

/// Where a worker's module keeps its state when it is not the SQLite file in the data folder:
/// a PostgreSQL database that the module's workers on every host share.
struct DatabaseOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A PostgreSQL database for the module's state, shared by its workers on every host: postgres://USER@HOST:PORT/DATABASE[?sslmode=verify-full&sslrootcert=FILE]. Without it, the module keeps a SQLite file in the data folder.",
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

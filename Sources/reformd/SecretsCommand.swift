import ArgumentParser
import Foundation
import ReformSecurity

/// `reformd secrets`: the module secrets with which workers on other hosts attach, kept on the
/// coordinator's host in `DATA/worker-secrets.list` (hashes and modules only). The coordinator
/// reads the list at every hello: a secret made or revoked here counts at once, no restart.
struct SecretsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "secrets",
    abstract: "Make, list and revoke the module secrets of workers on other hosts.",
    discussion: """
      Each secret names the modules a worker presenting it may attach as; a hello for another
      module is refused (PERMISSION_DENIED) and audited. Workers on the coordinator's own host
      may use the host secret (DATA/worker.secret) over the coordinator's Unix socket instead,
      as `reformd up` does.
      """,
    subcommands: [Create.self, List.self, Revoke.self]
  )

  /// Where the list is: `--worker-secrets-file`, or the data folder's.
  struct Location: ParsableArguments {
    @OptionGroup var server: ServerOptions

    @Option(help: ArgumentHelp("The coordinator's module secrets file (default DATA/worker-secrets.list).", valueName: "file"))
    var workerSecretsFile: String?

    var path: String { workerSecretsFile ?? server.data + "/worker-secrets.list" }
  }

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make a secret for a worker host; it is written once, mode 0600, and only its hash is kept.")

    @OptionGroup var location: Location

    @Option(help: "A module the secret may serve: \(ModuleHost.available.joined(separator: ", ")). Repeat for several.")
    var module: [String]

    @Option(help: ArgumentHelp("Write the secret here, mode 0600, to copy to the worker host as its secret file; printed on standard output when omitted.", valueName: "file"))
    var out: String?

    @Option(help: "A note kept with the secret, e.g. the host it is for.")
    var note: String = ""

    func run() throws {
      for name in module where !ModuleHost.available.contains(name) {
        throw ValidationError("--module \(name): not a module; expected \(ModuleHost.available.joined(separator: ", "))")
      }
      let (list, secret, entry) = try WorkerSecretList.read(from: location.path).adding(modules: module, note: note)
      if let out { try TokenFile.write(secret.plaintext, to: out) }
      try list.write(to: location.path)
      SecretsCommand.tell("made \(entry.id) for \(entry.modules.joined(separator: ", ")) in \(location.path)")
      if out == nil { print(secret.plaintext) }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the module secrets: id, modules and note, never a secret.")

    @OptionGroup var location: Location

    func run() throws {
      for entry in try WorkerSecretList.read(from: location.path).entries {
        print([entry.id, entry.modules.joined(separator: ","), entry.note].joined(separator: "\t"))
      }
    }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke a module secret: the next hello with it is refused.")

    @OptionGroup var location: Location

    @Argument(help: "The secret's id, ws_…, as `reformd secrets list` shows it.")
    var id: String

    func run() throws {
      try WorkerSecretList.read(from: location.path).removing(id: id).write(to: location.path)
      SecretsCommand.tell("revoked \(id); a worker attached with it stays until it reconnects")
    }
  }

  /// A line for the operator on standard error, so that standard output holds only a secret.
  static func tell(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}

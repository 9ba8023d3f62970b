import Foundation

/// The module secrets a coordinator accepts from workers on other hosts, each bound to the
/// modules it may serve: `DATA/worker-secrets.list`, mode 0600, kept by `reformd secrets`.
///
/// One line per secret, `ID SHA256 MODULE[,MODULE…] [NOTE]`, e.g.
/// `ws_4f1c2a9e0b7d3c55 9b74…e1 exchange host exch-2`; `#` starts a comment. Only the SHA-256
/// of each secret is kept, so a copy of the file admits no worker. The coordinator reads the
/// file at every hello, so a secret added or revoked takes effect without a restart.
///
/// ## Topics
/// - ``init(parsing:)``, ``text``: the file's lines.
/// - ``read(from:)``, ``write(to:)``: the file itself, through ``TokenFile``'s checks.
/// - ``adding(modules:note:)``, ``removing(id:)``: what `reformd secrets create` and `revoke` do.
/// - ``entry(forSecret:)``: the check behind a worker's hello.
public struct WorkerSecretList: Sendable, Equatable {
  /// One module secret: never the secret itself.
  public struct Entry: Sendable, Equatable {
    /// `ws_` and 16 hex digits: public, to name the secret in logs, the audit log and `revoke`.
    public var id: String
    public var hash: TokenHash
    /// The modules a worker presenting the secret may attach as; never empty.
    public var modules: [String]
    public var note: String
  }

  public var entries: [Entry]

  public init(entries: [Entry] = []) {
    self.entries = entries
  }

  /// Whether `name` has the shape of a module name: 1 to 64 lowercase letters, digits and `-`.
  public static func isModuleName(_ name: String) -> Bool {
    (1...64).contains(name.utf8.count)
      && name.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
  }

  /// Parses the file's text.
  ///
  /// - Throws: ``TokenFileError`` naming the line that is not `ID SHA256 MODULES [NOTE]`.
  public init(parsing text: String) throws(TokenFileError) {
    var entries: [Entry] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).map(String.init)
      guard fields.count >= 3, fields[0].hasPrefix("ws_"), let hash = TokenHash(hex: fields[1]) else {
        throw TokenFileError("worker secrets, line \(number + 1): expected `ID SHA256 MODULE[,MODULE…] [NOTE]`")
      }
      let modules = fields[2].split(separator: ",").map(String.init)
      guard !modules.isEmpty, modules.allSatisfy(Self.isModuleName) else {
        throw TokenFileError("worker secrets, line \(number + 1): '\(fields[2])' is not a list of module names")
      }
      entries.append(Entry(id: fields[0], hash: hash, modules: modules, note: fields.count > 3 ? fields[3] : ""))
    }
    self.entries = entries
  }

  /// The file's text: a comment saying what it is, then one line per secret.
  public var text: String {
    (["# Worker module secrets: ID SHA256 MODULES NOTE. Kept by `reformd secrets`; mode 0600."]
      + entries.map { entry in
        [entry.id, entry.hash.hex, entry.modules.joined(separator: ","), entry.note].filter { !$0.isEmpty }
          .joined(separator: " ")
      })
      .joined(separator: "\n")
  }

  /// The list in `path`; an empty list when there is no such file.
  ///
  /// - Throws: ``TokenFileError`` when the file cannot be read, others may read it, or a line
  ///   is malformed.
  public static func read(from path: String) throws(TokenFileError) -> WorkerSecretList {
    guard FileManager.default.fileExists(atPath: path) else { return WorkerSecretList() }
    return try WorkerSecretList(parsing: TokenFile.read(from: path))
  }

  /// Writes the list to `path`, atomically, mode 0600.
  public func write(to path: String) throws(TokenFileError) {
    try TokenFile.write(text, to: path)
  }

  /// The list with a new secret for `modules`, and that secret, which is shown once.
  ///
  /// - Throws: ``TokenFileError`` when a module name is malformed or none is given.
  public func adding(modules: [String], note: String = "") throws(TokenFileError) -> (list: WorkerSecretList, secret: TokenSecret, entry: Entry) {
    let modules = Array(Set(modules)).sorted()
    guard !modules.isEmpty else { throw TokenFileError("--module: give at least one module the secret may serve") }
    for module in modules where !Self.isModuleName(module) {
      throw TokenFileError("--module \(module): not a module name (lowercase letters, digits and -)")
    }
    let secret = TokenSecret.generate()
    let digits = String(UInt64.random(in: .min ... .max), radix: 16)
    let entry = Entry(
      id: "ws_" + String(repeating: "0", count: 16 - digits.count) + digits, hash: secret.hash, modules: modules,
      note: note.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces))
    var list = self
    list.entries.append(entry)
    return (list, secret, entry)
  }

  /// The list without the secret `id`.
  ///
  /// - Throws: ``TokenFileError`` when no secret has that id.
  public func removing(id: String) throws(TokenFileError) -> WorkerSecretList {
    guard entries.contains(where: { $0.id == id }) else {
      throw TokenFileError("no worker secret \(id); `reformd secrets list` shows them")
    }
    return WorkerSecretList(entries: entries.filter { $0.id != id })
  }

  /// The entry whose hash is that of `secret`, comparing every entry in constant time.
  public func entry(forSecret secret: String) -> Entry? {
    guard let parsed = TokenSecret(parsing: secret) else { return nil }
    let hash = parsed.hash
    var found: Entry?
    for entry in entries where entry.hash == hash && found == nil {
      found = entry
    }
    return found
  }
}

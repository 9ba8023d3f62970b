import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file holding one bearer token, such as `DATA/admin.token`, readable by its owner alone.
///
/// ``write(_:to:)`` never leaves a moment when the file exists with a wider mode or half
/// written: it creates a new file beside the target with mode 0600 (`O_CREAT | O_EXCL`, so an
/// attacker's pre-placed file or symlink is never reused), writes, syncs, and renames it over
/// the target. ``read(from:)`` refuses a file that group or others can read, as ssh does with
/// keys: a token that may have been seen is to be revoked, not used.
///
/// ## Topics
/// - ``write(_:to:)``: writes a token, atomically, mode 0600.
/// - ``read(from:)``: reads it back, trimmed, if only its owner can read it.
public enum TokenFile {
  /// Writes `token` and a newline to `path`, replacing any file there, with mode 0600.
  ///
  /// - Throws: ``TokenFileError`` naming the step that failed; the temporary file is removed.
  public static func write(_ token: String, to path: String) throws(TokenFileError) {
    let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
    // The process umask can only narrow 0600, never widen it.
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
    var keep = false
    defer {
      if !keep { unlink(temporary) }
    }
    do {
      defer { close(descriptor) }
      // Even if a stricter umask applied, set exactly 0600 so the file is usable by its owner.
      guard fchmod(descriptor, 0o600) == 0 else { throw failure("cannot set mode 600 on \(temporary)") }
      var bytes = Array((token + "\n").utf8)[...]
      while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
          if errno == EINTR { continue }
          throw failure("cannot write \(temporary)")
        }
        bytes = bytes.dropFirst(written)
      }
      // The data must be on disk before the rename makes it the token file.
      guard fsync(descriptor) == 0 else { throw failure("cannot sync \(temporary)") }
    }
    guard rename(temporary, path) == 0 else { throw failure("cannot rename \(temporary) to \(path)") }
    keep = true
    syncDirectory(of: path)
  }

  /// Reads the token in `path`, without surrounding whitespace.
  ///
  /// - Throws: ``TokenFileError`` when the file is missing, not a regular file, readable or
  ///   writable by group or others (with the `chmod 600` that fixes it), or empty.
  public static func read(from path: String) throws(TokenFileError) -> String {
    // O_NOFOLLOW: the mode checked is that of the file read, not of a symlink's target chosen
    // by someone else.
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure("cannot open \(path)") }
    defer { close(descriptor) }

    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw failure("cannot stat \(path)") }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      throw TokenFileError("\(path) is not a regular file")
    }
    let permissions = status.st_mode & 0o777
    guard permissions & 0o077 == 0 else {
      throw TokenFileError(
        "\(path) is readable by group or others (mode \(String(permissions, radix: 8))): "
          + "run chmod 600 \(path), and revoke the token if others may have read it")
    }

    var contents = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure("cannot read \(path)")
      }
      if count == 0 { break }
      contents.append(contentsOf: buffer[..<count])
      // A token is 46 bytes; anything near this size is not a token file.
      guard contents.count <= 64 * 1024 else { throw TokenFileError("\(path) is too large for a token file") }
    }
    let token = String(decoding: contents, as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard !token.isEmpty else { throw TokenFileError("\(path) is empty") }
    return token
  }

  /// Syncs the folder so that the rename itself survives a crash; best effort, since some
  /// file systems refuse to sync a directory.
  private static func syncDirectory(of path: String) {
    let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    let descriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  private static func failure(_ what: String) -> TokenFileError {
    TokenFileError("\(what): \(String(cString: strerror(errno)))")
  }
}

// TokenFile's own `write` and `read` hide the system calls inside it; these reach them.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

private func posixRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, bytes, count)
}

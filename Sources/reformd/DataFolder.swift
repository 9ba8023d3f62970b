import ArgumentParser
import Foundation

/// The data folder's privacy: it holds the token hashes, the worker secret, the audit log
/// and every module's SQLite files, so only the account that runs Reform may read it.
///
/// Two steps, because either alone leaves a gap: ``restrictNewFiles()`` sets the process's
/// umask at start, so every file and folder any part of the process makes — SQLite's
/// databases with their `-wal` and `-shm`, exchange blobs, logs — is created 0600 or 0700
/// whatever the shell's umask was; ``create(_:)`` then sets the folder's own mode explicitly,
/// so a folder made by Reform is 0700 even if the umask was changed afterwards.
enum DataFolder {
  /// Files are created 0600 and folders 0700 from here on, in this process and the children
  /// it starts.
  static func restrictNewFiles() {
    umask(0o077)
  }

  /// Makes the folder at `path`, and any missing parents, with mode 0700. A folder that
  /// already exists keeps the mode its operator gave it.
  static func create(_ path: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else { throw ValidationError("--data \(path): a file of that name is in the way") }
      return
    }
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    guard chmod(path, 0o700) == 0 else {
      throw ValidationError("--data \(path): cannot set mode 0700: \(String(cString: strerror(errno)))")
    }
  }
}

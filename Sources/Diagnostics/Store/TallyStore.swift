import Foundation

/// Durable counters for `Diagnostics.Tally`: one file per key under the data folder, one byte
/// appended (with `O_APPEND`, then `fsync`) per increment, so the count is the file's size.
/// Every worker process of the module on the machine shares them, and an acknowledged
/// increment survives `kill -9`: what tests of "ran exactly once" need.
struct TallyStore: TallyStoring {
  let directory: String

  init(directory: String) throws {
    self.directory = directory
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  func increment(_ key: String) throws -> Int64 {
    let fd = open(path(key), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw TallyError(key: key, errno: errno) }
    defer { close(fd) }
    var one: UInt8 = 1
    guard write(fd, &one, 1) == 1, fsync(fd) == 0 else { throw TallyError(key: key, errno: errno) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw TallyError(key: key, errno: errno) }
    return Int64(status.st_size)
  }

  func value(_ key: String) -> Int64 {
    var status = stat()
    return stat(path(key), &status) == 0 ? Int64(status.st_size) : 0
  }

  private func path(_ key: String) -> String { directory + "/" + key }
}

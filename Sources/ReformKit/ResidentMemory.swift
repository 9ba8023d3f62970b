import Foundation

/// The resident memory of this process, read from `/proc/self/statm` (Linux); 0 where that
/// file cannot be read.
public enum ResidentMemory {
  public static func bytes() -> Int64 {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int64(fields[1]) else { return 0 }
    return pages * Int64(sysconf(Int32(_SC_PAGESIZE)))
  }
}

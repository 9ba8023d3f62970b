import Foundation

/// A script a benchmark runs from the source tree, such as
/// `Benchmarks/planner-reference/reference.py`.
enum BenchmarkScript {
  /// `relative` in the current folder, or in the package that holds this executable (the first
  /// folder above `.build/…/reform-bench` with a Package.swift).
  static func path(_ relative: String) throws -> String {
    var candidates = [FileManager.default.currentDirectoryPath + "/" + relative]
    let own = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    var folder = URL(fileURLWithPath: own).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
        candidates.append(folder.appendingPathComponent(relative).path)
        break
      }
      folder = folder.deletingLastPathComponent()
    }
    guard let found = candidates.first(where: FileManager.default.fileExists(atPath:)) else {
      throw BenchmarkFailure(description: "no \(relative) here or beside the package")
    }
    return found
  }
}

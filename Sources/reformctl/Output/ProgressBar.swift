import Foundation

/// A progress bar on standard error, redrawn in place when standard error is a terminal; a
/// line per phase otherwise, so that logs of scripted runs stay readable.
struct ProgressBar {
  private let interactive = isatty(2) != 0
  private var lastPhase = ""
  private var lastDrawn = Date.distantPast

  /// Shows `done` of `total` in `phase`; `total` 0 when unknown.
  mutating func update(phase: String, done: Int64, total: Int64) {
    if !interactive {
      if phase != lastPhase { StandardError.print("\(phase)…") }
      lastPhase = phase
      return
    }
    // At most ten redraws a second, and always the last one of a phase.
    let now = Date()
    guard phase != lastPhase || done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
    lastPhase = phase
    lastDrawn = now
    let width = 30
    let filled = total > 0 ? Int(Double(width) * Double(min(done, total)) / Double(total)) : 0
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let counts = total > 0 ? "\(done.formatted())/\(total.formatted())" : done.formatted()
    FileHandle.standardError.write(Data("\r\(bar) \(counts) \(phase)\u{1B}[K".utf8))
  }

  /// Ends the bar's line.
  func finish() {
    if interactive && !lastPhase.isEmpty { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}

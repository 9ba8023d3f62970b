import Foundation
import ReformWire

/// What `reformctl status` prints: a table of modules, then the window and the coordinator.
struct StatusReport {
  var status: AdminStatusResponse

  init(_ status: AdminStatusResponse) {
    self.status = status
  }

  func render() -> String {
    var lines: [String] = []
    if status.modules.isEmpty {
      lines.append("no modules")
    } else {
      var table = TextTable([
        .text("MODULE"), .number("WORKERS"), .number("DRAINING"), .number("QUEUE"),
        .number("IN FLIGHT"), .number("CALLS"), .number("CALLS/S"), .number("P50 MS"),
        .number("P99 MS"), .number("ERRORS"),
      ])
      for module in status.modules {
        table.append([
          module.module, String(module.workers), String(module.draining),
          "\(module.queueDepth)/\(module.queueCapacity)", String(module.inFlight), String(module.calls),
          Format.fromMilli(module.callsPerSecondMilli), Format.millisecondsFromMicros(module.p50LatencyUs),
          Format.millisecondsFromMicros(module.p99LatencyUs), String(module.errors),
        ])
      }
      lines.append(table.render())
    }
    lines.append("window \(Format.age(milliseconds: status.windowMs)) to \(Format.wallClock(status.time))")
    if let coordinator = status.coordinator {
      lines.append(coordinatorLine(coordinator))
    }
    return lines.joined(separator: "\n")
  }

  /// E.g. `coordinator 0.1.0, pid 4242 on node-a, up 2h05m (since 2025-03-01 12:00:00 +07:00),
  /// 42.7 MB resident, listening on 127.0.0.1:7420, unix:/srv/reform/reform.sock`.
  private func coordinatorLine(_ coordinator: AdminCoordinatorInfo) -> String {
    var parts = ["coordinator \(Format.orDash(coordinator.version))", "pid \(coordinator.pid) on \(Format.orDash(coordinator.host))"]
    if let started = Format.date(coordinator.startedAt) {
      // Uptime on the coordinator's clock when it answered, so a skewed local clock does not
      // distort it.
      let now = Format.date(status.time) ?? Date()
      let uptime = Int64(now.timeIntervalSince(started) * 1000)
      parts.append("up \(Format.age(milliseconds: uptime)) (since \(Format.wallClock(coordinator.startedAt)))")
    }
    parts.append("\(Format.megabytes(coordinator.residentBytes)) resident")
    let addresses = coordinator.listenAddresses.isEmpty ? "-" : coordinator.listenAddresses.joined(separator: ", ")
    parts.append("listening on \(addresses)")
    return parts.joined(separator: ", ")
  }
}

import ArgumentParser
import ReformHub

/// `reformd coordinator`'s options for module secrets, failed authentications and the
/// counting of refusals in the audit log.
struct SecurityOptions: ParsableArguments {
  @Option(help: ArgumentHelp(
    "The module secrets of workers on other hosts, kept by `reformd secrets` (default DATA/worker-secrets.list).",
    valueName: "file"))
  var workerSecretsFile: String?

  @Option(help: "Failed authentications a second one peer address (IPv4, or IPv6 /64) may make on average; past that its calls get RESOURCE_EXHAUSTED. Unix-socket callers are not limited.")
  var authFailureRate: Double = 1

  @Option(help: "Failed authentications one peer address may make in a row.")
  var authFailureBurst: Double = 30

  @Option(help: "Milliseconds over which refusals of one peer, principal, method and reason are counted into one audit entry (0: one entry each).")
  var auditDenialWindowMs: Int = 60_000

  /// The configuration the options describe, checked; files default to the data folder's.
  func configuration(data: String) throws -> SecurityConfiguration {
    guard authFailureRate > 0, authFailureRate.isFinite else {
      throw ValidationError("--auth-failure-rate \(authFailureRate): give a number of failures a second above 0")
    }
    guard authFailureBurst >= 1, authFailureBurst <= 1_000_000 else {
      throw ValidationError("--auth-failure-burst \(authFailureBurst): give a number from 1 to 1000000")
    }
    guard (0...86_400_000).contains(auditDenialWindowMs) else {
      throw ValidationError("--audit-denial-window-ms \(auditDenialWindowMs): give milliseconds from 0 to 86400000 (a day)")
    }
    return SecurityConfiguration(
      workerSecretsPath: workerSecretsFile ?? data + "/worker-secrets.list",
      failedAuthentications: (authFailureRate, authFailureBurst), denialWindow: .milliseconds(auditDenialWindowMs))
  }
}

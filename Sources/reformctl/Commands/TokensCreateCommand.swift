import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl tokens create`: a new token for a principal. The token is printed once, on
/// standard output alone, so it can be piped into a file; only its hash is kept.
struct TokensCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus("create", abstract: "Create a token; it is shown once and only its hash is kept.")

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "The principal's display name, e.g. \"Văn thư Sở Nội vụ\".")
  var name: String

  @Option(help: "A role: admin, operator, clerk, inspector or viewer. Repeat for several.")
  var role: [String]

  @Option(help: "The unit the principal acts for (required for a clerk).")
  var unit: String = ""

  @Option(help: "A stable id for the principal; one is assigned when empty.")
  var principalId: String = ""

  @Option(help: "Days until the token expires; none when omitted.")
  var expiresInDays: Int?

  @Option(help: "A note kept with the token.")
  var note: String = ""

  @Option(help: ArgumentHelp("Bind the principal to this PEM client certificate instead of a bearer secret: under mutual TLS, a caller showing it acts as the principal. Needed for the worker role.", valueName: "file"))
  var certificate: String?

  @Option(help: "For the worker role: a module the worker may attach as (registry, classification, exchange, inspection, diagnostics). Repeat for several; required with --role worker.")
  var module: [String] = []

  func run() async throws {
    let roles = try role.map { name -> Role in
      guard let role = Role.allKnown.first(where: { Format.enumName($0.description, prefix: "ROLE_").lowercased() == name.lowercased() }),
        role != .unspecified
      else { throw ValidationError("--role \(name): expected admin, operator, clerk, inspector, viewer or worker") }
      return role
    }
    let fingerprint = try certificate.map { path in
      do {
        return try CertificateFingerprint.sha256(pemFile: path)
      } catch {
        throw ValidationError("--certificate \(path): \(error)")
      }
    }
    let request = AdminCreateTokenRequest(
      idempotencyKey: UUID().uuidString,
      principal: Principal(id: principalId, displayName: name, unitCode: unit, roles: roles),
      expiresAt: expiresInDays.map { Timestamp(Date().addingTimeInterval(Double($0) * 86_400)) },
      note: note,
      clientCertificateSha256: fingerprint ?? "",
      workerModules: module)
    let response = try await options.call(AdminService.CreateToken.self, request)
    if let fingerprint {
      let serves = response.info?.workerModules.isEmpty == false ? ", serving \(response.info?.workerModules.joined(separator: ", ") ?? "")" : ""
      StandardError.print("bound \(response.info?.tokenId ?? "") for \(name) to the certificate with SHA-256 \(fingerprint)\(serves)")
    } else {
      StandardError.print("created \(response.info?.tokenId ?? "") for \(name); the token is shown once:")
      print(response.token)
    }
  }
}

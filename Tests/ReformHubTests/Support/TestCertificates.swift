import Foundation

/// Certificates a test makes for itself with the `openssl` command: a certificate authority,
/// a server certificate for 127.0.0.1 and localhost, client certificates it signed, and a
/// second, untrusted authority with a client certificate of its own.
struct TestCertificates {
  let directory: String

  var caCertificate: String { directory + "/ca.pem" }
  var serverCertificate: String { directory + "/server.pem" }
  var serverKey: String { directory + "/server.key" }
  var strangerCA: String { directory + "/stranger-ca.pem" }

  /// Makes the authority and the server certificate under `directory`.
  init(in directory: String) throws {
    self.directory = directory
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try makeAuthority("ca", subject: "/CN=Reform test CA")
    try makeAuthority("stranger-ca", subject: "/CN=Someone else's CA")
    try sign("server", by: "ca", subject: "/CN=localhost", extensions: "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth")
  }

  /// A client certificate and key named `name`, signed by the test authority, or by the
  /// stranger's when `trusted` is false; returns the certificate's and the key's paths.
  func client(_ name: String, trusted: Bool = true) throws -> (certificate: String, key: String) {
    try sign(name, by: trusted ? "ca" : "stranger-ca", subject: "/CN=\(name)", extensions: "extendedKeyUsage=clientAuth")
    return (directory + "/\(name).pem", directory + "/\(name).key")
  }

  /// The SHA-256 of a certificate's DER encoding, lowercase hex, as openssl computes it.
  func sha256(of certificate: String) throws -> String {
    let output = try openssl(["x509", "-in", certificate, "-noout", "-fingerprint", "-sha256"])
    // "sha256 Fingerprint=AB:CD:..."
    guard let value = output.split(separator: "=").last else { throw ClusterError(description: "openssl: \(output)") }
    return value.replacingOccurrences(of: ":", with: "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
  }

  private func makeAuthority(_ name: String, subject: String) throws {
    try openssl([
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
      "-subj", subject, "-keyout", directory + "/\(name).key", "-out", directory + "/\(name).pem",
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    ])
  }

  private func sign(_ name: String, by authority: String, subject: String, extensions: String) throws {
    let request = directory + "/\(name).csr"
    let extensionsFile = directory + "/\(name).ext"
    try extensions.write(toFile: extensionsFile, atomically: true, encoding: .utf8)
    try openssl([
      "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", subject,
      "-keyout", directory + "/\(name).key", "-out", request,
    ])
    try openssl([
      "x509", "-req", "-in", request, "-CA", directory + "/\(authority).pem", "-CAkey", directory + "/\(authority).key",
      "-CAcreateserial", "-days", "2", "-extfile", extensionsFile, "-out", directory + "/\(name).pem",
    ])
  }

  @discardableResult
  private func openssl(_ arguments: [String]) throws -> String {
    let run = try ChildProcess.run("openssl", arguments)
    guard run.status == 0 else {
      throw ClusterError(description: "openssl \(arguments.joined(separator: " ")) failed: \(run.output)")
    }
    return run.output
  }
}

/// A TCP port on 127.0.0.1 that nothing listens on at the moment of asking.
func freeLoopbackPort() throws -> Int {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard descriptor >= 0 else { throw ClusterError(description: "socket() failed") }
  defer { close(descriptor) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  let bound = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
  }
  guard bound == 0 else { throw ClusterError(description: "bind() failed") }
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  _ = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
  }
  return Int(UInt16(bigEndian: address.sin_port))
}

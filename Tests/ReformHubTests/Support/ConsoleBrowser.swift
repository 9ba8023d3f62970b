import Foundation

/// A browser as small as the console's tests need: HTTP/1.1 over a plain socket to the web
/// front on loopback, one request per connection, cookies kept as a browser keeps them for
/// `/console`, redirects returned rather than followed.
final class ConsoleBrowser: @unchecked Sendable {
  struct Page {
    let status: Int
    let headers: [(String, String)]
    let body: String
    /// The body as it came, for downloads.
    var bytes: [UInt8] = []

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    var setCookies: [String] { headers.filter { $0.0.lowercased() == "set-cookie" }.map(\.1) }
    /// The form token of the page's first form.
    var formToken: String? { field("csrf") }

    /// The value of the first hidden field named `name`.
    func field(_ name: String) -> String? {
      guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
      let rest = body[range.upperBound...]
      return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
  }

  let port: Int
  private(set) var cookies: [String: String] = [:]

  init(port: Int) {
    self.port = port
  }

  func get(_ path: String) throws -> Page {
    try send("GET \(path) HTTP/1.1\r\n", body: nil)
  }

  /// Posts `fields` as `application/x-www-form-urlencoded`.
  func post(_ path: String, _ fields: [(String, String)]) throws -> Page {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    return try send("POST \(path) HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n", body: Array(body.utf8))
  }

  /// Sends a raw request head (its first lines) and body, with Host, cookies and length added.
  func send(_ head: String, body: [UInt8]?) throws -> Page {
    var request = head + "Host: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    if !cookies.isEmpty { request += "Cookie: " + cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n" }
    if let body { request += "Content-Length: \(body.count)\r\n" }
    let bytes = Array((request + "\r\n").utf8) + (body ?? [])
    let page = try Self.exchange(bytes, port: port)
    for cookie in page.setCookies {
      let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
      guard let name = pair.first else { continue }
      let value = pair.count > 1 ? pair[1] : ""
      if value.isEmpty || cookie.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
    }
    return page
  }

  func setCookie(_ name: String, _ value: String?) { cookies[name] = value }

  private static func exchange(_ bytes: [UInt8], port: Int) throws -> Page {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ClusterError(description: "socket() failed") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 60, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw ClusterError(description: "cannot connect to 127.0.0.1:\(port)") }
    var sent = 0
    while sent < bytes.count {
      let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      guard n > 0 else { throw ClusterError(description: "write failed") }
      sent += n
    }
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let n = read(fd, &chunk, chunk.count)
      if n <= 0 { break }
      received += chunk[..<n]
    }
    guard let split = received.firstRange(of: [13, 10, 13, 10]) else {
      throw ClusterError(description: "no HTTP response: \(String(decoding: received.prefix(200), as: UTF8.self))")
    }
    let lines = String(decoding: received[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let status = Int(lines[0].split(separator: " ")[1]) ?? 0
    let headers = lines.dropFirst().compactMap { line -> (String, String)? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    var body = Array(received[split.upperBound...])
    if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased() == "chunked" }) {
      body = dechunk(body)
    }
    return Page(status: status, headers: headers, body: String(decoding: body, as: UTF8.self), bytes: body)
  }

  private static func dechunk(_ received: [UInt8]) -> [UInt8] {
    var bytes = received[...]
    var out: [UInt8] = []
    while let lineEnd = bytes.firstRange(of: [13, 10]) {
      let size = Int(String(decoding: bytes[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")[0], radix: 16) ?? 0
      if size == 0 { break }
      let start = lineEnd.upperBound
      let end = bytes.index(start, offsetBy: size)
      out += bytes[start..<end]
      bytes = bytes[end...].dropFirst(2)
    }
    return out
  }
}

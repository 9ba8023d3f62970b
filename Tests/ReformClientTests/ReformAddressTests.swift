import ReformClient
import Testing

/// How `ReformClient.parseAddress` reads the addresses operators write.
@Suite struct ReformAddressTests {
  @Test func hostAndPortIsTCP() throws {
    #expect(try ReformClient.parseAddress("127.0.0.1:7420") == .tcp(host: "127.0.0.1", port: 7420))
    #expect(try ReformClient.parseAddress("reform.laichau.gov.vn:443") == .tcp(host: "reform.laichau.gov.vn", port: 443))
  }

  @Test func bracketedIPv6KeepsItsColons() throws {
    let address = try ReformClient.parseAddress("[::1]:7420")
    #expect(address == .tcp(host: "::1", port: 7420))
    #expect(address.description == "[::1]:7420")
  }

  @Test func unixSocketInEveryFormGRPCNames() throws {
    #expect(try ReformClient.parseAddress("unix:/var/lib/reform/reform.sock") == .unix(path: "/var/lib/reform/reform.sock"))
    #expect(try ReformClient.parseAddress("unix:///tmp/r.sock") == .unix(path: "/tmp/r.sock"))
    #expect(try ReformClient.parseAddress("unix:reform-data/reform.sock") == .unix(path: "reform-data/reform.sock"))
  }

  @Test(arguments: ["localhost", "127.0.0.1:", ":7420", "127.0.0.1:0", "127.0.0.1:65536", "host:port", "::1:7420", "[::1", "unix:"])
  func malformedAddressIsInvalidArgumentNamingIt(_ text: String) {
    do {
      _ = try ReformClient.parseAddress(text)
      Issue.record("'\(text)' parsed")
    } catch {
      #expect(error.code == .invalidArgument)
      #expect(error.message.contains("'\(text)'"))
    }
  }
}

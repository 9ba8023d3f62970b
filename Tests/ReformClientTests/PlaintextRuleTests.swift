import Foundation
import Testing

@testable import ReformClient
@testable import reformctl

/// The client sends a bearer token in plaintext only where it cannot leave the machine: a Unix
/// socket, or a host whose every resolved address is loopback — decided from the addresses,
/// not the name, and before any connection is attempted. Nothing here sends a packet to an
/// address that is not loopback.
@Suite struct PlaintextRuleTests {
  @Test(arguments: ["localhost", "127.0.0.1", "127.3.4.5", "::1"])
  func aLoopbackHostResolvesToLoopbackOnly(host: String) throws {
    let addresses = try ResolvedAddress.lookUp(host)
    #expect(!addresses.isEmpty)
    #expect(addresses.allSatisfy { $0.isLoopback }, "\(host) → \(addresses)")
    #expect(ReformClient.Address.tcp(host: host, port: 7420).resolvesToLoopback)
  }

  @Test(arguments: ["10.0.0.1", "192.168.1.10", "8.8.8.8", "::ffff:10.0.0.1", "2001:db8::1", "0.0.0.0"])
  func anAddressOffLoopbackIsNotLoopback(host: String) throws {
    let addresses = try ResolvedAddress.lookUp(host)
    #expect(!addresses.contains { $0.isLoopback }, "\(host) → \(addresses)")
    #expect(!ReformClient.Address.tcp(host: host, port: 7420).resolvesToLoopback)
  }

  @Test func aNameThatMerelyStartsWith127IsNotLoopback() {
    // `.example` never resolves (RFC 2606): the name alone must not pass for loopback.
    #expect(!ReformClient.Address.tcp(host: "127.evil.example", port: 7420).resolvesToLoopback)
    #expect(throws: ReformError.self) { try ResolvedAddress.lookUp("127.evil.example") }
  }

  @Test func aLoopbackNameIsPinnedToItsAddressAndOthersAreNot() throws {
    #expect(try ReformClient.parseAddress("localhost:7420").pinnedToLoopback == .tcp(host: "127.0.0.1", port: 7420))
    #expect(try ReformClient.parseAddress("[::1]:7420").pinnedToLoopback == .tcp(host: "::1", port: 7420))
    #expect(try ReformClient.parseAddress("unix:/run/reform.sock").pinnedToLoopback == .unix(path: "/run/reform.sock"))
    #expect(try ReformClient.parseAddress("127.evil.example:7420").pinnedToLoopback == nil)
    #expect(try ReformClient.parseAddress("10.0.0.1:7420").pinnedToLoopback == nil)
  }

  @Test func aUnixSocketIsLocal() throws {
    #expect(try ReformClient.parseAddress("unix:/run/reform.sock").resolvesToLoopback)
    _ = try ReformClient.parseAddress("unix:/run/reform.sock").plaintextTarget(insecure: false)
  }

  @Test(arguments: ["10.0.0.1:7420", "127.evil.example:7420", "[2001:db8::1]:7420"])
  func plaintextOffLoopbackIsRefusedBeforeConnecting(address: String) async {
    let ran = Flag()
    do {
      try await ReformClient.connect(to: address, token: "rf_secret") { _ in ran.set() }
      Issue.record("plaintext to \(address) was allowed")
    } catch let error as ReformError {
      #expect(error.code == .invalidArgument)
      #expect(error.message.contains("refusing plaintext"), "\(error.message)")
      #expect(error.message.contains("--insecure"), "\(error.message)")
    } catch {
      Issue.record("not a ReformError: \(error)")
    }
    #expect(!ran.value, "the client was opened")
  }

  @Test func insecureAllowsPlaintextOffLoopback() throws {
    // The route only: with `insecure` the address is dialled as written.
    let address = try ReformClient.parseAddress("10.0.0.1:7420")
    #expect(throws: ReformError.self) { try address.plaintextTarget(insecure: false) }
    _ = try address.plaintextTarget(insecure: true)
  }

  @Test func aLoopbackNameIsDialledAtTheAddressItResolvedTo() async throws {
    try await FakeCoordinator.serve { address in
      let port = address.split(separator: ":").last.map(String.init) ?? ""
      let reply = try await ReformClient.connect(to: "localhost:\(port)") { client in
        try await client.diagnostics.echo(text: "qua localhost")
      }
      #expect(reply.text == "qua localhost")
    }
  }

  @Test func reformctlRefusesPlaintextOffLoopbackUnlessInsecure() async throws {
    let options = try GlobalOptions.parse(["--address", "10.0.0.1:7420", "--token", "rf_secret"])
    #expect(!options.insecure)
    let ran = Flag()
    await #expect(throws: (any Error).self) {
      try await options.withClient { _ in ran.set() }
    }
    #expect(!ran.value, "reformctl opened a client")
    #expect(try GlobalOptions.parse(["--address", "10.0.0.1:7420", "--insecure"]).insecure)
  }
}

/// Set once, read after: whether a closure ran.
private final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var isSet = false
  func set() { lock.withLock { isSet = true } }
  var value: Bool { lock.withLock { isSet } }
}

import Testing

@testable import ReformHub

/// Failed authentications are counted by the caller's address, never its port: an IPv4 caller
/// on a dual-stack listener is counted by its own IPv4 address, not by a /64 every IPv4 caller
/// would share (and one attacker would then lock out every IPv4 client).
@Suite("Peer addresses")
struct PeerAddressTests {
  @Test(arguments: [
    ("ipv4:10.0.0.7:51234", "ipv4:10.0.0.7"),
    ("ipv6:[::ffff:10.0.0.7]:51234", "ipv4:10.0.0.7"),
    ("ipv6:[::ffff:192.168.1.20]:443", "ipv4:192.168.1.20"),
    ("ipv6:[2001:db8:0:1::7]:51234", "ipv6:2001:db8:0:1::/64"),
    ("ipv6:[2001:db8:0:1:aaaa::9]:1", "ipv6:2001:db8:0:1::/64"),
    ("unix:/run/reform/reform.sock", "unix"),
  ])
  func aPeerIsCountedByItsAddressWithoutItsPort(peer: String, key: String) {
    #expect(PeerAddress.key(peer) == key)
  }

  @Test func twoIPv4CallersOnADualStackListenerAreTwoPeers() {
    #expect(PeerAddress.key("ipv6:[::ffff:10.0.0.7]:1") != PeerAddress.key("ipv6:[::ffff:10.0.0.8]:1"))
  }
}

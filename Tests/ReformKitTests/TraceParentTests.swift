import ReformKit
import Testing

/// `traceparent` as W3C Trace Context writes it, and what a reader must refuse.
struct TraceParentTests {
  @Test func theSpecificationsExampleReadsAndWritesBack() throws {
    let header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    let parent = try #require(TraceParent(header: header))
    #expect(parent.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
    #expect(parent.parentID == "00f067aa0ba902b7")
    #expect(parent.flags == 1)
    #expect(parent.description == header)
  }

  @Test func aLaterVersionIsReadByItsFirstFourFields() throws {
    let parent = try #require(TraceParent(header: "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-later"))
    #expect(parent.description == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
  }

  @Test(arguments: [
    "", "00", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
    "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
    "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
    "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e47३6-00f067aa0ba902b7-01",
    " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
  ])
  func whatTheSpecificationRefusesIsNotRead(header: String) {
    #expect(TraceParent(header: header) == nil)
  }

  @Test func aChildKeepsTheTraceAndFlagsWithASpanOfItsOwn() throws {
    var random = SplitMix64(seed: 7)
    let started = TraceParent.start(using: &random)
    #expect(TraceParent(header: started.description) == started)
    #expect(started.traceID.count == 32 && started.parentID.count == 16)
    let child = started.child(using: &random)
    #expect(child.traceID == started.traceID)
    #expect(child.parentID != started.parentID)
    #expect(child.flags == started.flags)
    #expect(TraceParent(header: child.description) == child)
  }
}

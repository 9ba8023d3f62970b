import Foundation
import ReformModule
import ReformWire
import Testing

@Suite("Arrival numbers (số đến) under concurrent sends")
struct ArrivalNumberTests {
  /// `senders` tasks per bed, each sending `perSender` documents to Sở Nội vụ; the arrival
  /// numbers it was given.
  private static func sendConcurrently(_ beds: [TestBed], senders: Int, perSender: Int) async throws -> [Int64] {
    try await withThrowingTaskGroup(of: [Int64].self) { group in
      for (bedIndex, bed) in beds.enumerated() {
        for sender in 0..<senders {
          group.addTask {
            var numbers: [Int64] = []
            for index in 0..<perSender {
              let number = String(100_000 * (bedIndex + 1) + 1000 * sender + index + 1)
              let response = try await bed.invoke(
                ExchangeService.Send.self, Sample.send(number: number, receivers: [Sample.homeAffairs]),
                as: Caller.clerk("DUK"))
              numbers += response.deliveries.map(\.arrivalNumber)
            }
            return numbers
          }
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
  }

  @Test func eightConcurrentSendersGiveNumbersOneToFourThousandWithoutGapOrRepeat() async throws {
    let bed = try await TestBed.make()
    let numbers = try await Self.sendConcurrently([bed], senders: 8, perSender: 500)
    #expect(numbers.sorted() == Array(1...4000))
    let inbox = try await bed.invoke(
      ExchangeService.ListInbox.self, ExchangeListInboxRequest(page: PageRequest(pageSize: 1), unitCode: "SNV"),
      as: Caller.clerk("SNV"))
    #expect(inbox.page?.totalCount == 4000)
  }

  @Test func twoModuleInstancesOnOneFileShareOneNumbering() async throws {
    let first = try await TestBed.make()
    let second = try TestBed(sharing: first)
    let numbers = try await Self.sendConcurrently([first, second], senders: 4, perSender: 500)
    #expect(numbers.sorted() == Array(1...4000))
  }
}

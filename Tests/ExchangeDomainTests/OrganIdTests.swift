import ExchangeDomain
import Testing

@Suite("OrganId")
struct OrganIdTests {
  @Test(arguments: ["000.00.00.H41", "000.00.00.G22", "000.00.31.H41", "000.A1.31.H41", "123.45.67.A01"])
  func theNationalFormIsAccepted(text: String) {
    #expect(OrganId(text)?.rawValue == text)
  }

  @Test(arguments: [
    "", "000.00.00", "000.00.00.H4", "000.00.00.41H", "000.00.00.h41", "00.00.00.H41", "000.000.00.H41",
    "000-00-00-H41", " 000.00.00.H41", "000.00.00.H41.", "000.00.0Đ.H41",
  ])
  func anythingElseIsRefusedWithAnExample(text: String) {
    #expect(OrganId(text) == nil)
    #expect(OrganId.defect(in: text)?.contains("000.00.00.H41") == true)
  }
}

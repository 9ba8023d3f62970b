import ReformWire

/// Realistic member records of a synthetic bloc: generated Vietnamese names (no real person),
/// the categories, Party membership, theory levels and reform-study records a unit keeps.
/// Deterministic in `index`, so benchmarks and fixtures see the same people every run.
public enum MemberSamples {
  static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Lò", "Tòng", "Lường", "Giàng", "Sùng"]
  static let middleNames = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hồng", "Quang", "Ngọc"]
  static let givenNames = ["Hương", "Páo", "Dũng", "Thảo", "Khánh", "Tuấn", "Hoa", "Sơn", "Lan", "Chiến", "Mỷ", "Xuân"]
  static let ethnicities = ["Kinh", "Thái", "Mông", "Dao", "Hà Nhì", "Giáy"]
  static let workplaces = [
    "Phòng Tổ chức cán bộ, Sở Nội vụ", "Văn phòng Sở Tài chính", "Trung tâm Phục vụ hành chính công tỉnh",
    "Phòng Kế hoạch – Tài chính, Sở Giáo dục và Đào tạo", "Công ty Điện lực Lai Châu",
  ]

  /// The `index`-th member record.
  public static func member(_ index: Int) -> Person {
    let leader = index % 7 == 0
    return Person(
      id: "LCU-\(100_000 + index)",
      fullName: "\(familyNames[index % 12]) \(middleNames[index % 8]) \(givenNames[(index / 3) % 12])",
      gender: index % 2 == 0 ? .female : .male,
      birthDate: CalendarDate(year: Int32(1965 + index % 35), month: Int32(1 + index % 12), day: Int32(1 + index % 28)),
      ethnicity: ethnicities[index % ethnicities.count],
      categories: index % 5 == 0 ? [.cadre, .civilServant] : [.civilServant],
      partyMembership: index % 4 == 3 ? nil : PartyMembership(
        status: index % 9 == 0 ? .probationary : .official,
        admitted: CalendarDate(year: Int32(1995 + index % 25), month: 5, day: 19),
        official: index % 9 == 0 ? nil : CalendarDate(year: Int32(1996 + index % 25), month: 5, day: 19),
        cardNumber: index % 9 == 0 ? "" : "\(79_000_000 + index)"
      ),
      unitCode: "DUK.CB\(String(index % 120 + 1))",
      workplace: workplaces[index % workplaces.count],
      position: leader ? "Trưởng phòng" : "Chuyên viên",
      leaderOrManager: leader,
      theoryLevel: leader ? .advanced : .intermediate,
      requiredTheoryLevel: leader ? .advanced : .elementary,
      studies: [
        ReformStudyRecord(
          document: SourceRef(document: "01-NQ/ĐUK", issued: CalendarDate(year: 2020, month: 12, day: 31)),
          studied: CalendarDate(year: 2021, month: 3, day: Int32(1 + index % 28)),
          form: "hội nghị quán triệt"
        ),
        ReformStudyRecord(
          document: SourceRef(document: "366-QĐ/TW", article: "Điều 4", issued: CalendarDate(year: 2025, month: 8, day: 30)),
          studied: CalendarDate(year: 2025, month: 10, day: Int32(1 + index % 28)),
          form: "trực tuyến"
        ),
      ],
      arrived: CalendarDate(year: Int32(2005 + index % 15), month: 9, day: 1),
      revision: Int64(1 + index % 3),
      createdAt: Timestamp(seconds: 1_700_000_000 + Int64(index) * 60),
      updatedAt: Timestamp(seconds: 1_760_000_000 + Int64(index) * 60, nanos: Int32(index % 1000) * 1_000_000)
    )
  }

  /// A page of `count` member records, as `Registry.ListPeople` returns it.
  public static func page(_ count: Int) -> ListPeopleResponse {
    ListPeopleResponse(people: (0..<count).map(member), page: PageResponse(nextPageToken: "p2", totalCount: 2_500))
  }
}

import Foundation

/// The word lists the demo generator draws from: host organisations, departments, and
/// Vietnamese names by ethnic group. Combinations are generated; no record describes a real
/// person.
enum DemoCatalogue {
  /// A host organisation of a grassroots Party organisation.
  struct Host {
    let name: String
    let kind: HostOrganisationKind
    /// Large hosts get a đảng bộ cơ sở with chi bộ trực thuộc; small ones a chi bộ cơ sở.
    let large: Bool
  }

  static let hosts: [Host] = [
    Host(name: "Sở Tài chính", kind: .agency, large: true),
    Host(name: "Sở Nội vụ", kind: .agency, large: true),
    Host(name: "Sở Kế hoạch và Đầu tư", kind: .agency, large: false),
    Host(name: "Sở Tư pháp", kind: .agency, large: false),
    Host(name: "Sở Công Thương", kind: .agency, large: true),
    Host(name: "Sở Giáo dục và Đào tạo", kind: .agency, large: true),
    Host(name: "Sở Y tế", kind: .agency, large: true),
    Host(name: "Sở Giao thông vận tải", kind: .agency, large: true),
    Host(name: "Sở Xây dựng", kind: .agency, large: false),
    Host(name: "Sở Tài nguyên và Môi trường", kind: .agency, large: true),
    Host(name: "Sở Nông nghiệp và Phát triển nông thôn", kind: .agency, large: true),
    Host(name: "Sở Lao động - Thương binh và Xã hội", kind: .agency, large: true),
    Host(name: "Sở Văn hóa, Thể thao và Du lịch", kind: .agency, large: true),
    Host(name: "Sở Khoa học và Công nghệ", kind: .agency, large: false),
    Host(name: "Sở Thông tin và Truyền thông", kind: .agency, large: false),
    Host(name: "Thanh tra tỉnh", kind: .agency, large: false),
    Host(name: "Văn phòng Ủy ban nhân dân tỉnh", kind: .agency, large: true),
    Host(name: "Ban Dân tộc tỉnh", kind: .agency, large: false),
    Host(name: "Ban Quản lý các khu kinh tế tỉnh", kind: .agency, large: false),
    Host(name: "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", kind: .agency, large: false),
    Host(name: "Bệnh viện Đa khoa tỉnh", kind: .publicServiceUnit, large: true),
    Host(name: "Trường Cao đẳng Cộng đồng", kind: .publicServiceUnit, large: true),
    Host(name: "Đài Phát thanh và Truyền hình tỉnh", kind: .publicServiceUnit, large: true),
    Host(name: "Trung tâm Kiểm soát bệnh tật tỉnh", kind: .publicServiceUnit, large: false),
    Host(name: "Trường Chính trị tỉnh", kind: .publicServiceUnit, large: false),
    Host(name: "Trung tâm Phục vụ hành chính công tỉnh", kind: .publicServiceUnit, large: false),
    Host(name: "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp", kind: .publicServiceUnit, large: false),
    Host(name: "Trung tâm Lưu trữ lịch sử tỉnh", kind: .publicServiceUnit, large: false),
    Host(name: "Cơ quan Liên đoàn Lao động tỉnh", kind: .partyOrMassOrganisation, large: false),
    Host(name: "Cơ quan Ủy ban Mặt trận Tổ quốc tỉnh", kind: .partyOrMassOrganisation, large: false),
    Host(name: "Cơ quan Tỉnh đoàn", kind: .partyOrMassOrganisation, large: false),
    Host(name: "Cơ quan Hội Nông dân tỉnh", kind: .partyOrMassOrganisation, large: false),
    Host(name: "Công ty cổ phần Cấp nước Nậm Lụm", kind: .enterprise, large: true),
    Host(name: "Công ty TNHH Chè Sơn Hà", kind: .enterprise, large: false),
    Host(name: "Công ty cổ phần Thủy điện Nậm Cấu", kind: .enterprise, large: false),
    Host(name: "Công ty TNHH Vật liệu xây dựng Phúc Lộc", kind: .enterprise, large: false),
    Host(name: "Công ty cổ phần Dược phẩm Tây Bắc Xanh", kind: .enterprise, large: false),
    Host(name: "Công ty TNHH Vận tải Đèo Sương", kind: .enterprise, large: false),
    Host(name: "Công ty cổ phần Khoáng sản Pu Khao", kind: .enterprise, large: false),
  ]

  /// Hosts beyond the list, for larger scales: a name with a number.
  static func extraHost(_ number: Int, kindDraw: Int) -> Host {
    switch kindDraw % 4 {
    case 0: return Host(name: "Trường Trung học phổ thông số \(number)", kind: .publicServiceUnit, large: kindDraw % 3 == 0)
    case 1: return Host(name: "Trung tâm Y tế khu vực số \(number)", kind: .publicServiceUnit, large: kindDraw % 3 == 0)
    case 2: return Host(name: "Chi cục Quản lý chuyên ngành số \(number)", kind: .agency, large: kindDraw % 3 == 0)
    default: return Host(name: "Công ty TNHH Thương mại và Dịch vụ số \(number)", kind: .enterprise, large: kindDraw % 3 == 0)
    }
  }

  /// Departments that chi bộ trực thuộc are named after, by host kind.
  static func departments(for kind: HostOrganisationKind) -> [String] {
    switch kind {
    case .publicServiceUnit:
      return [
        "Phòng Tổ chức - Hành chính", "Phòng Kế hoạch - Tài chính", "Khoa Khám bệnh", "Khoa Nội", "Khoa Ngoại",
        "Phòng Đào tạo", "Khoa Lý luận cơ sở", "Phòng Biên tập", "Phòng Kỹ thuật", "Phòng Nghiệp vụ",
      ]
    case .enterprise:
      return [
        "Phòng Tổ chức - Hành chính", "Phòng Kế toán", "Phân xưởng sản xuất", "Xí nghiệp số 1", "Xí nghiệp số 2",
        "Phòng Kinh doanh", "Đội thi công",
      ]
    default:
      return [
        "Văn phòng", "Thanh tra", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính", "Phòng Quản lý ngành",
        "Phòng Nghiệp vụ", "Chi cục trực thuộc", "Trung tâm trực thuộc", "Phòng Pháp chế", "Phòng Tổng hợp",
      ]
    }
  }

  /// Leader and manager positions by host kind, each with the theory level its title requires.
  static func leaderPositions(for kind: HostOrganisationKind) -> [(String, PoliticalTheoryLevel)] {
    switch kind {
    case .agency:
      return [
        ("Phó Giám đốc", .advanced), ("Trưởng phòng", .intermediate), ("Phó Trưởng phòng", .intermediate),
        ("Chánh Văn phòng", .intermediate), ("Chánh Thanh tra", .intermediate),
      ]
    case .publicServiceUnit:
      return [("Phó Giám đốc", .intermediate), ("Trưởng khoa", .intermediate), ("Phó Trưởng khoa", .elementary), ("Trưởng phòng", .intermediate)]
    case .enterprise:
      return [("Phó Giám đốc", .intermediate), ("Trưởng phòng", .elementary), ("Quản đốc", .elementary)]
    case .partyOrMassOrganisation, .other:
      return [("Phó Chủ tịch", .advanced), ("Trưởng ban", .intermediate), ("Phó Trưởng ban", .intermediate)]
    }
  }

  /// The head's title by host kind, and its required level.
  static func head(for kind: HostOrganisationKind) -> (String, PoliticalTheoryLevel) {
    switch kind {
    case .agency: return ("Giám đốc", .advanced)
    case .publicServiceUnit: return ("Giám đốc", .advanced)
    case .enterprise: return ("Giám đốc Công ty", .intermediate)
    case .partyOrMassOrganisation, .other: return ("Thủ trưởng", .advanced)
    }
  }

  /// An ethnic group (dân tộc) and its names.
  struct Ethnicity {
    let name: String
    let weight: Int
    let families: [String]
    let maleMiddles: [String]
    let femaleMiddles: [String]
    let maleGiven: [String]
    let femaleGiven: [String]
  }

  private static let kinhMaleGiven = [
    "Hùng", "Dũng", "Tuấn", "Hải", "Nam", "Long", "Sơn", "Thắng", "Cường", "Quân", "Hiếu", "Phong", "Trung", "Bình",
    "Khánh", "Đạt", "Huy", "Việt", "Tiến", "Kiên",
  ]
  private static let kinhFemaleGiven = [
    "Hoa", "Lan", "Hương", "Mai", "Hằng", "Thảo", "Trang", "Nga", "Huyền", "Linh", "Yến", "Phương", "Hạnh", "Dung",
    "Loan", "Nhung", "Quyên", "Vân", "Thúy", "Hà",
  ]

  static let ethnicities: [Ethnicity] = [
    Ethnicity(
      name: "Kinh", weight: 44,
      families: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Đinh", "Phan", "Trịnh"],
      maleMiddles: ["Văn", "Đức", "Minh", "Hữu", "Quang", "Công", "Xuân", "Thanh", "Mạnh", "Tiến"],
      femaleMiddles: ["Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Minh", "Thị Thu", "Thị Thanh"],
      maleGiven: kinhMaleGiven, femaleGiven: kinhFemaleGiven),
    Ethnicity(
      name: "Thái", weight: 26, families: ["Lò", "Tòng", "Lường", "Quàng", "Điêu", "Cầm", "Lù", "Hoàng"],
      maleMiddles: ["Văn"], femaleMiddles: ["Thị"],
      maleGiven: ["Xuân", "Khiêm", "Chăm", "Sáng", "Pánh", "Chiến", "Thoan", "Ban", "Duẩn", "Hặc", "Lả", "Inh"],
      femaleGiven: ["Ín", "Hoan", "Thoa", "Pọm", "Ngoan", "Xiêng", "Bun", "Ẻ", "Phương", "Thương", "Ánh", "Ỏn"]),
    Ethnicity(
      name: "Mông", weight: 12, families: ["Giàng", "Vàng", "Sùng", "Thào", "Lý", "Hầu", "Mùa", "Chang", "Tráng", "Sần"],
      maleMiddles: ["A", "Seo", "Văn"], femaleMiddles: ["Thị", "Thị Mỷ"],
      maleGiven: ["Páo", "Sính", "Dế", "Chư", "Lềnh", "Pó", "Chứ", "Tủa", "Sềnh", "Chống", "Nủ", "Lử"],
      femaleGiven: ["Mai", "Súa", "Dợ", "Pằng", "Ly", "Chá", "Dua", "Mỷ", "Sua", "Hoa"]),
    Ethnicity(
      name: "Dao", weight: 6, families: ["Tẩn", "Chảo", "Phàn", "Lý", "Đặng", "Triệu"],
      maleMiddles: ["Láo", "Văn", "A"], femaleMiddles: ["Mý", "Thị", "Mẩy"],
      maleGiven: ["San", "Phin", "Chiêm", "Lở", "Quẩy", "Chài", "Vảng", "Kiềm", "Tả"],
      femaleGiven: ["Chiêm", "Mẩy", "Sử", "Phây", "Mai", "Dụng", "Xuân"]),
    Ethnicity(
      name: "Giáy", weight: 3, families: ["Vàng", "Hoàng", "Lò", "Sầm", "Lương"],
      maleMiddles: ["Văn"], femaleMiddles: ["Thị"], maleGiven: ["Pảo", "Sinh", "Thành", "Chúng", "Vượng"],
      femaleGiven: ["Dung", "Mai", "Phương", "Hiền", "Dìn"]),
    Ethnicity(
      name: "Lự", weight: 2, families: ["Lò", "Tao", "Pha", "Chang", "Lỳ"],
      maleMiddles: ["Văn"], femaleMiddles: ["Thị"], maleGiven: ["Ón", "Khăm", "Phon", "Sương", "Lả"],
      femaleGiven: ["Pánh", "Ón", "Xiêng", "Bua", "Ngần"]),
    Ethnicity(
      name: "Hà Nhì", weight: 2, families: ["Lý", "Chu", "Pờ", "Vù", "Lò"],
      maleMiddles: ["A", "Xá", "Văn"], femaleMiddles: ["Mì", "Thị"], maleGiven: ["Chà", "Sừ", "Chừ", "Hừ", "Xe"],
      femaleGiven: ["Xá", "Mé", "Pà", "Mò", "Ly"]),
    Ethnicity(
      name: "Khơ Mú", weight: 2, families: ["Lò", "Vì", "Cà", "Lường"],
      maleMiddles: ["Văn"], femaleMiddles: ["Thị"], maleGiven: ["Toản", "Chương", "Hoan", "Kim", "Sơn"],
      femaleGiven: ["Vân", "Mây", "Hương", "Nhung", "Thảo"]),
    Ethnicity(
      name: "Tày", weight: 3, families: ["Hoàng", "Nông", "Lục", "Ma", "Hà"],
      maleMiddles: ["Văn", "Đức"], femaleMiddles: ["Thị"], maleGiven: kinhMaleGiven, femaleGiven: kinhFemaleGiven),
  ]

  /// Forms of a study session (hình thức học tập, quán triệt).
  static let studyForms = [("Hội nghị quán triệt", 14), ("Tự nghiên cứu", 3), ("Trực tuyến", 3)]

  /// The host's full name in the province: "Sở Nội vụ tỉnh Lai Châu", "Thanh tra tỉnh Lai Châu".
  static func fullName(of host: String) -> String {
    host.hasSuffix(" tỉnh") ? host + " Lai Châu" : host + " tỉnh Lai Châu"
  }

  /// A folded, upper-case abbreviation of a host name for unit codes: "Sở Nội vụ" → "SNV".
  static func abbreviation(of name: String) -> String {
    let skipped: Set<String> = ["và", "tỉnh", "-", "các", "công", "ty", "cổ", "phần", "tnhh"]
    let letters = name.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { word -> Character? in
      let lower = word.lowercased()
      guard !skipped.contains(lower), let first = word.first else { return nil }
      return first
    }
    let folded = String(letters).uppercased().replacingOccurrences(of: "Đ", with: "D")
      .folding(options: .diacriticInsensitive, locale: nil)
    let ascii = folded.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains(Character($0))) }
    return String(String.UnicodeScalarView(ascii.prefix(8)))
  }
}

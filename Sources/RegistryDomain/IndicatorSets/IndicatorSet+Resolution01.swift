extension IndicatorSet {
  /// The indicator set of Nghị quyết 01-NQ/ĐUK (31/12/2020) of the Party committee of the bloc
  /// of agencies and enterprises of Lai Châu province, term 2020–2025: the ten targets of its
  /// section II.2.2, with their Vietnamese names and targets.
  ///
  /// The same text as `IndicatorSets/01-NQ-DUK-2020-2025.json` beside this file, byte for
  /// byte (a test checks it), so that operators read and diff the JSON while the module needs
  /// no resource bundle.
  public static let resolution01JSON = #"""
{
  "id": "01-NQ-DUK-2020-2025",
  "version": 1,
  "name": "Chỉ tiêu cải cách hành chính theo Nghị quyết 01-NQ/ĐUK giai đoạn 2020–2025",
  "resolution": {
    "document": "01-NQ/ĐUK",
    "issued": "2020-12-31",
    "note": "Nghị quyết của Ban Chấp hành Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Lai Châu về tăng cường sự lãnh đạo của cấp ủy, tổ chức Đảng đối với công tác cải cách hành chính trong Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh giai đoạn 2020-2025"
  },
  "term": "2020-2025",
  "status": "ACTIVE",
  "note": "Mục tiêu cụ thể đến năm 2025 (Mục II.2.2 của Nghị quyết).",
  "indicators": [
    {
      "code": "1",
      "name": "Tỷ lệ cán bộ, đảng viên, công chức, viên chức, người lao động trong Đảng bộ được nghiên cứu, học tập và quán triệt các văn bản về cải cách hành chính",
      "shortName": "Học tập, quán triệt văn bản CCHC",
      "explanation": "Tính từ sổ theo dõi học tập: người có mặt vào ngày cuối kỳ và đã học tập, quán triệt Nghị quyết 01-NQ/ĐUK đến ngày đó.",
      "numeratorDefinition": "Số cán bộ, đảng viên, công chức, viên chức, người lao động đã nghiên cứu, học tập, quán triệt văn bản về cải cách hành chính",
      "denominatorDefinition": "Tổng số cán bộ, đảng viên, công chức, viên chức, người lao động",
      "source": "COMPUTED_FROM_MEMBERS",
      "computation": "members.study",
      "parameters": [{ "name": "document", "value": "01-NQ/ĐUK" }],
      "target": { "comparison": "GREATER_OR_EQUAL", "percent": 100, "wording": "100%" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "reportingUnitKinds": ["GRASSROOTS_CELL", "SUBORDINATE_CELL"],
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (1)", "issued": "2020-12-31" },
      "displayOrder": 1
    },
    {
      "code": "2",
      "name": "Tỷ lệ tổ chức cơ sở đảng phối hợp với thủ trưởng cơ quan, đơn vị có giải pháp cụ thể lãnh đạo công tác cải cách hành chính; kế hoạch nâng cao chất lượng, hiệu quả làm việc của đội ngũ cán bộ, công chức, viên chức, người lao động gắn với vị trí công tác, việc làm cụ thể",
      "shortName": "TCCSĐ có giải pháp, kế hoạch CCHC",
      "explanation": "Mỗi tổ chức cơ sở đảng báo cáo 1/1 khi đã có giải pháp cụ thể và kế hoạch, 0/1 khi chưa có.",
      "numeratorDefinition": "Số tổ chức cơ sở đảng có giải pháp cụ thể và kế hoạch lãnh đạo công tác cải cách hành chính",
      "denominatorDefinition": "Tổng số tổ chức cơ sở đảng",
      "source": "REPORTED",
      "target": { "comparison": "GREATER_OR_EQUAL", "percent": 100, "wording": "100%" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (2)", "issued": "2020-12-31" },
      "displayOrder": 2
    },
    {
      "code": "3a",
      "groupCode": "3",
      "name": "Tỷ lệ văn bản, tài liệu, hồ sơ công việc của cơ quan, đơn vị, doanh nghiệp được trao đổi, xử lý, giải quyết trên môi trường mạng (trừ văn bản, hồ sơ mật)",
      "shortName": "Văn bản xử lý trên môi trường mạng",
      "explanation": "Tính từ số liệu của phân hệ trao đổi văn bản theo mã định danh (OrganId) của cơ quan.",
      "numeratorDefinition": "Số văn bản, tài liệu, hồ sơ công việc được trao đổi, xử lý, giải quyết trên môi trường mạng",
      "denominatorDefinition": "Tổng số văn bản, tài liệu, hồ sơ công việc (trừ văn bản, hồ sơ mật)",
      "source": "COMPUTED_FROM_EXCHANGE",
      "computation": "exchange.network_share",
      "target": { "comparison": "GREATER", "percent": 80, "wording": "Trên 80%" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "exclusionNote": "Trừ văn bản, hồ sơ mật: văn bản mật chỉ được chuyển qua hệ thống dành riêng cho bí mật nhà nước (Luật Bảo vệ bí mật nhà nước 2018), không bao giờ được tính ở đây.",
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (3)", "issued": "2020-12-31" },
      "displayOrder": 3
    },
    {
      "code": "3b",
      "groupCode": "3",
      "name": "Tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến mức độ 3, mức độ 4 trên tổng số hồ sơ",
      "shortName": "Hồ sơ giải quyết trực tuyến",
      "explanation": "Đơn vị không giải quyết thủ tục hành chính báo cáo 0/0.",
      "numeratorDefinition": "Số hồ sơ giải quyết theo dịch vụ công trực tuyến mức độ 3, mức độ 4 (từ 01/8/2022: toàn trình, một phần)",
      "denominatorDefinition": "Tổng số hồ sơ thủ tục hành chính đã giải quyết",
      "source": "REPORTED",
      "target": { "comparison": "GREATER_OR_EQUAL", "percent": 50, "wording": "Từ 50% trở lên" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "termMapping": {
        "legacyTerms": ["mức độ 3", "mức độ 4"],
        "currentTerms": ["một phần", "toàn trình"],
        "effectiveFrom": "2022-08-01",
        "source": { "document": "42/2022/NĐ-CP", "article": "Điều 11", "issued": "2022-06-24" },
        "note": "Từ ngày 01/8/2022, Nghị định 42/2022/NĐ-CP thay dịch vụ công trực tuyến mức độ 3, mức độ 4 bằng dịch vụ công trực tuyến một phần và toàn trình; các kỳ báo cáo kết thúc từ ngày đó được tính theo cách gọi mới."
      },
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (3)", "issued": "2020-12-31" },
      "displayOrder": 4
    },
    {
      "code": "3c",
      "groupCode": "3",
      "name": "Tỷ lệ hồ sơ, thủ tục hành chính đáp ứng yêu cầu giải quyết qua dịch vụ công trực tuyến mức độ 3, mức độ 4",
      "shortName": "Thủ tục đáp ứng giải quyết trực tuyến",
      "explanation": "Đơn vị không có thủ tục hành chính báo cáo 0/0.",
      "numeratorDefinition": "Số thủ tục hành chính đáp ứng yêu cầu giải quyết qua dịch vụ công trực tuyến mức độ 3, mức độ 4 (từ 01/8/2022: toàn trình, một phần)",
      "denominatorDefinition": "Tổng số thủ tục hành chính của cơ quan, đơn vị",
      "source": "REPORTED",
      "target": { "comparison": "GREATER_OR_EQUAL", "percent": 80, "wording": "80%" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "termMapping": {
        "legacyTerms": ["mức độ 3", "mức độ 4"],
        "currentTerms": ["một phần", "toàn trình"],
        "effectiveFrom": "2022-08-01",
        "source": { "document": "42/2022/NĐ-CP", "article": "Điều 11", "issued": "2022-06-24" },
        "note": "Từ ngày 01/8/2022, Nghị định 42/2022/NĐ-CP thay dịch vụ công trực tuyến mức độ 3, mức độ 4 bằng dịch vụ công trực tuyến một phần và toàn trình; các kỳ báo cáo kết thúc từ ngày đó được tính theo cách gọi mới."
      },
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (3)", "issued": "2020-12-31" },
      "displayOrder": 5
    },
    {
      "code": "3d",
      "groupCode": "3",
      "name": "Tỷ lệ dịch vụ công trực tuyến mức độ 3, mức độ 4 được tích hợp với Cổng Dịch vụ công quốc gia",
      "shortName": "Dịch vụ công tích hợp Cổng quốc gia",
      "explanation": "Đơn vị không cung cấp dịch vụ công trực tuyến báo cáo 0/0.",
      "numeratorDefinition": "Số dịch vụ công trực tuyến mức độ 3, mức độ 4 (từ 01/8/2022: toàn trình, một phần) đã tích hợp với Cổng Dịch vụ công quốc gia",
      "denominatorDefinition": "Tổng số dịch vụ công trực tuyến mức độ 3, mức độ 4 (từ 01/8/2022: toàn trình, một phần)",
      "source": "REPORTED",
      "target": { "comparison": "GREATER_OR_EQUAL", "percent": 50, "wording": "50%" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "termMapping": {
        "legacyTerms": ["mức độ 3", "mức độ 4"],
        "currentTerms": ["một phần", "toàn trình"],
        "effectiveFrom": "2022-08-01",
        "source": { "document": "42/2022/NĐ-CP", "article": "Điều 11", "issued": "2022-06-24" },
        "note": "Từ ngày 01/8/2022, Nghị định 42/2022/NĐ-CP thay dịch vụ công trực tuyến mức độ 3, mức độ 4 bằng dịch vụ công trực tuyến một phần và toàn trình; các kỳ báo cáo kết thúc từ ngày đó được tính theo cách gọi mới."
      },
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (3)", "issued": "2020-12-31" },
      "displayOrder": 6
    },
    {
      "code": "3e",
      "groupCode": "3",
      "name": "Tỷ lệ tổ chức, cá nhân hài lòng về việc giải quyết thủ tục hành chính của các cơ quan, đơn vị, doanh nghiệp thuộc Đảng ủy Khối",
      "shortName": "Mức độ hài lòng của tổ chức, cá nhân",
      "explanation": "Theo kết quả khảo sát, lấy ý kiến của cơ quan, đơn vị, doanh nghiệp trong kỳ.",
      "numeratorDefinition": "Số tổ chức, cá nhân được khảo sát hài lòng",
      "denominatorDefinition": "Tổng số tổ chức, cá nhân được khảo sát",
      "source": "REPORTED",
      "target": { "comparison": "GREATER_OR_EQUAL", "percent": 90, "wording": "Tối thiểu 90%" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (3)", "issued": "2020-12-31" },
      "displayOrder": 7
    },
    {
      "code": "4a",
      "groupCode": "4",
      "name": "Tỷ lệ cấp ủy đảng trong Khối lãnh đạo xây dựng, kiện toàn tổ chức, sắp xếp bộ máy gọn nhẹ, hợp lý, hiệu lực, hiệu quả",
      "shortName": "Cấp ủy lãnh đạo sắp xếp bộ máy",
      "explanation": "Mỗi tổ chức cơ sở đảng báo cáo 1/1 khi cấp ủy đã lãnh đạo kiện toàn, sắp xếp bộ máy trong kỳ, 0/1 khi chưa.",
      "numeratorDefinition": "Số cấp ủy lãnh đạo xây dựng, kiện toàn tổ chức, sắp xếp bộ máy gọn nhẹ, hiệu lực, hiệu quả",
      "denominatorDefinition": "Tổng số cấp ủy đảng trong Khối",
      "source": "REPORTED",
      "target": { "comparison": "GREATER_OR_EQUAL", "percent": 100, "wording": "100%" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (4)", "issued": "2020-12-31" },
      "displayOrder": 8
    },
    {
      "code": "4b",
      "groupCode": "4",
      "name": "Tỷ lệ cán bộ, công chức, viên chức giữ chức vụ lãnh đạo, quản lý có trình độ lý luận chính trị đảm bảo tiêu chuẩn chức danh theo quy định",
      "shortName": "Lãnh đạo đạt chuẩn lý luận chính trị",
      "explanation": "Tính từ hồ sơ cán bộ: người giữ chức vụ lãnh đạo, quản lý có mặt vào ngày cuối kỳ; đạt chuẩn khi trình độ lý luận chính trị bằng hoặc cao hơn mức chức danh yêu cầu (cử nhân tương đương cao cấp).",
      "numeratorDefinition": "Số người giữ chức vụ lãnh đạo, quản lý có trình độ lý luận chính trị đạt tiêu chuẩn chức danh",
      "denominatorDefinition": "Tổng số người giữ chức vụ lãnh đạo, quản lý",
      "source": "COMPUTED_FROM_MEMBERS",
      "computation": "members.theory_level",
      "target": { "comparison": "GREATER_OR_EQUAL", "percent": 100, "wording": "100%" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "reportingUnitKinds": ["GRASSROOTS_CELL", "SUBORDINATE_CELL"],
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (4)", "issued": "2020-12-31" },
      "displayOrder": 9
    },
    {
      "code": "5",
      "name": "Tỷ lệ cấp ủy đảng trong Khối phối hợp với thủ trưởng cơ quan, đơn vị lãnh đạo thực hiện tốt việc tự chủ kinh phí, tiết kiệm tăng thu nhập",
      "shortName": "Cấp ủy lãnh đạo tự chủ, tiết kiệm",
      "explanation": "Mỗi tổ chức cơ sở đảng báo cáo 1/1 khi cấp ủy đã lãnh đạo thực hiện tốt tự chủ kinh phí, tiết kiệm trong kỳ, 0/1 khi chưa.",
      "numeratorDefinition": "Số cấp ủy lãnh đạo thực hiện tốt việc tự chủ kinh phí, tiết kiệm tăng thu nhập",
      "denominatorDefinition": "Tổng số cấp ủy đảng trong Khối",
      "source": "REPORTED",
      "target": { "comparison": "GREATER_OR_EQUAL", "percent": 100, "wording": "100%" },
      "aggregation": "SUM_RATIO",
      "periodType": "YEAR",
      "sourceRef": { "document": "01-NQ/ĐUK", "article": "Mục II.2.2 (5)", "issued": "2020-12-31" },
      "displayOrder": 10
    }
  ]
}

"""#

  /// ``resolution01JSON`` decoded.
  public static let resolution01: IndicatorSet = {
    do {
      return try IndicatorSet.decode(json: resolution01JSON)
    } catch {
      // The text is a constant that the tests decode and validate; reaching this is a bug.
      fatalError("the embedded 01-NQ/ĐUK indicator set does not decode: \(error)")
    }
  }()
}

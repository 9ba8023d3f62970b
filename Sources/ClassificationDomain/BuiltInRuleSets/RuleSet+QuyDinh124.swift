// Written by RuleSets/embed.sh from RuleSets/124-QD-TW-2023.json; edit the JSON, then rerun it.

extension RuleSet {
  /// The text of `RuleSets/124-QD-TW-2023.json`, byte for byte.
  public static let quyDinh124JSON = #"""
{
  "id": "124-QD-TW-2023",
  "version": 1,
  "title": "Quy định 124-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị",
  "sources": [
    {
      "document": "Quy định 124-QĐ/TW",
      "issued": "2023-10-04",
      "note": "Bộ Chính trị; được thay thế bởi Quy định 366-QĐ/TW từ năm 2025"
    },
    {
      "document": "Hướng dẫn 25-HD/BTCTW",
      "note": "Ban Tổ chức Trung ương"
    }
  ],
  "validFromYear": 2023,
  "validToYear": 2024,
  "appliesTo": [
    "partyMember",
    "collective"
  ],
  "rules": [
    {
      "id": "124.assessed_level",
      "kind": "assessedLevel",
      "source": {
        "document": "Quy định 124-QĐ/TW",
        "article": "tiêu chí xếp loại (không chấm điểm)"
      },
      "text": "Mức xếp loại khởi điểm là mức cấp có thẩm quyền đề xuất theo tiêu chí; quy định này không dùng thang điểm"
    },
    {
      "id": "124.discipline",
      "kind": "discipline",
      "source": {
        "document": "Quy định 124-QĐ/TW",
        "article": "mức Không hoàn thành nhiệm vụ"
      },
      "text": "Bị xử lý kỷ luật trong năm (mỗi vi phạm chỉ tính một lần khi xếp loại): Không hoàn thành nhiệm vụ",
      "capLevel": "KHTNV",
      "parameters": {
        "minDisciplineLevel": "reprimand",
        "spareSelfDetected": false
      },
      "note": "Vi phạm do chính đơn vị tự phát hiện, xử lý vẫn được tính (spareSelfDetected: false): văn bản không quy định miễn trừ; đặt true nếu cấp có thẩm quyền hướng dẫn không tính."
    },
    {
      "id": "124.decline",
      "kind": "decline",
      "source": {
        "document": "Quy định 124-QĐ/TW",
        "article": "mức Không hoàn thành nhiệm vụ"
      },
      "text": "Bị cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”: Không hoàn thành nhiệm vụ",
      "appliesTo": [
        "partyMember"
      ],
      "capLevel": "KHTNV"
    },
    {
      "id": "124.leader.collective_level",
      "kind": "ledCollectiveLevel",
      "source": {
        "document": "Hướng dẫn 25-HD/BTCTW",
        "article": "xếp loại cán bộ lãnh đạo, quản lý"
      },
      "text": "Người lãnh đạo không được xếp loại cao hơn mức mà kết quả xếp loại của tập thể do mình lãnh đạo cho phép",
      "appliesTo": [
        "partyMember"
      ],
      "parameters": {
        "collectiveCaps": [
          {
            "collectiveLevel": "HTXSNV",
            "leaderAtBest": "HTXSNV"
          },
          {
            "collectiveLevel": "HTTNV",
            "leaderAtBest": "HTTNV"
          },
          {
            "collectiveLevel": "HTNV",
            "leaderAtBest": "HTNV"
          },
          {
            "collectiveLevel": "KHTNV",
            "leaderAtBest": "KHTNV"
          }
        ]
      },
      "unconfirmed": true,
      "note": "Bảng mặc định: người lãnh đạo không được xếp loại cao hơn mức của tập thể do mình trực tiếp lãnh đạo. Văn bản chưa xác nhận nguyên văn bảng này; người vận hành sửa từng dòng của collectiveCaps."
    },
    {
      "id": "124.htxsnv.collective.subordinates",
      "kind": "subordinateDiscipline",
      "source": {
        "document": "Quy định 124-QĐ/TW",
        "article": "mức Hoàn thành xuất sắc nhiệm vụ (tập thể)"
      },
      "text": "Tập thể Hoàn thành xuất sắc nhiệm vụ: không có tổ chức trực thuộc bị kỷ luật trong năm",
      "capLevel": "HTTNV",
      "parameters": {
        "maxShareBasisPoints": 0,
        "spareSelfDetected": false
      },
      "note": "Vi phạm do chính đơn vị tự phát hiện, xử lý vẫn được tính (spareSelfDetected: false): văn bản không quy định miễn trừ; đặt true nếu cấp có thẩm quyền hướng dẫn không tính."
    },
    {
      "id": "124.htxsnv.collective.leadership",
      "kind": "leadershipDiscipline",
      "source": {
        "document": "Quy định 124-QĐ/TW",
        "article": "mức Hoàn thành xuất sắc nhiệm vụ (tập thể)"
      },
      "text": "Tập thể Hoàn thành xuất sắc nhiệm vụ: không có thành viên tập thể lãnh đạo bị kỷ luật trong năm",
      "capLevel": "HTTNV",
      "parameters": {
        "maxCount": 0
      }
    },
    {
      "id": "124.collective.subordinates",
      "kind": "subordinateDiscipline",
      "source": {
        "document": "Quy định 124-QĐ/TW",
        "article": "mức Không hoàn thành nhiệm vụ (tập thể)"
      },
      "text": "Tập thể có trên 20% tổ chức đảng trực thuộc bị kỷ luật trong năm: Không hoàn thành nhiệm vụ",
      "capLevel": "KHTNV",
      "parameters": {
        "maxShareBasisPoints": 2000,
        "spareSelfDetected": false
      },
      "note": "Vi phạm do chính đơn vị tự phát hiện, xử lý vẫn được tính (spareSelfDetected: false): văn bản không quy định miễn trừ; đặt true nếu cấp có thẩm quyền hướng dẫn không tính."
    },
    {
      "id": "124.collective.targets",
      "kind": "targetsMet",
      "source": {
        "document": "Quy định 124-QĐ/TW",
        "article": "mức Không hoàn thành nhiệm vụ (tập thể)"
      },
      "text": "Tập thể hoàn thành dưới 50% chỉ tiêu, nhiệm vụ: Không hoàn thành nhiệm vụ",
      "capLevel": "KHTNV",
      "parameters": {
        "minShareBasisPoints": 5000
      }
    }
  ],
  "quota": {
    "enabled": true,
    "shareBasisPoints": 2000,
    "basis": "goodCount",
    "perUnit": true,
    "perDutyGroup": false,
    "appliesTo": [
      "partyMember"
    ],
    "rounding": "floor",
    "tieBreak": [
      "subjectId"
    ],
    "ruleId": "124.quota",
    "source": {
      "document": "Hướng dẫn 25-HD/BTCTW",
      "note": "tỷ lệ đảng viên xếp loại Hoàn thành xuất sắc nhiệm vụ"
    },
    "text": "Số đảng viên Hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số đảng viên Hoàn thành tốt nhiệm vụ trong cùng tổ chức đảng",
    "unconfirmed": true,
    "note": "Tỷ lệ 20% theo thực tiễn áp dụng; đối chiếu hướng dẫn trước khi tính lại. Không có điểm nên thứ tự hạ chỉ còn mã người (mã lớn hơn hạ trước)."
  },
  "note": "Dùng để tính lại kết quả năm 2023 và 2024. Điều, khoản ghi theo nội dung; đối chiếu văn bản gốc khi trích dẫn."
}

"""#
}

// Written by RuleSets/embed.sh from RuleSets/335-ND-CP-2026.json; edit the JSON, then rerun it.

extension RuleSet {
  /// The text of `RuleSets/335-ND-CP-2026.json`, byte for byte.
  public static let nghiDinh335JSON = #"""
{
  "id": "335-ND-CP-2026",
  "version": 1,
  "title": "Nghị định 335/2025/NĐ-CP quy định về đánh giá, xếp loại chất lượng đối với cơ quan hành chính nhà nước và công chức",
  "sources": [
    {
      "document": "Nghị định 335/2025/NĐ-CP",
      "note": "Chính phủ; có hiệu lực từ 01/01/2026"
    }
  ],
  "validFromYear": 2026,
  "appliesTo": [
    "civilServant"
  ],
  "scale": {
    "commonCriteriaMaxHundredths": 3000,
    "taskResultsMaxHundredths": 7000
  },
  "rules": [
    {
      "id": "335.htxsnv.score",
      "kind": "scoreThreshold",
      "source": {
        "document": "Nghị định 335/2025/NĐ-CP",
        "article": "điều về mức xếp loại chất lượng công chức, khoản 1"
      },
      "text": "Đạt từ 90 điểm trở lên: Hoàn thành xuất sắc nhiệm vụ",
      "level": "HTXSNV",
      "parameters": {
        "minHundredths": 9000
      }
    },
    {
      "id": "335.httnv.score",
      "kind": "scoreThreshold",
      "source": {
        "document": "Nghị định 335/2025/NĐ-CP",
        "article": "điều về mức xếp loại chất lượng công chức, khoản 2"
      },
      "text": "Đạt từ 70 điểm đến dưới 90 điểm: Hoàn thành tốt nhiệm vụ",
      "level": "HTTNV",
      "parameters": {
        "minHundredths": 7000
      }
    },
    {
      "id": "335.htnv.score",
      "kind": "scoreThreshold",
      "source": {
        "document": "Nghị định 335/2025/NĐ-CP",
        "article": "điều về mức xếp loại chất lượng công chức, khoản 3"
      },
      "text": "Đạt từ 50 điểm đến dưới 70 điểm: Hoàn thành nhiệm vụ; dưới 50 điểm: Không hoàn thành nhiệm vụ (khoản 4 điểm a)",
      "level": "HTNV",
      "parameters": {
        "minHundredths": 5000
      }
    },
    {
      "id": "335.tasks_on_time",
      "kind": "tasksOnTime",
      "source": {
        "document": "Nghị định 335/2025/NĐ-CP",
        "article": "điều về mức xếp loại chất lượng công chức"
      },
      "text": "Từ Hoàn thành tốt nhiệm vụ trở lên: 100% nhiệm vụ hoàn thành đúng hạn",
      "capLevel": "HTNV",
      "parameters": {
        "minShareBasisPoints": 10000
      },
      "enabled": false,
      "unconfirmed": true,
      "note": "Nghị định xếp loại công chức theo điểm; điều kiện về tỷ lệ nhiệm vụ đúng hạn, vượt mức của Quy định 366-QĐ/TW không có trong mức xếp loại của Nghị định. Để sẵn và tắt; bật nếu cơ quan áp dụng."
    },
    {
      "id": "335.htxsnv.tasks_exceeded",
      "kind": "tasksExceeded",
      "source": {
        "document": "Nghị định 335/2025/NĐ-CP",
        "article": "điều về mức xếp loại chất lượng công chức"
      },
      "text": "Hoàn thành xuất sắc nhiệm vụ: ít nhất 30% nhiệm vụ hoàn thành vượt mức",
      "capLevel": "HTTNV",
      "parameters": {
        "minShareBasisPoints": 3000
      },
      "enabled": false,
      "unconfirmed": true,
      "note": "Nghị định xếp loại công chức theo điểm; điều kiện về tỷ lệ nhiệm vụ đúng hạn, vượt mức của Quy định 366-QĐ/TW không có trong mức xếp loại của Nghị định. Để sẵn và tắt; bật nếu cơ quan áp dụng."
    },
    {
      "id": "335.khtnv.decline",
      "kind": "decline",
      "source": {
        "document": "Nghị định 335/2025/NĐ-CP",
        "article": "điều về mức xếp loại chất lượng công chức, khoản 4 điểm b"
      },
      "text": "Bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”: Không hoàn thành nhiệm vụ",
      "capLevel": "KHTNV"
    },
    {
      "id": "335.khtnv.discipline",
      "kind": "discipline",
      "source": {
        "document": "Nghị định 335/2025/NĐ-CP",
        "article": "điều về mức xếp loại chất lượng công chức, khoản 4 điểm c"
      },
      "text": "Có hành vi vi phạm liên quan đến hoạt động công vụ bị kỷ luật bằng hình thức từ khiển trách trở lên trong năm đánh giá: Không hoàn thành nhiệm vụ",
      "capLevel": "KHTNV",
      "parameters": {
        "minDisciplineLevel": "reprimand",
        "spareSelfDetected": false
      },
      "note": "Vi phạm do chính đơn vị tự phát hiện, xử lý vẫn được tính (spareSelfDetected: false): văn bản không quy định miễn trừ; đặt true nếu cấp có thẩm quyền hướng dẫn không tính."
    }
  ],
  "quota": {
    "enabled": true,
    "shareBasisPoints": 2000,
    "basis": "goodCount",
    "perUnit": true,
    "perDutyGroup": true,
    "appliesTo": [
      "civilServant"
    ],
    "rounding": "floor",
    "tieBreak": [
      "taskResultsScore",
      "exceededShare",
      "subjectId"
    ],
    "ruleId": "335.quota",
    "source": {
      "document": "Nghị định 335/2025/NĐ-CP",
      "article": "điều về mức xếp loại chất lượng công chức, khoản 5"
    },
    "text": "Số công chức Hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số công chức Hoàn thành tốt nhiệm vụ trong cùng cơ quan, tổ chức, đơn vị và trong từng nhóm công chức có nhiệm vụ tương đồng",
    "note": "Tổ chức có thành tích xuất sắc, nổi trội được cấp có thẩm quyền cho vượt tỷ lệ (khoản 5 điểm b): ghi nhận thành ngoại lệ theo đơn vị và năm."
  },
  "note": "Áp dụng cho công chức từ năm đánh giá 2026. Điều của Nghị định ghi theo nội dung; đối chiếu số điều khi trích dẫn."
}

"""#
}

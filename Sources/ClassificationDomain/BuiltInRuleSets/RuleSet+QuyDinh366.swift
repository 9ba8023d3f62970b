// Written by RuleSets/embed.sh from RuleSets/366-QD-TW-2025.json; edit the JSON, then rerun it.

extension RuleSet {
  /// The text of `RuleSets/366-QD-TW-2025.json`, byte for byte.
  public static let quyDinh366JSON = #"""
{
  "id": "366-QD-TW-2025",
  "version": 1,
  "title": "Quy định 366-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị",
  "sources": [
    {
      "document": "Quy định 366-QĐ/TW",
      "issued": "2025-08-30",
      "note": "Bộ Chính trị; thay thế Quy định 124-QĐ/TW"
    },
    {
      "document": "Hướng dẫn 43-HD/BTCTW",
      "issued": "2025-10-31",
      "note": "Ban Tổ chức Trung ương; thay thế Hướng dẫn 25-HD/BTCTW"
    }
  ],
  "validFromYear": 2025,
  "appliesTo": [
    "partyMember",
    "collective"
  ],
  "supersedes": "124-QD-TW-2023",
  "scale": {
    "commonCriteriaMaxHundredths": 3000,
    "taskResultsMaxHundredths": 7000
  },
  "rules": [
    {
      "id": "366.d11.htxsnv.score",
      "kind": "scoreThreshold",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 1"
      },
      "text": "Tổng điểm từ 90 trở lên: Hoàn thành xuất sắc nhiệm vụ",
      "level": "HTXSNV",
      "parameters": {
        "minHundredths": 9000
      }
    },
    {
      "id": "366.d11.httnv.score",
      "kind": "scoreThreshold",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 2"
      },
      "text": "Tổng điểm từ 70 đến dưới 90: Hoàn thành tốt nhiệm vụ",
      "level": "HTTNV",
      "parameters": {
        "minHundredths": 7000
      }
    },
    {
      "id": "366.d11.htnv.score",
      "kind": "scoreThreshold",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 3"
      },
      "text": "Tổng điểm từ 50 đến dưới 70: Hoàn thành nhiệm vụ; dưới 50: Không hoàn thành nhiệm vụ",
      "level": "HTNV",
      "parameters": {
        "minHundredths": 5000
      }
    },
    {
      "id": "366.d11.tasks_on_time",
      "kind": "tasksOnTime",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 1 và 2"
      },
      "text": "Từ Hoàn thành tốt nhiệm vụ trở lên: 100% nhiệm vụ được giao hoàn thành đúng hạn",
      "capLevel": "HTNV",
      "parameters": {
        "minShareBasisPoints": 10000
      }
    },
    {
      "id": "366.d11.htxsnv.tasks_exceeded",
      "kind": "tasksExceeded",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 1"
      },
      "text": "Hoàn thành xuất sắc nhiệm vụ: ít nhất 30% nhiệm vụ hoàn thành vượt mức",
      "capLevel": "HTTNV",
      "parameters": {
        "minShareBasisPoints": 3000
      }
    },
    {
      "id": "366.d11.htxsnv.led_collective_tasks",
      "kind": "ledCollectiveTasks",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 1"
      },
      "text": "Người giữ chức vụ lãnh đạo, quản lý đạt Hoàn thành xuất sắc nhiệm vụ khi đơn vị do mình trực tiếp lãnh đạo hoàn thành 100% nhiệm vụ, ít nhất 30% vượt mức",
      "appliesTo": [
        "partyMember"
      ],
      "level": "HTXSNV",
      "capLevel": "HTTNV",
      "parameters": {
        "minOnTimeBasisPoints": 10000,
        "minExceededBasisPoints": 3000
      }
    },
    {
      "id": "366.d11.httnv.led_collective_tasks",
      "kind": "ledCollectiveTasks",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 2"
      },
      "text": "Người giữ chức vụ lãnh đạo, quản lý đạt Hoàn thành tốt nhiệm vụ khi đơn vị do mình trực tiếp lãnh đạo hoàn thành 100% nhiệm vụ đúng hạn",
      "appliesTo": [
        "partyMember"
      ],
      "level": "HTTNV",
      "capLevel": "HTNV",
      "parameters": {
        "minOnTimeBasisPoints": 10000,
        "minExceededBasisPoints": 0
      }
    },
    {
      "id": "366.leader.collective_level",
      "kind": "ledCollectiveLevel",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11"
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
      "id": "366.discipline",
      "kind": "discipline",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 4"
      },
      "text": "Bị xử lý kỷ luật trong năm (mỗi vi phạm chỉ tính một lần): Không hoàn thành nhiệm vụ",
      "capLevel": "KHTNV",
      "parameters": {
        "minDisciplineLevel": "reprimand",
        "spareSelfDetected": false
      },
      "unconfirmed": true,
      "note": "Căn cứ Quy định 124-QĐ/TW; việc Quy định 366-QĐ/TW giữ nguyên văn điều kiện này chưa được xác nhận. Mặc định bật; tắt bằng enabled: false. Vi phạm do chính đơn vị tự phát hiện, xử lý vẫn được tính (spareSelfDetected: false): văn bản không quy định miễn trừ; đặt true nếu cấp có thẩm quyền hướng dẫn không tính."
    },
    {
      "id": "366.decline",
      "kind": "decline",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 4"
      },
      "text": "Bị cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”: Không hoàn thành nhiệm vụ",
      "appliesTo": [
        "partyMember"
      ],
      "capLevel": "KHTNV",
      "unconfirmed": true,
      "note": "Căn cứ Quy định 124-QĐ/TW; việc Quy định 366-QĐ/TW giữ nguyên văn điều kiện này chưa được xác nhận. Mặc định bật; tắt bằng enabled: false."
    },
    {
      "id": "366.d11.htxsnv.collective.subordinates",
      "kind": "subordinateDiscipline",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 1"
      },
      "text": "Tập thể Hoàn thành xuất sắc nhiệm vụ: không có đơn vị trực thuộc bị kỷ luật trong năm",
      "capLevel": "HTTNV",
      "parameters": {
        "maxShareBasisPoints": 0,
        "spareSelfDetected": false
      },
      "note": "Vi phạm do chính đơn vị tự phát hiện, xử lý vẫn được tính (spareSelfDetected: false): văn bản không quy định miễn trừ; đặt true nếu cấp có thẩm quyền hướng dẫn không tính."
    },
    {
      "id": "366.d11.htxsnv.collective.leadership",
      "kind": "leadershipDiscipline",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 1"
      },
      "text": "Tập thể Hoàn thành xuất sắc nhiệm vụ: không có thành viên tập thể lãnh đạo, quản lý bị kỷ luật trong năm",
      "capLevel": "HTTNV",
      "parameters": {
        "maxCount": 0
      }
    },
    {
      "id": "366.collective.subordinates",
      "kind": "subordinateDiscipline",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 4"
      },
      "text": "Tập thể có trên 20% tổ chức đảng trực thuộc bị kỷ luật trong năm: Không hoàn thành nhiệm vụ",
      "capLevel": "KHTNV",
      "parameters": {
        "maxShareBasisPoints": 2000,
        "spareSelfDetected": false
      },
      "unconfirmed": true,
      "note": "Căn cứ Quy định 124-QĐ/TW; việc Quy định 366-QĐ/TW giữ nguyên văn điều kiện này chưa được xác nhận. Mặc định bật; tắt bằng enabled: false. Vi phạm do chính đơn vị tự phát hiện, xử lý vẫn được tính (spareSelfDetected: false): văn bản không quy định miễn trừ; đặt true nếu cấp có thẩm quyền hướng dẫn không tính."
    },
    {
      "id": "366.collective.targets",
      "kind": "targetsMet",
      "source": {
        "document": "Quy định 366-QĐ/TW",
        "article": "Điều 11, khoản 4"
      },
      "text": "Tập thể hoàn thành dưới 50% chỉ tiêu, nhiệm vụ: Không hoàn thành nhiệm vụ",
      "capLevel": "KHTNV",
      "parameters": {
        "minShareBasisPoints": 5000
      },
      "unconfirmed": true,
      "note": "Căn cứ Quy định 124-QĐ/TW; việc Quy định 366-QĐ/TW giữ nguyên văn điều kiện này chưa được xác nhận. Mặc định bật; tắt bằng enabled: false."
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
      "taskResultsScore",
      "exceededShare",
      "subjectId"
    ],
    "ruleId": "366.quota",
    "source": {
      "document": "Hướng dẫn 43-HD/BTCTW",
      "note": "tỷ lệ đảng viên xếp loại Hoàn thành xuất sắc nhiệm vụ"
    },
    "text": "Số đảng viên Hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số đảng viên Hoàn thành tốt nhiệm vụ trong cùng tổ chức đảng",
    "unconfirmed": true,
    "note": "Tỷ lệ 20% là thực tiễn áp dụng, Quy định 366-QĐ/TW chưa xác nhận nguyên văn. Mặc định bật; tắt bằng enabled: false. Mỗi người bị hạ từ HTXSNV xuống HTTNV làm tăng số HTTNV; hạ người điểm thấp nhất trước, rồi điểm kết quả thực hiện nhiệm vụ, tỷ lệ nhiệm vụ vượt mức, cuối cùng mã người (mã lớn hơn hạ trước)."
  },
  "note": "Thang điểm 100: nhóm tiêu chí chung 30 điểm, kết quả thực hiện nhiệm vụ 70 điểm. Các mục unconfirmed là mặc định người vận hành quyết định."
}

"""#
}

import Foundation
import ReformKit

/// Renders a report as one self-contained HTML file: no external resource and no script,
/// `lang="vi"` and UTF-8; one `<section>` per indicator with its code and full Vietnamese name
/// in a heading, the aggregate, a table of the units ranked, met and not met shown by colour
/// and by ✓/✗ with words (for readers who do not see colour), and an inline SVG bar chart
/// with the target as a line. Styles print cleanly on A4. Every text is escaped.
public enum ReportHTMLRenderer {
  /// The most units a chart shows; the table lists them all.
  public static let chartLimit = 60

  /// The report as an HTML document.
  public static func render(_ report: IndicatorReport) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="vi">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTMLText.escaped(report.title))</title>
      <style>\(style)</style>
      </head>
      <body>
      <header>
      <h1>\(HTMLText.escaped(report.title))</h1>
      <p class="meta">Đơn vị: <strong>\(HTMLText.escaped(report.root.name))</strong> · \(HTMLText.escaped(report.period.vietnameseText)) · Lập lúc \(HTMLText.escaped(ReportFormatting.vietnamTime(report.generatedAt))) (giờ Việt Nam)\(report.approvedOnly ? " · Chỉ số liệu đã duyệt" : "")</p>
      <p class="meta">Căn cứ: \(HTMLText.escaped(sourceText(report.set.resolution)))</p>
      </header>
      <main>

      """
    html += summary(report)
    for section in report.sections { html += render(section, period: report.period) }
    html += "</main>\n</body>\n</html>\n"
    return html
  }

  private static func summary(_ report: IndicatorReport) -> String {
    var html = "<section class=\"summary\" aria-labelledby=\"tong-hop\">\n<h2 id=\"tong-hop\">Tổng hợp</h2>\n"
    html += "<table>\n<thead><tr><th scope=\"col\">Chỉ tiêu</th><th scope=\"col\">Mục tiêu</th><th scope=\"col\" class=\"num\">Kết quả</th><th scope=\"col\">Đánh giá</th><th scope=\"col\" class=\"num\">Báo cáo</th></tr></thead>\n<tbody>\n"
    for section in report.sections {
      let result = section.aggregate
      html += "<tr><td><a href=\"#chi-tieu-\(anchor(section.indicator.code))\">\(HTMLText.escaped(section.indicator.code)). \(HTMLText.escaped(section.indicator.displayName))</a></td>"
      html += "<td>\(HTMLText.escaped(section.indicator.target.text))</td>"
      html += "<td class=\"num\">\(HTMLText.escaped(result.ratio.percentText))</td>"
      html += "<td>\(badge(result.outcome))</td>"
      html += "<td class=\"num\">\(result.unitsReported)/\(result.unitsExpected)</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n</section>\n"
  }

  private static func render(_ section: IndicatorReportSection, period: Period) -> String {
    let indicator = section.indicator
    let result = section.aggregate
    let id = "chi-tieu-\(anchor(indicator.code))"
    var html = "<section id=\"\(id)\" class=\"indicator \(outcomeClass(result.outcome))\" aria-labelledby=\"\(id)-h\">\n"
    html += "<h2 id=\"\(id)-h\"><span class=\"code\">Chỉ tiêu \(HTMLText.escaped(indicator.code))</span> \(HTMLText.escaped(indicator.name))</h2>\n"
    html += "<dl>\n"
    html += "<dt>Mục tiêu</dt><dd>\(HTMLText.escaped(indicator.target.text))\(indicator.target.wording.isEmpty ? "" : " — “\(HTMLText.escaped(indicator.target.wording))”")</dd>\n"
    html += "<dt>Tử số</dt><dd>\(HTMLText.escaped(indicator.numeratorDefinition))</dd>\n"
    html += "<dt>Mẫu số</dt><dd>\(HTMLText.escaped(indicator.denominatorDefinition))</dd>\n"
    html += "<dt>Nguồn số liệu</dt><dd>\(HTMLText.escaped(indicator.source.vietnameseName))</dd>\n"
    if !indicator.exclusionNote.isEmpty {
      html += "<dt>Loại trừ</dt><dd>\(HTMLText.escaped(indicator.exclusionNote))</dd>\n"
    }
    if let mapping = indicator.termMapping {
      html += "<dt>Cách gọi mới</dt><dd>\(HTMLText.escaped(mapping.note))</dd>\n"
    }
    html += "</dl>\n"
    html += "<p class=\"aggregate\">Toàn đơn vị: <strong>\(HTMLText.escaped(ReportFormatting.grouped(result.ratio.numerator)))/\(HTMLText.escaped(ReportFormatting.grouped(result.ratio.denominator))) = \(HTMLText.escaped(result.ratio.percentText))</strong> \(badge(result.outcome)) · Báo cáo \(result.unitsReported)/\(result.unitsExpected) đơn vị</p>\n"
    if !section.rows.isEmpty {
      html += chart(section)
      html += table(section)
    }
    return html + "</section>\n"
  }

  private static func table(_ section: IndicatorReportSection) -> String {
    var html = "<table>\n<caption>Xếp hạng đơn vị — chỉ tiêu \(HTMLText.escaped(section.indicator.code))</caption>\n"
    html += "<thead><tr><th scope=\"col\" class=\"num\">Hạng</th><th scope=\"col\">Đơn vị</th><th scope=\"col\" class=\"num\">Tử số</th><th scope=\"col\" class=\"num\">Mẫu số</th><th scope=\"col\" class=\"num\">Tỷ lệ</th><th scope=\"col\" class=\"num\">Mức đạt</th><th scope=\"col\">Đánh giá</th><th scope=\"col\" class=\"num\">Báo cáo</th></tr></thead>\n<tbody>\n"
    // A thousand units make a thousand rows per indicator: each row is one string.
    html.reserveCapacity(html.utf8.count + section.rows.count * 420)
    for row in section.rows {
      let result = row.result
      let rank = row.rank == 0 ? "–" : String(row.rank)
      let attainment = result.ratio.hasData ? ReportFormatting.percent(basisPoints: result.attainmentBasisPoints) : "—"
      html += """
        <tr class="\(outcomeClass(result.outcome))"><td class="num">\(rank)</td>\
        <td class="unit depth-\(min(row.depth, 4))">\(HTMLText.escaped(row.unit.name))</td>\
        <td class="num">\(ReportFormatting.grouped(result.ratio.numerator))</td>\
        <td class="num">\(ReportFormatting.grouped(result.ratio.denominator))</td>\
        <td class="num">\(HTMLText.escaped(result.ratio.percentText))</td><td class="num">\(attainment)</td>\
        <td>\(badge(result.outcome))</td><td class="num">\(result.unitsReported)/\(result.unitsExpected)</td></tr>

        """
    }
    return html + "</tbody>\n</table>\n"
  }

  /// A horizontal bar per unit (0–100%), coloured by outcome, with the target as a dashed
  /// vertical line.
  private static func chart(_ section: IndicatorReportSection) -> String {
    let rows = Array(section.rows.filter { $0.result.ratio.hasData }.prefix(chartLimit))
    guard !rows.isEmpty else { return "" }
    let labelWidth = 230
    let barWidth = 380
    let rowHeight = 18
    let top = 20
    let height = top + rows.count * rowHeight + 8
    let width = labelWidth + barWidth + 70
    let targetX = labelWidth + section.indicator.target.percent.basisPoints * barWidth / 10_000
    let label = "Biểu đồ tỷ lệ theo đơn vị, chỉ tiêu \(section.indicator.code), mục tiêu \(section.indicator.target.text)"
    var svg = "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" aria-label=\"\(HTMLText.escaped(label))\">\n"
    svg += "<title>\(HTMLText.escaped(label))</title>\n"
    for tick in stride(from: 0, through: 100, by: 25) {
      let x = labelWidth + tick * barWidth / 100
      svg += "<line x1=\"\(x)\" y1=\"\(top - 4)\" x2=\"\(x)\" y2=\"\(height - 8)\" class=\"grid\"/>"
      svg += "<text x=\"\(x)\" y=\"\(top - 8)\" class=\"tick\">\(tick)%</text>\n"
    }
    // Bars first, then the target line over them, then the values with a white halo over it.
    var values = ""
    for (index, row) in rows.enumerated() {
      let y = top + index * rowHeight
      // A share is 0–100%; a value stored out of that range draws a full bar, not a trap.
      let length = max(1, min(max(row.result.valueBasisPoints, 0), 10_000) * barWidth / 10_000)
      let name = ReportFormatting.truncated(row.unit.displayName, to: 34)
      svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" class=\"label\">\(HTMLText.escaped(name))</text>"
      svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" class=\"bar \(outcomeClass(row.result.outcome))\"/>\n"
      values += "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 13)\" class=\"value\">\(HTMLText.escaped(row.result.ratio.percentText)) \(row.result.outcome.symbol)</text>\n"
    }
    svg += "<line x1=\"\(targetX)\" y1=\"\(top - 4)\" x2=\"\(targetX)\" y2=\"\(height - 8)\" class=\"target\"/>"
    svg += "<text x=\"\(targetX)\" y=\"\(height - 1)\" class=\"target-label\">Mục tiêu \(HTMLText.escaped(section.indicator.target.text))</text>\n"
    svg += values
    svg += "</svg>\n<figcaption>\(HTMLText.escaped(label)). Đường nét đứt: mục tiêu.</figcaption>\n</figure>\n"
    return svg
  }

  private static func badge(_ outcome: TargetOutcome) -> String {
    switch outcome {
    case .met: badges.met
    case .notMet: badges.notMet
    case .noData: badges.noData
    }
  }

  /// Each outcome's badge, made once: every row of every table shows one.
  private static let badges = (met: makeBadge(.met), notMet: makeBadge(.notMet), noData: makeBadge(.noData))

  private static func makeBadge(_ outcome: TargetOutcome) -> String {
    "<span class=\"badge \(outcomeClass(outcome))\">\(outcome.symbol) \(HTMLText.escaped(outcome.vietnameseName))</span>"
  }

  private static func outcomeClass(_ outcome: TargetOutcome) -> String {
    switch outcome {
    case .met: return "met"
    case .notMet: return "not-met"
    case .noData: return "no-data"
    }
  }

  /// Indicator codes are letters, digits, '.' and '-': safe in an id once dots are dashes.
  private static func anchor(_ code: String) -> String {
    HTMLText.escaped(code.replacingOccurrences(of: ".", with: "-"))
  }

  private static func sourceText(_ source: SourceRef) -> String {
    var text = "Nghị quyết \(source.document)"
    if let issued = source.issued { text += " ngày \(issued.vietnameseText)" }
    if !source.note.isEmpty { text += " — \(source.note)" }
    return text
  }

  private static let style = """
    :root{--met:#1b5e20;--met-bg:#e8f5e9;--not:#b71c1c;--not-bg:#ffebee;--none:#616161;--none-bg:#f5f5f5;--ink:#1a1a1a;--line:#d0d0d0}
    *{box-sizing:border-box}
    body{font-family:"Noto Sans","Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:1.5rem;line-height:1.45}
    h1{font-size:1.45rem;margin:0 0 .4rem}
    h2{font-size:1.12rem;margin:0 0 .6rem}
    h2 .code{display:inline-block;background:#263238;color:#fff;border-radius:4px;padding:0 .45rem;margin-right:.35rem;font-size:.95rem}
    .meta{color:#444;margin:.2rem 0}
    section{border:1px solid var(--line);border-left:6px solid var(--none);border-radius:6px;padding:1rem 1.2rem;margin:1.2rem 0;break-inside:avoid-page}
    section.met{border-left-color:var(--met)}
    section.not-met{border-left-color:var(--not)}
    section.summary{border-left-color:#263238}
    dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0 .8rem;font-size:.92rem}
    dt{font-weight:600;color:#333}
    dd{margin:0}
    table{border-collapse:collapse;width:100%;font-size:.9rem;margin-top:.6rem}
    caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
    th{background:#eceff1}
    .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .unit.depth-2{padding-left:1.5rem}
    .unit.depth-3{padding-left:2.5rem}
    .unit.depth-4{padding-left:3.5rem}
    .badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-weight:600;white-space:nowrap}
    .badge.met{color:var(--met);background:var(--met-bg)}
    .badge.not-met{color:var(--not);background:var(--not-bg)}
    .badge.no-data{color:var(--none);background:var(--none-bg)}
    tr.not-met td:first-child{box-shadow:inset 3px 0 var(--not)}
    figure{margin:.6rem 0}
    figcaption{font-size:.8rem;color:#555}
    svg text{font-family:inherit;font-size:11px;fill:var(--ink)}
    svg .label{text-anchor:end}
    svg .tick,svg .target-label{text-anchor:middle;fill:#555;font-size:10px}
    svg .value,svg .target-label{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
    svg .grid{stroke:#e0e0e0;stroke-width:1}
    svg .bar.met{fill:#2e7d32}
    svg .bar.not-met{fill:#c62828}
    svg .bar.no-data{fill:#9e9e9e}
    svg .target{stroke:#0d47a1;stroke-width:2;stroke-dasharray:5 3}
    @media print{
      body{max-width:none;padding:0;font-size:10pt}
      @page{size:A4;margin:15mm}
      section{border-color:#999;break-inside:avoid}
      a{color:inherit;text-decoration:none}
      th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
      .badge,svg .bar{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }
    """
}

import Mustache

/// The console's pages as Mustache templates, compiled into the binary so that a build needs
/// no resource bundle. Every value is rendered with `{{…}}`, which escapes HTML; none uses
/// the unescaped `{{{…}}}`. The pages extend `layout`, which holds the navigation and the
/// sign-out form.
enum ConsoleTemplates {
  /// Every template, by name.
  static func library() throws -> MustacheLibrary {
    var library = MustacheLibrary()
    for (name, text) in [
      ("layout", layout), ("sign-in", signIn), ("operations", operations), ("inbox", inbox), ("document", document), ("ratings", ratings),
      ("problem", problem), ("report", report), ("programmes", programmes), ("programme", programme), ("audit", audit),
      ("rating-list", ratingList), ("sent", sent), ("explain", explain), ("document-form-fields", documentFormFields),
      ("operations-modules", operationsModules), ("operations-workers", operationsWorkers),
    ] {
      try library.register(text, named: name)
    }
    return library
  }

  static let layout = """
    <!DOCTYPE html>
    <html lang="vi">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{$title}}Reform{{/title}} — Bảng điều khiển Reform</title>
    <link rel="stylesheet" href="/console/tep/console.css">
    <link rel="icon" href="/console/tep/bieu-tuong.svg" type="image/svg+xml">
    </head>
    <body>
    <header>
    <p class="brand">Reform</p>
    {{#session}}
    <nav aria-label="Chính">
    <ul>
    {{#showOperations}}<li><a href="/console/van-hanh">Vận hành</a></li>{{/showOperations}}
    <li><a href="/console/van-ban-den">Văn bản đến</a></li>
    <li><a href="/console/van-ban-di">Văn bản đi</a></li>
    <li><a href="/console/bao-cao">Báo cáo</a></li>
    <li><a href="/console/xep-loai">Xếp loại</a></li>
    <li><a href="/console/kiem-tra">Kiểm tra</a></li>
    {{#showAudit}}<li><a href="/console/nhat-ky">Nhật ký</a></li>{{/showAudit}}
    </ul>
    </nav>
    <form method="post" action="/console/dang-xuat" class="sign-out">
    <input type="hidden" name="csrf" value="{{formToken}}">
    <span class="who">{{displayName}}{{#unitCode}} · {{.}}{{/unitCode}} · {{roles}}</span>
    <button type="submit">Đăng xuất</button>
    </form>
    {{/session}}
    </header>
    <main>
    {{$main}}{{/main}}
    </main>
    </body>
    </html>
    """

  static let signIn = """
    {{<layout}}
    {{$title}}Đăng nhập{{/title}}
    {{$main}}
    <h1>Đăng nhập</h1>
    {{#message}}<p class="error" role="alert">{{.}}</p>{{/message}}
    <form method="post" action="/console/dang-nhap" class="card">
    <input type="hidden" name="csrf" value="{{formToken}}">
    <input type="hidden" name="next" value="{{next}}">
    <label for="token">Mã truy cập Reform</label>
    <input id="token" name="token" type="password" autocomplete="off" required maxlength="512">
    <p class="meta">Mã do quản trị viên cấp (<code>reformctl tokens create</code>); mã chỉ lưu ở máy chủ, không gửi lại trình duyệt.</p>
    <button type="submit">Đăng nhập</button>
    </form>
    {{/main}}
    {{/layout}}
    """

  static let operations = """
    {{<layout}}
    {{$title}}Vận hành{{/title}}
    {{$main}}
    <h1>Vận hành</h1>
    <p class="meta">Điều phối {{coordinator}} · cập nhật lúc <span id="live-time">{{time}}</span> <span id="live-state" class="meta" data-live="/console/van-hanh/truc-tiep" aria-live="polite"></span></p>
    <section class="summary">
    <h2>Mô-đun</h2>
    <table>
    <thead><tr><th scope="col">Mô-đun</th><th scope="col" class="num">Worker</th><th scope="col" class="num">Đang tạm dừng</th><th scope="col" class="num">Hàng đợi</th><th scope="col" class="num">Đang xử lý</th><th scope="col" class="num">Lượt gọi</th><th scope="col" class="num">Lượt/giây</th><th scope="col" class="num">Lỗi</th><th scope="col" class="num">p50 (ms)</th><th scope="col" class="num">p99 (ms)</th></tr></thead>
    <tbody id="live-modules">{{> operations-modules}}</tbody>
    </table>
    </section>
    <section>
    <h2>Worker</h2>
    <table>
    <thead><tr><th scope="col">Worker</th><th scope="col">Mô-đun</th><th scope="col">Trạng thái</th><th scope="col" class="num">Đang xử lý</th><th scope="col" class="num">Xong</th><th scope="col" class="num">Lỗi</th><th scope="col">Nhịp tim</th><th scope="col">Thao tác</th></tr></thead>
    <tbody id="live-workers">{{> operations-workers}}</tbody>
    </table>
    </section>
    <script src="/console/tep/truc-tiep.js" defer></script>
    {{/main}}
    {{/layout}}
    """

  /// The rows of the operations page's two tables: rendered in the page, and again for each
  /// live update the page's script puts in place.
  static let operationsModules = """
    {{#modules}}
    <tr><td>{{name}}</td><td class="num">{{workers}}</td><td class="num">{{draining}}</td><td class="num">{{queue}}</td><td class="num">{{inFlight}}</td><td class="num">{{calls}}</td><td class="num">{{rate}}</td><td class="num">{{errors}}</td><td class="num">{{p50}}</td><td class="num">{{p99}}</td></tr>
    {{/modules}}
    """

  static let operationsWorkers = """
    {{#workers}}
    <tr class="{{stateClass}}" data-worker="{{id}}"><td><code>{{id}}</code></td><td>{{module}}</td><td><span class="badge {{stateClass}}">{{state}}</span></td><td class="num">{{inFlight}}/{{capacity}}</td><td class="num">{{done}}</td><td class="num">{{failed}}</td><td>{{heartbeat}}</td>
    <td>{{#canDrain}}<form method="post" action="/console/van-hanh/tam-dung"><input type="hidden" name="csrf" value="{{formToken}}"><input type="hidden" name="worker" value="{{id}}"><button type="submit">Tạm dừng</button></form>{{/canDrain}}{{#canResume}}<form method="post" action="/console/van-hanh/tiep-tuc"><input type="hidden" name="csrf" value="{{formToken}}"><input type="hidden" name="worker" value="{{id}}"><button type="submit">Tiếp tục</button></form>{{/canResume}}</td></tr>
    {{/workers}}
    {{^workers}}<tr><td colspan="8">Chưa có worker nào.</td></tr>{{/workers}}
    """

  static let inbox = """
    {{<layout}}
    {{$title}}Văn bản đến{{/title}}
    {{$main}}
    <h1>Văn bản đến</h1>
    <form method="get" action="/console/van-ban-den" class="filter">
    <label for="don-vi">Đơn vị</label>
    <input id="don-vi" name="don-vi" value="{{unit}}" maxlength="64">
    <button type="submit">Xem</button>
    </form>
    {{#prompt}}<p>Nhập mã đơn vị (ví dụ DUK) để xem sổ văn bản đến của đơn vị đó.</p>{{/prompt}}
    {{^prompt}}
    <p class="meta">{{count}} văn bản · khẩn trước · giờ Việt Nam (UTC+7)</p>
    <table>
    <thead><tr><th scope="col">Số đến</th><th scope="col">Ngày đến</th><th scope="col">Số, ký hiệu</th><th scope="col">Trích yếu</th><th scope="col">Nơi gửi</th><th scope="col">Độ khẩn</th><th scope="col">Hạn xử lý</th><th scope="col">Trạng thái</th></tr></thead>
    <tbody>
    {{#items}}
    <tr class="{{#overdue}}not-met{{/overdue}}"><td class="num">{{arrival}}</td><td>{{arrived}}</td><td>{{number}}</td><td><a href="{{link}}">{{subject}}</a></td><td>{{sender}}</td><td>{{#urgent}}<span class="badge not-met">{{urgency}}</span>{{/urgent}}{{^urgent}}{{urgency}}{{/urgent}}</td><td>{{due}}{{#overdue}} <span class="badge not-met">Quá hạn</span>{{/overdue}}</td><td>{{status}}</td></tr>
    {{/items}}
    {{^items}}<tr><td colspan="8">Không có văn bản.</td></tr>{{/items}}
    </tbody>
    </table>
    {{#more}}<p class="meta">Chỉ hiện {{count}} văn bản đầu tiên.</p>{{/more}}
    {{/prompt}}
    {{/main}}
    {{/layout}}
    """

  static let document = """
    {{<layout}}
    {{$title}}{{subject}}{{/title}}
    {{$main}}
    <p><a href="{{back}}">← {{backLabel}}</a></p>
    <h1>{{subject}}</h1>
    <section class="{{#overdue}}not-met{{/overdue}}">
    <dl>
    <dt>Số, ký hiệu</dt><dd>{{number}}</dd>
    <dt>Loại văn bản</dt><dd>{{kind}}</dd>
    <dt>Cơ quan ban hành</dt><dd>{{sender}}</dd>
    <dt>Ngày ban hành</dt><dd>{{issued}}</dd>
    <dt>Người ký</dt><dd>{{signer}}</dd>
    <dt>Độ khẩn</dt><dd>{{urgency}}</dd>
    <dt>Hạn xử lý</dt><dd>{{due}}{{#overdue}} <span class="badge not-met">Quá hạn</span>{{/overdue}}</dd>
    <dt>Mã định danh</dt><dd><code>{{id}}</code></dd>
    </dl>
    </section>
    {{#delivery}}
    <section>
    <h2>Bản của đơn vị {{unit}}</h2>
    <dl>
    <dt>Số đến</dt><dd>{{arrival}}</dd>
    <dt>Ngày, giờ đến</dt><dd>{{arrived}}</dd>
    <dt>Trạng thái</dt><dd>{{status}}</dd>
    <dt>Cập nhật lần cuối</dt><dd>{{lastNotice}}</dd>
    </dl>
    </section>
    {{/delivery}}
    {{#hasDeliveries}}
    <section>
    <h2>Nơi nhận</h2>
    <table>
    <thead><tr><th scope="col">Nơi nhận</th><th scope="col">Số đến</th><th scope="col">Trạng thái</th></tr></thead>
    <tbody>{{#deliveries}}<tr class="{{#overdue}}not-met{{/overdue}}"><td>{{receiver}}</td><td>{{arrival}}</td><td>{{status}}</td></tr>{{/deliveries}}</tbody>
    </table>
    </section>
    {{/hasDeliveries}}
    <section>
    <h2>Tệp đính kèm</h2>
    <ul>{{#attachments}}<li><a href="{{link}}" download>{{name}}</a> ({{size}})</li>{{/attachments}}{{^attachments}}<li>Không có.</li>{{/attachments}}</ul>
    </section>
    {{#hasHistory}}
    <section>
    <h2>Quá trình xử lý</h2>
    <table>
    <thead><tr><th scope="col">Thời gian</th><th scope="col">Nơi nhận</th><th scope="col">Trạng thái</th><th scope="col">Nội dung</th><th scope="col">Người xử lý</th></tr></thead>
    <tbody>{{#history}}<tr><td>{{time}}</td><td>{{receiver}}</td><td>{{code}}</td><td>{{detail}}</td><td>{{staff}}</td></tr>{{/history}}</tbody>
    </table>
    </section>
    {{/hasHistory}}
    {{#canNotice}}
    <section>
    <h2>Cập nhật trạng thái</h2>
    <form method="post" action="/console/van-ban/thong-bao" class="card">
    {{> document-form-fields}}
    <label for="ma">Trạng thái mới</label>
    <select id="ma" name="code">{{#noticeChoices}}<option value="{{code}}">{{name}}</option>{{/noticeChoices}}</select>
    <label for="noi-dung">Nội dung (không bắt buộc)</label>
    <textarea id="noi-dung" name="detail" maxlength="2000" rows="3"></textarea>
    <button type="submit">Gửi trạng thái</button>
    </form>
    </section>
    {{/canNotice}}
    {{#canRecall}}
    <section>
    <h2>Lấy lại văn bản</h2>
    <form method="post" action="/console/van-ban/thu-hoi" class="card">
    {{> document-form-fields}}
    <label for="ly-do">Lý do</label>
    <textarea id="ly-do" name="detail" maxlength="2000" rows="3" required></textarea>
    <button type="submit">Yêu cầu lấy lại (13)</button>
    </form>
    </section>
    {{/canRecall}}
    {{/main}}
    {{/layout}}
    """

  static let ratings = """
    {{<layout}}
    {{$title}}Xếp loại {{year}}{{/title}}
    {{$main}}
    <h1>Xếp loại năm {{year}}</h1>
    <form method="get" action="/console/xep-loai" class="filter">
    <label for="nam">Năm</label>
    <input id="nam" name="nam" value="{{year}}" inputmode="numeric" maxlength="4" size="5">
    <label for="don-vi">Đơn vị</label>
    <input id="don-vi" name="don-vi" value="{{unit}}" maxlength="64" placeholder="cả Đảng bộ Khối">
    <button type="submit">Xem</button>
    </form>
    <p class="meta">Kết quả chính thức; trong ngoặc: tỷ lệ và thay đổi so với năm trước.</p>
    <section class="summary">
    <table>
    <thead><tr><th scope="col">Đơn vị</th><th scope="col">Đối tượng</th><th scope="col" class="num">Được xếp loại</th>{{#levelNames}}<th scope="col" class="num">{{.}}</th>{{/levelNames}}</tr></thead>
    <tbody>
    {{#rows}}
    <tr{{#total}} class="total"{{/total}}><td>{{#link}}<a href="{{.}}">{{unit}}</a>{{/link}}{{^link}}{{unit}}{{/link}}</td><td>{{kind}}</td><td class="num">{{rated}}</td>{{#levels}}<td class="num">{{count}} ({{share}}, {{change}})</td>{{/levels}}</tr>
    {{/rows}}
    {{^rows}}<tr><td colspan="7">Chưa có kết quả xếp loại năm này.</td></tr>{{/rows}}
    </tbody>
    </table>
    </section>
    {{/main}}
    {{/layout}}
    """

  static let problem = """
    {{<layout}}
    {{$title}}{{heading}}{{/title}}
    {{$main}}
    <h1>{{heading}}</h1>
    <p class="error" role="alert">{{message}}</p>
    <p><a href="{{back}}">Quay lại</a></p>
    {{/main}}
    {{/layout}}
    """

  /// What both of a document's forms carry: the form token, the form's idempotency key, the
  /// document and the unit acting.
  static let documentFormFields = """
    <input type="hidden" name="csrf" value="{{formToken}}">
    <input type="hidden" name="key" value="{{key}}">
    <input type="hidden" name="id" value="{{id}}">
    <input type="hidden" name="unit" value="{{unit}}">
    """

  static let sent = """
    {{<layout}}
    {{$title}}Văn bản đi{{/title}}
    {{$main}}
    <h1>Văn bản đi</h1>
    <form method="get" action="/console/van-ban-di" class="filter">
    <label for="don-vi">Đơn vị</label>
    <input id="don-vi" name="don-vi" value="{{unit}}" maxlength="64">
    <button type="submit">Xem</button>
    </form>
    {{#prompt}}<p>Nhập mã đơn vị (ví dụ DUK) để xem văn bản đơn vị đó đã gửi.</p>{{/prompt}}
    {{^prompt}}
    <p class="meta">{{count}} văn bản · mới nhất trước</p>
    <table>
    <thead><tr><th scope="col">Ngày ban hành</th><th scope="col">Số, ký hiệu</th><th scope="col">Trích yếu</th><th scope="col" class="num">Nơi nhận</th><th scope="col" class="num">Đã hoàn thành</th></tr></thead>
    <tbody>
    {{#items}}
    <tr class="{{#overdue}}not-met{{/overdue}}"><td>{{issued}}</td><td>{{number}}</td><td><a href="{{link}}">{{subject}}</a></td><td class="num">{{receivers}}</td><td class="num">{{done}}{{#overdue}} <span class="badge not-met">Quá hạn</span>{{/overdue}}</td></tr>
    {{/items}}
    {{^items}}<tr><td colspan="5">Không có văn bản.</td></tr>{{/items}}
    </tbody>
    </table>
    {{#more}}<p class="meta">Chỉ hiện {{count}} văn bản đầu tiên.</p>{{/more}}
    {{/prompt}}
    {{/main}}
    {{/layout}}
    """

  static let report = """
    {{<layout}}
    {{$title}}Báo cáo {{year}}{{/title}}
    {{$main}}
    <h1>Báo cáo chỉ tiêu năm {{year}}</h1>
    <form method="get" action="/console/bao-cao" class="filter">
    <label for="bo">Bộ chỉ tiêu</label>
    <select id="bo" name="bo">{{#sets}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{id}}</option>{{/sets}}</select>
    <label for="nam">Năm</label>
    <input id="nam" name="nam" value="{{year}}" inputmode="numeric" maxlength="4" size="5">
    <label for="don-vi">Đơn vị</label>
    <input id="don-vi" name="don-vi" value="{{unit}}" maxlength="64" placeholder="cả Đảng bộ Khối">
    <button type="submit">Xem</button>
    </form>
    {{#done}}<p class="done" role="status">{{.}}</p>{{/done}}
    <p class="meta">{{setName}}{{#up}} · <a href="{{.}}">↑ Đơn vị cấp trên</a>{{/up}} · Tải về: <a href="{{csvLink}}">CSV</a>, <a href="{{htmlLink}}">báo cáo HTML</a></p>
    <section class="summary">
    <h2>Tổng hợp</h2>
    <p><span class="badge met">Đạt {{met}}</span> <span class="badge not-met">Không đạt {{notMet}}</span> <span class="badge no-data">Chưa có số liệu {{noData}}</span></p>
    </section>
    {{#indicators}}
    <section>
    <h2>{{code}}. {{name}}</h2>
    {{#target}}<p class="meta">Mục tiêu: {{.}}</p>{{/target}}
    <table>
    <thead><tr><th scope="col">Đơn vị</th><th scope="col" class="num">Giá trị</th><th scope="col">Biểu đồ</th><th scope="col" class="num">Tử số/mẫu số</th><th scope="col">Kết quả</th><th scope="col" class="num">Đơn vị đã báo cáo</th><th scope="col" class="num">Xếp hạng</th></tr></thead>
    <tbody>
    {{#rows}}
    <tr class="{{#own}}total {{/own}}{{outcomeClass}}"><td>{{#link}}<a href="{{.}}">{{unit}}</a>{{/link}}{{^link}}{{unit}}{{/link}}</td><td class="num">{{value}}</td><td><meter min="0" max="10000" value="{{meter}}" aria-label="{{unit}}: {{value}}">{{value}}</meter></td><td class="num">{{fraction}}</td><td><span class="badge {{outcomeClass}}">{{outcome}}</span></td><td class="num">{{coverage}}</td><td class="num">{{rank}}</td></tr>
    {{/rows}}
    </tbody>
    </table>
    </section>
    {{/indicators}}
    {{^indicators}}<p>Chưa có số liệu cho kỳ này.</p>{{/indicators}}
    {{#canSubmit}}
    <form method="post" action="/console/bao-cao/nop" class="inline">
    <input type="hidden" name="csrf" value="{{formToken}}"><input type="hidden" name="set" value="{{setId}}"><input type="hidden" name="unit" value="{{unit}}"><input type="hidden" name="year" value="{{year}}">
    <button type="submit">Nộp số liệu năm {{year}} của {{unit}}</button>
    </form>
    {{/canSubmit}}
    {{#canApprove}}
    <form method="post" action="/console/bao-cao/duyet" class="inline">
    <input type="hidden" name="csrf" value="{{formToken}}"><input type="hidden" name="set" value="{{setId}}"><input type="hidden" name="unit" value="{{unit}}"><input type="hidden" name="year" value="{{year}}">
    <button type="submit">Duyệt số liệu năm {{year}} của {{unit}}</button>
    </form>
    {{/canApprove}}
    {{/main}}
    {{/layout}}
    """

  static let programmes = """
    {{<layout}}
    {{$title}}Kế hoạch kiểm tra {{year}}{{/title}}
    {{$main}}
    <h1>Kế hoạch kiểm tra, giám sát năm {{year}}</h1>
    <form method="get" action="/console/kiem-tra" class="filter">
    <label for="nam">Năm</label>
    <input id="nam" name="nam" value="{{year}}" inputmode="numeric" maxlength="4" size="5">
    <label for="don-vi">Đơn vị lập</label>
    <input id="don-vi" name="don-vi" value="{{owner}}" maxlength="64" placeholder="tất cả">
    <button type="submit">Xem</button>
    </form>
    <table>
    <thead><tr><th scope="col">Kế hoạch</th><th scope="col">Đơn vị lập</th><th scope="col" class="num">Phiên bản</th><th scope="col" class="num">Cuộc</th><th scope="col" class="num">Chưa xếp được</th><th scope="col">Lập lúc</th></tr></thead>
    <tbody>
    {{#items}}<tr><td><a href="{{link}}">{{name}}</a></td><td>{{owner}}</td><td class="num">{{version}}</td><td class="num">{{visits}}</td><td class="num">{{unplaced}}</td><td>{{created}}</td></tr>{{/items}}
    {{^items}}<tr><td colspan="6">Chưa có kế hoạch năm này.</td></tr>{{/items}}
    </tbody>
    </table>
    {{/main}}
    {{/layout}}
    """

  static let programme = """
    {{<layout}}
    {{$title}}{{name}}{{/title}}
    {{$main}}
    <p><a href="/console/kiem-tra?nam={{year}}">← Kế hoạch năm {{year}}</a></p>
    <h1>{{name}}</h1>
    <p class="meta">Đơn vị lập {{owner}} · phiên bản {{version}}{{#unplaced}} · {{.}} cuộc chưa xếp được{{/unplaced}} · Tải về: <a href="{{icsLink}}">iCalendar</a>, <a href="{{csvLink}}">CSV</a></p>
    <section class="summary">
    <h2>{{monthName}}</h2>
    <p class="month-nav">{{#previous}}<a href="{{.}}">← Tháng trước</a>{{/previous}} {{#next}}<a href="{{.}}">Tháng sau →</a>{{/next}}</p>
    <table class="calendar">
    <thead><tr>{{#weekdays}}<th scope="col">{{.}}</th>{{/weekdays}}</tr></thead>
    <tbody>
    {{#weeks}}<tr>{{#days}}<td class="{{^inMonth}}other{{/inMonth}}{{^working}} off{{/working}}" aria-label="{{label}}"><span class="day">{{number}}</span>{{#holiday}}<span class="holiday">{{.}}</span>{{/holiday}}{{#visits}}<span class="visit">{{.}}</span>{{/visits}}</td>{{/days}}</tr>{{/weeks}}
    </tbody>
    </table>
    </section>
    {{#teams}}
    <section>
    <h2>Đoàn {{name}}</h2>
    <table>
    <thead><tr><th scope="col">Đơn vị được kiểm tra</th><th scope="col">Hình thức</th><th scope="col">Thời gian</th><th scope="col" class="num">Ngày làm việc</th><th scope="col" class="num">Rủi ro</th><th scope="col">Nội dung</th></tr></thead>
    <tbody>{{#visits}}<tr><td>{{unit}}</td><td>{{kind}}</td><td>{{days}}</td><td class="num">{{workingDays}}</td><td class="num">{{risk}}</td><td>{{topic}}</td></tr>{{/visits}}</tbody>
    </table>
    </section>
    {{/teams}}
    <section>
    <h2>Ngày nghỉ lễ, Tết và ngày nghỉ bù năm {{year}}</h2>
    <ul>{{#holidays}}<li>{{day}}: {{name}} ({{kind}})</li>{{/holidays}}{{^holidays}}<li>Không có.</li>{{/holidays}}</ul>
    </section>
    {{/main}}
    {{/layout}}
    """

  static let audit = """
    {{<layout}}
    {{$title}}Nhật ký{{/title}}
    {{$main}}
    <h1>Nhật ký truy cập</h1>
    <form method="get" action="/console/nhat-ky" class="filter wrap">
    <label for="ai">Người dùng</label><input id="ai" name="ai" value="{{who}}" maxlength="128">
    <label for="phuong-thuc">Phương thức</label><input id="phuong-thuc" name="phuong-thuc" value="{{method}}" maxlength="200" placeholder="/reform.v1.ExchangeService/Send">
    <label for="don-vi">Đơn vị</label><input id="don-vi" name="don-vi" value="{{unit}}" maxlength="64">
    <label for="tu">Từ ngày</label><input id="tu" name="tu" type="date" value="{{from}}">
    <label for="den">Đến ngày</label><input id="den" name="den" type="date" value="{{to}}">
    <button type="submit">Lọc</button>
    </form>
    <p class="meta">Mới nhất trước · giờ Việt Nam (UTC+7){{#more}} · chỉ hiện 200 mục đầu{{/more}}</p>
    <table>
    <thead><tr><th scope="col" class="num">#</th><th scope="col">Thời gian</th><th scope="col">Người dùng</th><th scope="col">Phương thức</th><th scope="col">Đơn vị</th><th scope="col">Đối tượng</th><th scope="col">Loại</th><th scope="col">Kết quả</th></tr></thead>
    <tbody>
    {{#entries}}<tr class="{{#failed}}not-met{{/failed}}"><td class="num">{{sequence}}</td><td>{{time}}</td><td>{{who}}</td><td><code>{{method}}</code></td><td>{{unit}}</td><td>{{target}}</td><td>{{action}}</td><td>{{status}}{{#message}} — {{.}}{{/message}}</td></tr>{{/entries}}
    {{^entries}}<tr><td colspan="8">Không có mục nào.</td></tr>{{/entries}}
    </tbody>
    </table>
    {{/main}}
    {{/layout}}
    """

  static let ratingList = """
    {{<layout}}
    {{$title}}Xếp loại {{unit}} {{year}}{{/title}}
    {{$main}}
    <p><a href="/console/xep-loai?nam={{year}}">← Xếp loại năm {{year}}</a></p>
    <h1>Xếp loại năm {{year}} — {{unit}}</h1>
    <table>
    <thead><tr><th scope="col">Họ tên / tập thể</th><th scope="col">Đối tượng</th><th scope="col">Mức</th></tr></thead>
    <tbody>
    {{#items}}<tr><td><a href="{{link}}">{{name}}</a></td><td>{{kind}}</td><td>{{level}}{{#demoted}} <span class="badge not-met">hạ theo tỷ lệ</span>{{/demoted}}</td></tr>{{/items}}
    {{^items}}<tr><td colspan="3">Chưa có kết quả.</td></tr>{{/items}}
    </tbody>
    </table>
    {{#more}}<p class="meta">Chỉ hiện 500 kết quả đầu.</p>{{/more}}
    {{/main}}
    {{/layout}}
    """

  static let explain = """
    {{<layout}}
    {{$title}}Giải trình: {{name}}{{/title}}
    {{$main}}
    <p><a href="{{back}}">← Xếp loại của {{unit}}</a></p>
    <h1>{{name}}: {{level}} năm {{year}}</h1>
    <section class="summary">
    <dl>
    <dt>Đối tượng</dt><dd>{{kind}}, {{unit}}</dd>
    <dt>Mức xếp loại</dt><dd>{{level}}{{#levelBefore}} (trước khi áp tỷ lệ: {{.}}){{/levelBefore}}</dd>
    {{#score}}<dt>Điểm</dt><dd>{{.}}</dd>{{/score}}
    <dt>Bộ quy tắc</dt><dd>{{ruleSet}}</dd>
    {{#demotion}}<dt>Áp tỷ lệ</dt><dd>{{.}}</dd>{{/demotion}}
    </dl>
    {{#narrative}}<p>{{.}}</p>{{/narrative}}
    </section>
    <section>
    <h2>Các quy tắc đã xét</h2>
    <table>
    <thead><tr><th scope="col">Quy tắc</th><th scope="col">Nội dung</th><th scope="col">Căn cứ</th><th scope="col">Kết quả</th><th scope="col">Mức sau quy tắc</th><th scope="col">Chi tiết</th></tr></thead>
    <tbody>{{#checks}}<tr class="{{#failed}}not-met{{/failed}}"><td><code>{{rule}}</code></td><td>{{text}}</td><td>{{source}}</td><td>{{outcome}}</td><td>{{levelAfter}}</td><td>{{detail}}</td></tr>{{/checks}}</tbody>
    </table>
    </section>
    {{/main}}
    {{/layout}}
    """
}

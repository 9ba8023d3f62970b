/// The console's style sheet, served at `/console/tep/console.css`: the palette and tables of
/// the registry's HTML report, with a header, forms and buttons besides.
enum ConsoleStyle {
  static let css = """
    :root{--met:#1b5e20;--met-bg:#e8f5e9;--not:#b71c1c;--not-bg:#ffebee;--none:#616161;--none-bg:#f5f5f5;--ink:#1a1a1a;--line:#d0d0d0;--head:#263238}
    *{box-sizing:border-box}
    body{font-family:"Noto Sans","Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);margin:0;line-height:1.45}
    header{background:var(--head);color:#fff;display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.2rem;padding:.5rem 1.5rem}
    header .brand{font-weight:700;margin:0}
    header nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:0;padding:0}
    header a{color:#fff}
    header .sign-out{margin-left:auto;display:flex;align-items:center;gap:.6rem}
    main{margin:0 auto;max-width:1100px;padding:1.5rem;overflow-x:auto}
    h1{font-size:1.45rem;margin:0 0 .4rem}
    h2{font-size:1.12rem;margin:0 0 .6rem}
    .meta{color:#444;margin:.2rem 0}
    section{border:1px solid var(--line);border-left:6px solid var(--none);border-radius:6px;padding:1rem 1.2rem;margin:1.2rem 0;overflow-x:auto}
    section.summary{border-left-color:var(--head)}
    section.not-met{border-left-color:var(--not)}
    dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0 .8rem;font-size:.92rem}
    dt{font-weight:600;color:#333}
    dd{margin:0}
    table{border-collapse:collapse;width:100%;font-size:.9rem;margin-top:.6rem}
    th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
    th{background:#eceff1}
    .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-weight:600;white-space:nowrap}
    .badge.met{color:var(--met);background:var(--met-bg)}
    .badge.not-met{color:var(--not);background:var(--not-bg)}
    .badge.no-data{color:var(--none);background:var(--none-bg)}
    tr.total td{font-weight:600;background:#f7f9fa}
    tr.not-met td:first-child{box-shadow:inset 3px 0 var(--not)}
    form.card{border:1px solid var(--line);border-radius:6px;padding:1rem 1.2rem;max-width:32rem;display:grid;gap:.5rem}
    form.filter{display:flex;gap:.5rem;align-items:center;margin:.6rem 0}
    label{font-weight:600}
    input{font:inherit;padding:.3rem .5rem;border:1px solid #888;border-radius:4px}
    button{font:inherit;padding:.25rem .8rem;border:1px solid var(--head);border-radius:4px;background:#fff;color:var(--head);cursor:pointer}
    button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #1565c0;outline-offset:2px}
    .done{color:var(--met);background:var(--met-bg);padding:.4rem .6rem;border-radius:4px}
    form.filter.wrap{flex-wrap:wrap}
    form.inline{display:inline-block;margin:.4rem .6rem .4rem 0}
    select,textarea{font:inherit;padding:.3rem .5rem;border:1px solid #888;border-radius:4px}
    meter{width:8rem}
    table.calendar{table-layout:fixed}
    table.calendar td{height:5.5rem;font-size:.8rem}
    table.calendar td.off{background:#f3f3f3}
    table.calendar td.other{color:#999;background:#fafafa}
    table.calendar .day{display:block;font-weight:700}
    table.calendar .holiday{display:block;color:var(--not)}
    table.calendar .visit{display:block;border-left:3px solid var(--head);padding-left:.25rem;margin-top:.15rem}
    @media (max-width:700px){main{padding:.8rem}table{min-width:56rem}form.filter{flex-wrap:wrap}table.calendar td{height:auto}header .sign-out{margin-left:0}}
    .error{color:var(--not);background:var(--not-bg);padding:.4rem .6rem;border-radius:4px}
    """

  /// The console's icon: a tick on the header's colour.
  static let icon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#263238"/><path d="M8 17l5 5 11-12" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>
    """

  /// The operations page's live updates: rows from `data-live`'s event stream put in place of
  /// the tables' own; the page is whole without it.
  static let liveScript = """
    (function () {
      "use strict";
      var state = document.querySelector("[data-live]");
      if (!state || !window.EventSource) { return; }
      var source = new EventSource(state.getAttribute("data-live"));
      function put(id) {
        return function (event) {
          var target = document.getElementById(id);
          if (target) { target.innerHTML = event.data; }
        };
      }
      source.addEventListener("modules", put("live-modules"));
      source.addEventListener("workers", put("live-workers"));
      source.addEventListener("time", function (event) {
        document.getElementById("live-time").textContent = event.data;
        state.textContent = "· cập nhật trực tiếp";
      });
      function lost() {
        source.close();
        state.textContent = "· đã ngừng cập nhật trực tiếp; tải lại trang để xem số liệu mới";
      }
      source.addEventListener("lost", lost);
      source.onerror = function () { if (source.readyState === EventSource.CLOSED) { lost(); } };
    })();
    """
}

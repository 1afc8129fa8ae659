/* Self-assessment ratings, saved under "tlp:assessment:v1" (contract 8, README), never sent. Saved,
 * imported and linked data is untrusted: prototype-free maps, known levels, text via textContent. */
(function () {
  "use strict";
  var KEY = "tlp:assessment:v1", LEVELS = ["not-yet", "growing", "doing-it"], LINK = 8000;
  var words, rows, names, mine, theirs, tools;

  function map() { return Object.create(null); }

  function w(id, values) { return (words[id] || id).replace(/\{(\w+)\}/g, function (a, k) { return values[k]; }); }

  function parse(json) { try { return JSON.parse(json); } catch (e) { return null; } }

  function isMap(v) { return !!v && typeof v === "object" && !Array.isArray(v); }

  function $(selector, root) { return (root || document).querySelector(selector); }

  function all(selector, run) { document.querySelectorAll(selector).forEach(run); }

  /* Well-formed ratings; `any`: of any behavior (storage keeps those this version lacks). */
  function clean(data, any) {
    var out = map(), given = isMap(data) && isMap(data.ratings) ? data.ratings : {};
    Object.keys(given).forEach(function (id) {
      var r = isMap(given[id]) ? given[id] : {}, level = LEVELS.indexOf(r.level) < 0 ? "" : r.level;
      var evidence = typeof r.evidence === "string" ? r.evidence.slice(0, 500) : "";
      if ((any || rows[id]) && (level || evidence)) out[id] = { level: level, evidence: evidence, f: String(r.f || ""), t: +r.t || 0 };
    });
    return out;
  }


  function say(text) { $("[role=status]", tools).textContent = text; }

  function paint() {
    Object.keys(rows).forEach(function (id) {
      var tr = rows[id], m = mine[id] || {}, t = (theirs && theirs[id]) || {}, area = $("textarea", tr);
      tr.dataset.mine = m.level || ""; /* CSS shows the levels */
      tr.dataset.theirs = t.level || "";
      tr.querySelectorAll("input").forEach(function (input) { input.checked = input.value === m.level; });
      if (document.activeElement !== area) area.value = m.evidence || "";
      $(".assess__print-ev", tr).textContent = m.evidence || "";
      $(".assess__their-ev span", tr).textContent = t.evidence || "";
      $(".assess__changed", tr).hidden = !m.f || m.f === tr.dataset.text;
    });
    all("[data-you], [data-them]", function (el) {
      var you = el.hasAttribute("data-you"), level = ((you ? mine : theirs || map())[el.getAttribute(you ? "data-you" : "data-them")] || {}).level;
      var n = LEVELS.indexOf(level) + 1;
      if (el.tagName === "rect") el.setAttribute("width", n ? n * 200 - 4 : 0);
      else el.textContent = n ? names[level] : you || theirs ? w("assessment-unrated") : "";
    });
    $("[data-act=clear]", tools).hidden = !theirs;
  }

  function save(tr, level, evidence) {
    var id = tr.dataset.behavior, r = mine[id] || (mine[id] = { level: "", evidence: "", f: "" });
    if (level) r.level = level;
    else r.evidence = evidence;
    if (level || !r.f) r.f = tr.dataset.text; /* rating again accepts a new wording */
    r.t = Date.now();
    try { localStorage.setItem(KEY, JSON.stringify({ ratings: mine })); } catch (e) { say(w("assessment-not-saving")); }
    paint();
  }

  /* What a peer gets: levels and evidence, nothing else. */
  function shared() {
    var out = map();
    Object.keys(mine).forEach(function (id) { if (rows[id]) out[id] = { level: mine[id].level, evidence: mine[id].evidence }; });
    return { version: 1, ratings: out };
  }

  function compare(data) {
    var got = clean(data), n = Object.keys(got).length;
    if (!n) return say(w("assessment-refused"));
    theirs = got;
    paint();
    say(w("assessment-shown", { count: n }));
  }

  /* #ratings=<base64url JSON>: a fragment never reaches a server. */
  function fromLink() {
    var code = location.hash.slice(9), bytes;
    if (location.hash.indexOf("#ratings=") !== 0) return;
    try { bytes = Uint8Array.from(atob(code.length > LINK ? "!" : code.replace(/-/g, "+").replace(/_/g, "/")), function (c) { return c.charCodeAt(0); }); } catch (e) { /* refused */ }
    compare(bytes && parse(new TextDecoder().decode(bytes)));
  }

  function md(text) { return String(text).replace(/\s+/g, " ").replace(/[\\`*_[\]<>|#]/g, "\\$&"); }

  function line(cells) { return "| " + cells.map(md).join(" | ") + " |"; }

  function markdown() {
    var head = [].map.call(document.querySelectorAll(".assess__values th[scope=col]"), function (th) { return th.textContent; });
    var cols = head.slice(0, theirs ? 3 : 2).concat($("th.assess__ev").textContent);
    var out = ["# " + md(w("assessment-export-title", { date: new Date().toISOString().slice(0, 10) })), "", location.href.split("#")[0]];
    all("[data-assessment-area]", function (box) {
      out.push("", "## " + md(box.dataset.name), "", line(cols), line(cols.map(function () { return "---"; })));
      box.querySelectorAll("tr[data-behavior]").forEach(function (tr) {
        var m = mine[tr.dataset.behavior] || {}, t = (theirs && theirs[tr.dataset.behavior]) || {};
        out.push(line([$("a", tr).textContent, names[m.level] || ""].concat(theirs ? [names[t.level] || ""] : [], [m.evidence || ""])));
      });
    });
    return out.join("\n") + "\n";
  }

  function copy(text, done) {
    var area = $("textarea", tools), fallback = function () {
      area.value = text;
      area.hidden = false;
      area.select();
      say(w("assessment-copy-blocked"));
    };
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { say(done); }, fallback);
    else fallback();
  }

  function download(name, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: name.slice(-2) === "md" ? "text/markdown" : "application/json" }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function act(kind) {
    var bin = "";
    if (kind === "copy") copy(markdown(), w("checklist-copied"));
    if (kind === "md") download("self-assessment.md", markdown());
    if (kind === "json") download("self-assessment.json", JSON.stringify(shared(), null, 2));
    if (kind === "share") {
      new TextEncoder().encode(JSON.stringify(shared())).forEach(function (b) { bin += String.fromCharCode(b); });
      bin = btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      if (bin.length > LINK) say(w("assessment-link-long"));
      else copy(location.href.split("#")[0] + "#ratings=" + bin, w("assessment-link-copied"));
    }
    if (kind === "clear") {
      theirs = null;
      if (location.hash.indexOf("#ratings=") === 0) history.replaceState(history.state, "", location.pathname + location.search);
      paint();
      say(w("assessment-cleared"));
      $("input[type=file]", tools).focus();
    }
  }

  function init() {
    tools = $("[data-assessment]");
    if (!tools || tools.dataset.ready) return;
    tools.dataset.ready = 1;
    var source = $("#tlp-words"), given = source && parse(source.dataset.words);
    words = map();
    rows = map();
    names = map();
    theirs = null;
    if (isMap(given)) Object.keys(given).forEach(function (k) { words[k] = String(given[k]); });
    all("tr[data-behavior]", function (tr) { rows[tr.dataset.behavior] = tr; });
    all(".assess__table th[data-level]", function (th) { names[th.dataset.level] = th.textContent; });
    try { mine = clean(parse(localStorage.getItem(KEY)), 1); } catch (e) { mine = map(); }
    all("[data-assessment-area]", function (box) {
      box.addEventListener("change", function (e) { if (e.target.type === "radio") save(e.target.closest("tr"), e.target.value); });
      box.addEventListener("input", function (e) { if (e.target.tagName === "TEXTAREA") save(e.target.closest("tr"), "", e.target.value); });
    });
    tools.addEventListener("click", function (e) {
      var button = e.target.closest("[data-act]");
      if (button) act(button.dataset.act);
    });
    $("input[type=file]", tools).addEventListener("change", function (e) {
      var file = e.target.files[0];
      e.target.value = ""; /* the same file can be chosen again; an export is a few kB, not 1 MB */
      if (file) (file.size > 1e6 ? Promise.resolve("") : file.text()).catch(String).then(function (json) { compare(parse(json)); });
    });
    paint();
    fromLink();
  }

  addEventListener("hashchange", function () { if (tools && tools.isConnected) fromLink(); }); /* a link pasted over the page */
  /* Material's document$ emits on each instant navigation; file:// has only the load. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

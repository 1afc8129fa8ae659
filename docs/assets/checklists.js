/* Tech Lead Playbook checklists: saved ticks, sync, exports. No framework, no other origin.
 * Progress lives in localStorage under "tlp:checklist:v1:<checklist-id>" as
 * {"items": {"<item-id>": {"f": "<text fingerprint>", "t": <ms>}}}: keyed by ids, never by
 * position or wording, so reordering, inserting or rewording items keeps every tick.
 * Stored, imported and linked data is untrusted: ids key prototype-free maps ("constructor" is
 * an ordinary id), malformed entries are dropped, selectors get ids through CSS.escape. */
(function () {
  "use strict";
  var PREFIX = "tlp:checklist:v1:";
  var memory = map(); /* memory: ticks the browser refused to store, kept for this page */
  var started = false;
  var words = map();

  /* A word of the page's #tlp-words (the fork's: macros/data/wordbook.py), {placeholders} filled. */
  function w(id, values) {
    return (words[id] || id).replace(/\{(\w+)\}/g, function (all, key) { return values[key]; });
  }

  function map() { return Object.create(null); }

  function isMap(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

  /* The own entries of `source` that `pick` accepts (and reshapes), in a prototype-free map. */
  function dict(source, pick) {
    var out = map();
    if (isMap(source)) Object.keys(source).forEach(function (key) {
      var value = pick(source[key]);
      if (value !== undefined) out[key] = value;
    });
    return out;
  }

  function tick(v) { if (isMap(v) && typeof v.f === "string" && Number.isFinite(v.t)) return { f: v.f, t: v.t }; }

  function text(v) { if (typeof v === "string") return v; }

  function parse(json) {
    try { return JSON.parse(json); } catch (e) { return null; }
  }

  function read(id) {
    if (memory[id]) return memory[id];
    var data;
    try { data = parse(localStorage.getItem(PREFIX + id)); } catch (e) { /* unavailable or disabled: start empty */ }
    return { items: dict(isMap(data) && data.items, tick) };
  }

  function write(id, data) {
    try {
      localStorage.setItem(PREFIX + id, JSON.stringify(data));
      delete memory[id];
      return true;
    } catch (e) {
      memory[id] = data; /* full or disabled: ticks still work on this page */
      return false;
    }
  }

  function aliases(box, name) { return dict(parse(box.getAttribute(name)), text); }

  /* Ticks saved under an old checklist or item id (see `aliases` in data/checklists.yml) move to the new id. */
  function migrate(box) {
    var id = box.dataset.checklist, data = read(id), moved = false;
    (box.dataset.oldIds || "").split(" ").forEach(function (old) {
      if (!old) return;
      var past = read(old);
      Object.keys(past.items).forEach(function (k) { if (!data.items[k]) { data.items[k] = past.items[k]; moved = true; } });
      try { localStorage.removeItem(PREFIX + old); } catch (e) { /* nothing to clean */ }
    });
    var items = aliases(box, "data-item-aliases");
    Object.keys(items).forEach(function (old) {
      if (data.items[old] && !data.items[items[old]]) { data.items[items[old]] = data.items[old]; moved = true; }
      if (data.items[old]) { delete data.items[old]; moved = true; }
    });
    if (moved) write(id, data);
  }

  function boxes(id) {
    return document.querySelectorAll('[data-checklist="' + CSS.escape(id) + '"]');
  }

  function paint(box) {
    var data = read(box.dataset.checklist), items = box.querySelectorAll("[data-item]"), done = 0;
    items.forEach(function (li) {
      var saved = data.items[li.dataset.item], input = li.querySelector("input[type=checkbox]");
      input.checked = !!saved;
      if (saved) done++;
      var changed = saved && saved.f && saved.f !== li.dataset.text, note = li.querySelector(".checklist__changed");
      if (changed && !note) {
        note = document.createElement("span");
        note.className = "checklist__changed";
        note.textContent = " " + w("checklist-changed");
        li.querySelector("label").appendChild(note);
      } else if (!changed && note) note.remove();
    });
    var progress = box.querySelector(".checklist__progress");
    if (progress) progress.textContent = w("checklist-progress", { done: done, total: items.length });
  }

  function paintAll(id) { boxes(id).forEach(paint); }

  function toggle(box, li, on) {
    var id = box.dataset.checklist, data = read(id);
    if (on) data.items[li.dataset.item] = { f: li.dataset.text, t: Date.now() };
    else delete data.items[li.dataset.item];
    if (!write(id, data)) say(box, w("checklist-not-saving"));
    paintAll(id);
  }

  function say(container, text, button) {
    var status = container.querySelector("[role=status]");
    status.textContent = text + " ";
    if (button) status.appendChild(button);
  }

  function undoButton(run) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button checklist__undo";
    button.textContent = w("undo");
    button.addEventListener("click", run);
    return button;
  }

  function markdown(box) {
    var title = box.querySelector(".checklist__title").textContent.trim();
    var lines = ["## " + title, "", location.href.split("#")[0] + "#" + box.id, ""];
    box.querySelectorAll("[data-item]").forEach(function (li) {
      var text = li.querySelector(".checklist__text").textContent.replace(/\s+/g, " ").trim();
      lines.push("- [" + (li.querySelector("input").checked ? "x" : " ") + "] " + text);
    });
    return lines.join("\n") + "\n";
  }

  function copyFallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  function copy(box) {
    var text = markdown(box), done = function () { say(box, w("checklist-copied")); };
    var fallback = function () {
      if (copyFallback(text)) return done();
      var area = box.querySelector(".checklist__copy-area") || document.createElement("textarea");
      area.className = "checklist__copy-area";
      area.setAttribute("aria-label", w("checklist-copy-here"));
      area.value = text;
      box.appendChild(area);
      area.select();
      say(box, w("checklist-copy-blocked"));
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  function download(name, text, type) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function issueUrl(box) { /* data-tracker has {title} and {body}; too long, and the body goes to the clipboard */
    var url = box.dataset.tracker.replace("{title}", encodeURIComponent(box.querySelector(".checklist__title").textContent.trim()));
    var full = url.replace("{body}", encodeURIComponent(markdown(box)));
    if (full.length <= +box.dataset.trackerLimit) return full;
    copy(box);
    return url.replace("{body}", encodeURIComponent(w("checklist-issue-paste")));
  }

  function reset(box) {
    var id = box.dataset.checklist, before = read(id);
    write(id, { items: map() });
    paintAll(id);
    var button = undoButton(function () {
      write(id, before);
      paintAll(id);
      say(box, w("checklist-restored"));
      box.querySelector(".checklist__reset").focus();
    });
    say(box, w("checklist-cleared"), button);
    button.focus();
  }

  function setup(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    migrate(box);
    paint(box);
    box.addEventListener("change", function (event) {
      var li = event.target.closest("[data-item]");
      if (li && event.target.type === "checkbox") toggle(box, li, event.target.checked);
    });
    var actions = box.querySelector(".checklist__actions");
    if (!actions) return;
    actions.hidden = false;
    actions.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action]");
      if (!action) return;
      var kind = action.dataset.action;
      if (kind === "copy") copy(box);
      else if (kind === "download") download(box.dataset.checklist + ".md", markdown(box), "text/markdown");
      else if (kind === "reset") reset(box);
      else if (kind === "issue") window.open(issueUrl(box), "_blank", "noopener");
    });
  }

  /* An old item or checklist anchor (renamed with an alias) still lands on its item. */
  function followAlias() {
    var hash;
    try { hash = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; } /* malformed: none of ours */
    if (!hash || document.getElementById(hash)) return;
    document.querySelectorAll("[data-checklist]").forEach(function (box) {
      var cid = box.dataset.checklist, items = aliases(box, "data-item-aliases");
      (box.dataset.oldIds || "").split(" ").concat([cid]).forEach(function (old) {
        if (!old) return;
        var target = hash === "checklist-" + old ? box : null, prefix = "checklist-" + old + "--";
        if (hash.indexOf(prefix) === 0) {
          var item = hash.slice(prefix.length);
          target = document.getElementById("checklist-" + cid + "--" + (items[item] || item));
        }
        if (target) {
          target.classList.add("checklist__item--linked");
          land(target);
        }
      });
    });
  }

  /* Scroll now and again after load (late layout may move it), unless the reader moved first. */
  function land(target) {
    var moved = false, mark = function () { moved = true; }, events = ["wheel", "touchstart", "keydown", "mousedown"];
    events.forEach(function (e) { addEventListener(e, mark, true); });
    var again = function () {
      events.forEach(function (e) { removeEventListener(e, mark, true); });
      requestAnimationFrame(function () { if (!moved) target.scrollIntoView(); });
    };
    target.scrollIntoView();
    if (document.readyState === "complete") again();
    else addEventListener("load", again, { once: true });
  }

  /* checklists/: export and import all progress as one JSON file. */
  function allProgress() {
    var out = { version: 1, checklists: map() };
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key.indexOf(PREFIX) === 0) out.checklists[key.slice(PREFIX.length)] = read(key.slice(PREFIX.length));
      }
    } catch (e) { /* storage unavailable: export what we have */ }
    return out;
  }

  /* From the build (data-known): each checklist or item id, current or old, to the current one. */
  function siteIds(panel) {
    var data = parse(panel.dataset.known) || {};
    return { lists: dict(data.checklists, text), items: dict(data.items, function (m) { return dict(m, text); }) };
  }

  /* {checklist id: {item id: tick}}, or null: a file with any part misshapen is refused whole. */
  function parseExport(json) {
    var data = parse(json), out = map(), ok = isMap(data) && data.version === 1 && isMap(data.checklists);
    if (ok) Object.keys(data.checklists).forEach(function (id) {
      var items = isMap(data.checklists[id]) && data.checklists[id].items;
      out[id] = dict(items, tick);
      ok = ok && isMap(items) && Object.keys(out[id]).length === Object.keys(items).length;
    });
    return ok ? out : null;
  }

  /* Merged with what is saved: a tick in either stays; in both, the newer wins. Old ids move to
   * their new ids; ids the site lacks are counted and dropped. */
  function merge(file, site) {
    var plan = map(), lists = 0, items = 0;
    Object.keys(file).forEach(function (old) {
      var id = site.lists[old];
      if (!id) {
        lists++;
        return;
      }
      var data = plan[id] || (plan[id] = { items: dict(read(id).items, tick) });
      Object.keys(file[old]).forEach(function (key) {
        var item = site.items[id][key], theirs = file[old][key], ours = data.items[item];
        if (!item) items++;
        else if (!ours || theirs.t > ours.t) data.items[item] = theirs;
      });
    });
    return { plan: plan, lists: lists, items: items };
  }

  /* Stores [id, JSON or null to remove] changes, all or none: a failure puts back what was done
   * and throws. Returns the changes that undo it. */
  function commit(changes) {
    var back = [];
    try {
      changes.forEach(function (c) {
        var key = PREFIX + c[0], before = [c[0], localStorage.getItem(key)];
        if (c[1] === null) localStorage.removeItem(key);
        else localStorage.setItem(key, c[1]);
        delete memory[c[0]]; /* stored now */
        back.unshift(before);
      });
    } catch (e) {
      commit(back);
      throw e;
    }
    return back;
  }

  function count(n, id) { return w(id + (n === 1 ? "-one" : "-many"), { count: n }); }

  function importText(panel, json) {
    var file = parseExport(json);
    if (!file) return say(panel, w("progress-not-export"));
    var result = merge(file, siteIds(panel)), ids = Object.keys(result.plan), back;
    try {
      back = commit(ids.map(function (id) { return [id, JSON.stringify(result.plan[id])]; }));
    } catch (e) {
      return say(panel, w("progress-full-import"));
    }
    ids.forEach(paintAll);
    var ignored = result.lists + result.items ?
      " " + w("progress-ignored", { checklists: count(result.lists, "checklists"), items: count(result.items, "checklist-items") }) : "";
    say(panel, w("progress-imported", { checklists: count(ids.length, "checklists") }) + ignored, undoButton(function () {
      try {
        commit(back);
        say(panel, w("progress-undone"));
      } catch (e) { say(panel, w("progress-full-undo")); }
      ids.forEach(paintAll);
      panel.querySelector("input[type=file]").focus();
    }));
  }

  function setupTransfer(panel) {
    if (panel.dataset.ready) return;
    panel.dataset.ready = "1";
    panel.hidden = false;
    panel.querySelector("[data-action=export-all]").addEventListener("click", function () {
      download("tech-lead-playbook-progress.json", JSON.stringify(allProgress(), null, 2), "application/json");
    });
    panel.querySelector("input[type=file]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      event.target.value = ""; /* the same file can be chosen again */
      if (!file) return;
      /* A real export is a few kB: a huge file is not one. */
      (file.size > 1e6 ? Promise.resolve("") : file.text()).catch(function () { return ""; })
        .then(function (json) { importText(panel, json); });
    });
  }

  function init() {
    started = true;
    var source = document.getElementById("tlp-words");
    words = dict(source && parse(source.dataset.words), text);
    document.querySelectorAll("[data-checklist]").forEach(setup);
    document.querySelectorAll(".checklist-transfer").forEach(setupTransfer);
    followAlias();
  }

  window.addEventListener("storage", function (event) {
    if (event.key && event.key.indexOf(PREFIX) === 0) paintAll(event.key.slice(PREFIX.length));
  });
  window.addEventListener("hashchange", followAlias);
  /* Once per page: Material's document$ emits on load and on each instant navigation, subscribed
   * first so init cannot prevent it. On file:// (the offline copy) only DOMContentLoaded fires. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  function start() { if (!started) init(); }
  if (document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", start);
})();

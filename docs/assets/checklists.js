/* Tech Lead Playbook checklists: saved ticks, sync, exports. No framework, no other origin.
 * Progress lives in localStorage under "tlp:checklist:v1:<checklist-id>" as
 * {"items": {"<item-id>": {"f": "<text fingerprint>", "t": <ms>}}}: keyed by ids, never by
 * position or wording, so reordering, inserting or rewording items keeps every tick. */
(function () {
  "use strict";
  var PREFIX = "tlp:checklist:v1:";
  var undo = {}, memory = {}; /* memory: ticks the browser refused to store, kept for this page */

  function read(id) {
    if (memory[id]) return memory[id];
    try {
      var data = JSON.parse(localStorage.getItem(PREFIX + id));
      if (data && typeof data.items === "object" && !Array.isArray(data.items)) return data;
    } catch (e) { /* unavailable, disabled or garbage: start empty */ }
    return { items: {} };
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

  function aliases(box, name) {
    try { return JSON.parse(box.getAttribute(name) || "{}"); } catch (e) { return {}; }
  }

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
    return document.querySelectorAll('[data-checklist="' + id + '"]');
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
        note.textContent = " (updated since you ticked it)";
        li.querySelector("label").appendChild(note);
      } else if (!changed && note) note.remove();
    });
    var progress = box.querySelector(".checklist__progress");
    if (progress) progress.textContent = done + " of " + items.length + " done";
  }

  function paintAll(id) { boxes(id).forEach(paint); }

  function toggle(box, li, on) {
    var id = box.dataset.checklist, data = read(id);
    if (on) data.items[li.dataset.item] = { f: li.dataset.text, t: Date.now() };
    else delete data.items[li.dataset.item];
    if (!write(id, data)) say(box, "Your browser is not saving ticks (storage is full or disabled).");
    paintAll(id);
  }

  function say(box, text, button) {
    var status = box.querySelector(".checklist__status");
    status.textContent = text + " ";
    if (button) status.appendChild(button);
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
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  function copy(box) {
    var text = markdown(box), done = function () { say(box, "Copied as Markdown."); };
    var fallback = function () {
      if (copyFallback(text)) return done();
      var area = box.querySelector(".checklist__copy-area") || document.createElement("textarea");
      area.className = "checklist__copy-area";
      area.setAttribute("aria-label", "Checklist as Markdown: copy it from here");
      area.value = text;
      box.appendChild(area);
      area.select();
      say(box, "Copying is blocked here: the Markdown is selected below, press Ctrl+C or Cmd+C.");
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

  function issueUrl(box) {
    var tracker = box.dataset.tracker, title = box.querySelector(".checklist__title").textContent.trim();
    var body = encodeURIComponent(markdown(box)), t = encodeURIComponent(title);
    if (/\/-\/issues\/new/.test(tracker)) return tracker + (tracker.indexOf("?") < 0 ? "?" : "&") + "issue[title]=" + t + "&issue[description]=" + body;
    return tracker + (tracker.indexOf("?") < 0 ? "?" : "&") + "title=" + t + "&body=" + body;
  }

  function reset(box) {
    var id = box.dataset.checklist;
    undo[id] = read(id);
    write(id, { items: {} });
    paintAll(id);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button checklist__undo";
    button.textContent = "Undo";
    button.addEventListener("click", function () {
      write(id, undo[id]);
      paintAll(id);
      say(box, "Ticks restored.");
      box.querySelector(".checklist__reset").focus();
    });
    say(box, "All ticks cleared.", button);
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
    var hash = decodeURIComponent(location.hash.slice(1));
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
          target.scrollIntoView();
          target.classList.add("checklist__item--linked");
        }
      });
    });
  }

  /* checklists/: export and import all progress as one JSON file. */
  function allProgress() {
    var out = { version: 1, checklists: {} };
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key.indexOf(PREFIX) === 0) out.checklists[key.slice(PREFIX.length)] = read(key.slice(PREFIX.length));
      }
    } catch (e) { /* storage unavailable: export what we have */ }
    return out;
  }

  function setupTransfer(panel) {
    if (panel.dataset.ready) return;
    panel.dataset.ready = "1";
    panel.hidden = false;
    var status = panel.querySelector("[role=status]");
    panel.querySelector("[data-action=export-all]").addEventListener("click", function () {
      download("tech-lead-playbook-progress.json", JSON.stringify(allProgress(), null, 2), "application/json");
    });
    panel.querySelector("input[type=file]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data = JSON.parse(text), count = 0;
        Object.keys(data.checklists || {}).forEach(function (id) {
          var items = (data.checklists[id] || {}).items;
          if (items && typeof items === "object" && write(id, { items: items })) count++;
        });
        status.textContent = "Imported progress for " + count + " checklists.";
      }).catch(function () { status.textContent = "That file is not a progress export."; });
    });
  }

  function init() {
    document.querySelectorAll("[data-checklist]").forEach(setup);
    document.querySelectorAll(".checklist-transfer").forEach(setupTransfer);
    followAlias();
  }

  window.addEventListener("storage", function (event) {
    if (event.key && event.key.indexOf(PREFIX) === 0) paintAll(event.key.slice(PREFIX.length));
  });
  window.addEventListener("hashchange", followAlias);
  /* Now, and after every instant navigation (Material's document$; it never fires on file://). */
  function start() {
    init();
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

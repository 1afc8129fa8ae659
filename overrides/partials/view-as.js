{#- View as role (contract 8), inlined in <head> by overrides/main.html with `roles` (the build's
    role ids) and `yours` (the word for a badge); a Jinja comment, so no page carries it. ?as=<id>
    or the reader's saved choice (localStorage "tlp:view-as:v1" = {"role": id}) marks what is
    theirs on every page: one set of CSS rules for that role, written before the first paint, so
    nothing moves, into a constructed style sheet (Material's instant navigation removes <style>
    elements it did not write from <head>). Only an id of the build reaches the rules; anything
    else in the URL or in storage reads as "everyone". -#}
"use strict";
var KEY = "tlp:view-as:v1", html = document.documentElement, sheet = new CSSStyleSheet(), chosen = "";

function known(id) { return id === "" || roles.indexOf(id) >= 0; }

function saved() {
  try {
    var value = JSON.parse(localStorage.getItem(KEY));
    return value && known(value.role) ? value.role : "";
  } catch (e) { return ""; }
}

function save(id) {
  try {
    if (id) localStorage.setItem(KEY, JSON.stringify({ role: id }));
    else localStorage.removeItem(KEY);
  } catch (e) { /* storage off: this page still shows the choice */ }
}

function apply(id) {
  chosen = known(id) ? id : "";
  var r = '[data-role="' + chosen + '"]', mine = ":is(.raci-a,.raci-r,.raci-ar)", m = ".responsibility-matrix ";
  sheet.replaceSync(chosen ? m + r + "," + m + "tr:has(>td" + r + mine + ")>th{background:var(--raci-highlight)}" +
    m + "thead " + r + "{text-decoration:underline}.your-part" + r + "{display:block}" +
    '[data-roles~="' + chosen + '"]>:is(.checklist__title,a:first-child)::after{content:' + JSON.stringify(" " + yours) +
    ";display:inline-block;margin-left:.4em;padding:0 .4em;border-radius:.2em;font-size:.7em;vertical-align:middle;" +
    "color:var(--md-default-bg-color);background:var(--tlp-yours)}" : "");
  if (chosen) html.dataset.viewAs = chosen;
  else delete html.dataset.viewAs;
  var picker = document.getElementById("tlp-view-as");
  if (picker) picker.value = chosen;
}

var asked = new URLSearchParams(location.search).get("as");
if (asked !== null && known(asked)) save(asked); /* a shared link's choice becomes the reader's */
apply(asked !== null && known(asked) ? asked : saved());
html.classList.add("tlp-view-as-on");
document.adoptedStyleSheets = document.adoptedStyleSheets.concat(sheet);
document.addEventListener("DOMContentLoaded", function () { apply(chosen); });
addEventListener("storage", function (event) { if (event.key === KEY) apply(saved()); });
document.addEventListener("change", function (event) {
  if (event.target.id !== "tlp-view-as") return;
  apply(event.target.value);
  save(chosen);
  var url = new URL(location.href);
  if (chosen) url.searchParams.set("as", chosen);
  else url.searchParams.delete("as");
  history.replaceState(history.state, "", url);
});

/* Material's search worker (named after the second #) behind a query rewrite: stopwords dropped,
 * each word asked for whole in titles, text and a page's `tags` (the readers' words in its front
 * matter), boosted, and as a prefix, so a page about "work" is not buried under "worksheet"; words
 * of role titles (after the first #: on every page) count only whole and unboosted ("^1": Material
 * adds no prefix then). "1:1" and "one-on-one" become the tag word "oneonone". On the way back each
 * page's result links to its best-matching section, and teasers are one short passage, never a
 * whole section or table (README: Search). */
(function () {
  var STOP = " a an and are as at be but by can do does for from get how i if in into is it me my of on or should so than that the their then this to was we what when where which who why will with you your ";
  var src = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  var parts = src.split("#"), weak = " " + decodeURIComponent(parts[1]).split("+").join(" ") + " ";
  var forwarding = false, post = self.postMessage;
  function rewrite(query) {
    if (typeof query !== "string") return query;
    query = query.replace(/\b(1[:-]1|1-?on-?1|one[- ]on[- ]one)(s?)\b/gi, "oneonone");
    if (/[+~^:*"]|(^|\s)-/.test(query)) return query;
    var words = query.toLowerCase().split(/[\s-]+/).filter(function (w) { return w && STOP.indexOf(" " + w + " ") < 0; });
    var isWeak = function (w) { return weak.indexOf(" " + w + " ") >= 0; };
    var allWeak = words.every(isWeak); /* "tech lead" alone: then its words are what the reader wants */
    return words.length ? words.map(function (w) {
      return !allWeak && isWeak(w) ? w + "^1" : ["text", "title", "tags"].map(function (f) { return f + ":" + w + "^10 " + f + ":" + w + "*^1"; }).join(" ");
    }).join(" ") : query;
  }
  function teaser(html) { /* the first paragraph or item with a match, cut to about 160 characters around it */
    var blocks = String(html).replace(/<mark[^>]*>/g, "\x01").replace(/<\/mark>/g, "\x02").split(/<\/?(?:p|li|ul|ol|pre|table|tr|td|th)\b[^>]*>/);
    var text = (blocks.filter(function (b) { return b.indexOf("\x01") >= 0; })[0] || blocks.filter(function (b) { return b.trim(); })[0] || "").replace(/<[^>]*>/g, "");
    var at = Math.max(0, text.indexOf("\x01") - 60), start = at ? text.indexOf(" ", at) + 1 : 0, end = text.indexOf(" ", start + 160);
    var cut = (start ? "… " : "") + text.slice(start, end < 0 ? text.length : end).replace(/^[^\x01]*?\x02/, "") + (end < 0 ? "" : " …");
    if (cut.split("\x01").length > cut.split("\x02").length) cut += "\x02";
    return cut.trim() ? "<p>" + cut.replace(/\x01/g, "<mark data-md-highlight>").replace(/\x02/g, "</mark>") + "</p>" : "";
  }
  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data && message.data.items) message.data.items.forEach(function (group) {
      group.forEach(function (r) { if (typeof r.text === "string") r.text = teaser(r.text); });
      var at = group.findIndex(function (r) { return r.location.indexOf("#") < 0; }), best = group[0];
      if (at > 0) { /* a section matched best: the page's own link goes there too. Material heads the group */
        var page = group.splice(at, 1)[0]; /* with its one "#"-less result, else with its last: put it last */
        page.location = best.location; page.terms = best.terms; group.push(page);
      }
    });
    return post.apply(self, arguments);
  };
  self.addEventListener("message", function (event) {
    if (forwarding || !event.data || event.data.type !== 2) return; /* 2: a query */
    event.stopImmediatePropagation();
    forwarding = true;
    self.dispatchEvent(new MessageEvent("message", { data: { type: 2, data: rewrite(event.data.data) } }));
    forwarding = false;
  });
  importScripts(new URL(parts[2].split("?")[0], src).href);
})();

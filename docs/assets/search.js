/* Material's search worker (named after the second #) behind a query rewrite: stopwords dropped,
 * each word asked for whole in titles and text (boosted) and as a prefix, so a page about "work"
 * is not buried under "worksheet"; words of role titles (after the first #: on every page) count
 * only whole and unboosted ("^1": Material adds no prefix then) (README: Search). */
(function () {
  var STOP = " a an and are as at be but by do for from how i if in into is it me my of on or so than that the their then this to was we what when where which who why will with you your ";
  var src = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  var parts = src.split("#"), weak = " " + decodeURIComponent(parts[1]).split("+").join(" ") + " ";
  var forwarding = false;
  function rewrite(query) {
    if (typeof query !== "string" || /[+~^:*"]|(^|\s)-/.test(query)) return query;
    var words = query.toLowerCase().split(/[\s-]+/).filter(function (w) { return w && STOP.indexOf(" " + w + " ") < 0; });
    var isWeak = function (w) { return weak.indexOf(" " + w + " ") >= 0; };
    var allWeak = words.every(isWeak); /* "tech lead" alone: then its words are what the reader wants */
    return words.length ? words.map(function (w) { return !allWeak && isWeak(w) ? w + "^1" : "text:" + w + "^10 title:" + w + "^10 text:" + w + "*^1 title:" + w + "*^1"; }).join(" ") : query;
  }
  self.addEventListener("message", function (event) {
    if (forwarding || !event.data || event.data.type !== 2) return; /* 2: a query */
    event.stopImmediatePropagation();
    forwarding = true;
    self.dispatchEvent(new MessageEvent("message", { data: { type: 2, data: rewrite(event.data.data) } }));
    forwarding = false;
  });
  importScripts(new URL(parts[2].split("?")[0], src).href);
})();

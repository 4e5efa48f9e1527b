// article serve: reload the page when the newsroom's judgement changes.
// Served from the preview's own origin (the Content-Security-Policy allows
// no inline script). The page works without it; only live reload needs it.
//
// Each event's data is the new version, and on a second line
// `articles ID…` when only those articles were judged again: a page of
// another article only notes the version.
(function () {
  "use strict";
  if (!window.EventSource || !document.body) {
    return;
  }
  var shown = document.body.getAttribute("data-version");
  var mine = document.body.getAttribute("data-article");
  var source = new EventSource("/events");
  source.addEventListener("version", function (event) {
    var lines = String(event.data).split("\n");
    var version = lines[0];
    if (shown === null || version === shown) {
      return;
    }
    if (mine !== null && lines.length > 1 && lines[1].indexOf("articles") === 0) {
      var ids = lines[1].split(" ").slice(1);
      if (ids.indexOf(mine) < 0) {
        shown = version;
        return;
      }
    }
    var live = document.getElementById("live");
    if (live) {
      live.textContent = "Updating…";
    }
    source.close();
    window.location.reload();
  });
})();

// article serve: reload the page when the newsroom's judgement changes.
// Served from the preview's own origin (the Content-Security-Policy allows
// no inline script). The page works without it; only live reload needs it.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var shown = document.body ? document.body.getAttribute("data-version") : null;
  var source = new EventSource("/events");
  source.addEventListener("version", function (event) {
    if (shown !== null && event.data !== shown) {
      var live = document.getElementById("live");
      if (live) {
        live.textContent = "Updating…";
      }
      source.close();
      window.location.reload();
    }
  });
})();

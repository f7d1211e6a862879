/* Live case widgets: poll each widget's JSON with If-None-Match and update it in place.
   No framework, no build step. Court text is written with textContent only, never as HTML. */
(function () {
  "use strict";
  if (window.__caseWidgetsStarted) { return; }
  window.__caseWidgetsStarted = true;

  var MAX_BACKOFF_SECONDS = 15 * 60;

  function relativeTime(iso) {
    if (!iso) { return "never"; }
    var seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
    if (isNaN(seconds)) { return iso; }
    if (seconds < 60) { return "just now"; }
    var minutes = Math.round(seconds / 60);
    if (minutes < 60) { return minutes + (minutes === 1 ? " minute ago" : " minutes ago"); }
    var hours = Math.round(minutes / 60);
    if (hours < 48) { return hours + (hours === 1 ? " hour ago" : " hours ago"); }
    return Math.round(hours / 24) + " days ago";
  }

  function field(root, name) { return root.querySelector('[data-field="' + name + '"]'); }

  function setText(root, name, value, changed) {
    var node = field(root, name);
    if (!node) { return; }
    var text = value == null ? "" : String(value);
    if (node.textContent !== text) {
      node.textContent = text;
      changed.push(node);
    }
  }

  function renderEntries(root, entries, limit, changed) {
    var list = field(root, "entries");
    if (!list) { return; }
    var shown = (entries || []).slice(0, limit);
    var before = list.textContent;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    shown.forEach(function (entry) {
      var item = document.createElement("li");
      var date = document.createElement("span");
      date.className = "cw-date";
      date.textContent = entry.date_filed || "";
      item.appendChild(date);
      item.appendChild(document.createTextNode(" "));
      if (entry.entry_number) {
        var number = document.createElement("span");
        number.className = "cw-num";
        number.textContent = "#" + entry.entry_number;
        item.appendChild(number);
        item.appendChild(document.createTextNode(" "));
      }
      var description = document.createElement("span");
      description.className = "cw-desc";
      description.textContent = entry.description || "";
      item.appendChild(description);
      list.appendChild(item);
    });
    list.hidden = shown.length === 0;
    if (list.textContent !== before) { changed.push(list); }
  }

  function apply(root, data) {
    var changed = [];
    root.className = root.className.replace(/\bstatus-[a-z]+\b/, "status-" + data.status);
    setText(root, "status_label", data.status_label, changed);
    setText(root, "headline", data.headline, changed);
    var eventDate = field(root, "last_event_date");
    if (eventDate) {
      eventDate.setAttribute("datetime", data.last_event_date || "");
      setText(root, "last_event_date", data.last_event_date ? "(" + data.last_event_date + ")" : "", changed);
    }
    var source = data.status_source || {};
    setText(root, "status_source", source.text || "", changed);
    var sourceLink = field(root, "status_source_link");
    if (sourceLink) {
      if (source.url) { sourceLink.setAttribute("href", source.url); } else { sourceLink.removeAttribute("href"); }
      sourceLink.hidden = !source.url;
    }
    var notRefreshed = field(root, "not-refreshed");
    if (notRefreshed && data.refreshed) { notRefreshed.remove(); }
    var loading = field(root, "history-loading");
    if (loading) { loading.hidden = !data.history_loading; }
    var checked = field(root, "last_checked");
    if (checked) { checked.setAttribute("datetime", data.last_checked || ""); }
    renderEntries(root, data.entries, parseInt(root.getAttribute("data-entries") || "0", 10), changed);
    root.setAttribute("data-version", String(data.version));
    changed.forEach(function (node) {
      node.classList.remove("cw-changed");
      void node.offsetWidth; // restart the highlight animation
      node.classList.add("cw-changed");
    });
  }

  function refreshRelativeTimes(root) {
    var nodes = root.querySelectorAll("time[data-relative]");
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = relativeTime(nodes[i].getAttribute("datetime"));
    }
  }

  function start(root) {
    var url = root.getAttribute("data-widget-url");
    var limit = parseInt(root.getAttribute("data-entries") || "0", 10);
    var interval = Math.max(parseInt(root.getAttribute("data-poll-seconds") || "60", 10), 1);
    var etag = null;
    var failures = 0;
    var timer = null;

    function schedule() {
      clearTimeout(timer);
      var delay = interval * Math.pow(2, failures);
      timer = setTimeout(poll, Math.min(delay, MAX_BACKOFF_SECONDS) * 1000);
    }

    function poll() {
      if (document.hidden) { return; } // resumed by visibilitychange
      var headers = { "Accept": "application/json" };
      if (etag) { headers["If-None-Match"] = etag; }
      fetch(url + "?entries=" + Math.max(limit, 1), { headers: headers, credentials: "omit", cache: "no-cache" })
        .then(function (response) {
          if (response.status === 304) { return null; }
          if (!response.ok) { throw new Error("HTTP " + response.status); }
          etag = response.headers.get("ETag");
          return response.json();
        })
        .then(function (data) {
          failures = 0;
          if (data && String(data.version) !== root.getAttribute("data-version")) { apply(root, data); }
          else if (data) { var checked = field(root, "last_checked"); if (checked) { checked.setAttribute("datetime", data.last_checked || ""); } }
          refreshRelativeTimes(root);
          schedule();
        })
        .catch(function () {
          failures = Math.min(failures + 1, 10);
          schedule();
        });
    }

    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) { poll(); }
    });
    refreshRelativeTimes(root);
    schedule();
  }

  function init() {
    var widgets = document.querySelectorAll("[data-case-widget]");
    for (var i = 0; i < widgets.length; i++) { start(widgets[i]); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();

/* The coding screen's type-ahead: an ARIA 1.2 combobox with a listbox popup
   (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Results as you type
   (150 ms after the last key), ArrowDown/ArrowUp move the highlighted option
   (aria-activedescendant, focus stays in the input), Enter picks it, Escape
   closes the list. Picking posts to the server, which answers the working list. */
(function () {
  "use strict";
  var form = document.getElementById("code-search");
  if (!form) return;
  var input = document.getElementById("code-q");
  var list = document.getElementById("code-results");
  var system = document.getElementById("code-system");
  var date = document.getElementById("code-date");
  var status = document.getElementById("search-status");
  var worklist = document.getElementById("worklist");
  var searchUrl = form.dataset.searchUrl;
  var pickUrl = form.dataset.pickUrl;
  var timer = null;
  var active = -1;
  var generation = 0;

  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (m) return decodeURIComponent(m[1]);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  /* A fragment from the server; when the session has ended (idle sign-out) the answer
     is a redirect to the sign-in page: go there rather than showing it inside the list. */
  function fragment(response) {
    if (response.redirected && /\/login\//.test(response.url)) {
      window.location.assign(response.url);
      throw new Error("signed out");
    }
    return response.text();
  }

  function options() {
    return Array.prototype.slice.call(
      list.querySelectorAll('[role="option"]:not([aria-disabled="true"])'));
  }

  function open() {
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var opts = options();
    if (!opts.length) return;
    if (index < 0) index = opts.length - 1;
    if (index >= opts.length) index = 0;
    opts.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    input.setAttribute("aria-activedescendant", opts[index].id);
    opts[index].scrollIntoView({ block: "nearest" });
  }

  function search() {
    var q = input.value.trim();
    var mine = ++generation;
    if (!q) { list.innerHTML = ""; close(); status.textContent = ""; return; }
    var url = searchUrl + "?" + new URLSearchParams({ q: q, system: system.value, date: date.value });
    fetch(url, { headers: { "X-Fragment": "1" }, credentials: "same-origin" })
      .then(fragment)
      .then(function (html) {
        if (mine !== generation) return; // a newer query is on its way
        // keep the highlighted code highlighted when the fresh list still has it
        var before = options()[active];
        var kept = before ? before.dataset.system + ":" + before.dataset.code : "";
        list.innerHTML = html;
        list.dataset.query = q;
        active = -1;
        input.removeAttribute("aria-activedescendant");
        if (kept) {
          options().forEach(function (o, i) {
            if (active < 0 && o.dataset.system + ":" + o.dataset.code === kept) highlight(i);
          });
        }
        var n = options().length;
        status.textContent = n ? n + " result" + (n === 1 ? "" : "s") + ": use the down arrow to choose" : "no results";
        if (list.children.length) open(); else close();
      })
      .catch(function () { status.textContent = "the search did not answer; try again"; });
  }

  function pick(option) {
    var body = new URLSearchParams({
      system: option.dataset.system, code: option.dataset.code, date: date.value
    });
    close();
    fetch(pickUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), "X-Fragment": "1",
                 "Content-Type": "application/x-www-form-urlencoded" }
    })
      .then(fragment)
      .then(function (html) {
        worklist.innerHTML = html;
        input.focus();
      })
      .catch(function () { status.textContent = "could not add the code; try again"; });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  system.addEventListener("change", search);
  date.addEventListener("change", search);

  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (list.hidden && list.children.length) open();
      highlight(active + 1);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (list.hidden && list.children.length) open();
      highlight(active - 1);
    } else if (e.key === "Enter") {
      var opts = options();
      if (!list.hidden && active >= 0 && opts[active]) {
        e.preventDefault();
        pick(opts[active]);
      }
    } else if (e.key === "Escape") {
      if (!list.hidden) { e.preventDefault(); close(); }
      else { input.value = ""; }
    }
  });

  list.addEventListener("mousedown", function (e) { e.preventDefault(); }); // keep focus in the input
  list.addEventListener("click", function (e) {
    var option = e.target.closest('[role="option"]:not([aria-disabled="true"])');
    if (option) pick(option);
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });

  /* Removing from the working list without leaving the page. */
  worklist.addEventListener("submit", function (e) {
    var f = e.target;
    e.preventDefault();
    fetch(f.action, {
      method: "POST", body: new URLSearchParams(new FormData(f)), credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), "X-Fragment": "1",
                 "Content-Type": "application/x-www-form-urlencoded" }
    })
      .then(fragment)
      .then(function (html) { worklist.innerHTML = html; input.focus(); });
  });
})();

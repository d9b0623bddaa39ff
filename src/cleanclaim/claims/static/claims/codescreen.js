/* The visit coding screen (claims/encounter_code.html). The editor form is swapped by
   HTMX after each button; this script only adds, by event delegation on the document:
   - a type-ahead on every input with data-field (diagnosis, procedure, modifier): an
     ARIA 1.2 combobox whose options come from the code search as of the date of service;
     ↓ ↑ move, Enter picks (the code goes into the field; in "Add a diagnosis" it is
     added at once), Escape closes;
   - Enter in "Add a diagnosis" adds it (elsewhere Enter saves, the form's first button);
   - number keys outside a field pick the favourite with that key;
   - the fee schedule's charge (sent beside each line by the scrubber check) is filled
     into a blank charge field. */
(function () {
  "use strict";
  var timer = null;
  var generation = 0;

  function form() { return document.getElementById("visit-code"); }
  function listOf(input) { return document.getElementById(input.getAttribute("aria-controls")); }
  function options(list) {
    return Array.prototype.slice.call(list.querySelectorAll('[role="option"]:not([aria-disabled="true"])'));
  }
  function close(input) {
    var list = listOf(input);
    if (list) { list.hidden = true; }
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    input.dataset.active = "-1";
  }
  function highlight(input, index) {
    var list = listOf(input);
    var opts = options(list);
    if (!opts.length) return;
    if (index < 0) index = opts.length - 1;
    if (index >= opts.length) index = 0;
    opts.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
    input.dataset.active = String(index);
    input.setAttribute("aria-activedescendant", opts[index].id);
  }
  function search(input) {
    var f = form();
    var list = listOf(input);
    var q = input.value.trim();
    var mine = ++generation;
    if (!q || !f || !list) { if (list) { list.innerHTML = ""; } close(input); return; }
    var url = f.dataset.searchUrl + "?" + new URLSearchParams({ q: q, system: input.dataset.field, date: f.dataset.dos });
    fetch(url, { headers: { "X-Fragment": "1" }, credentials: "same-origin" })
      .then(function (r) {
        if (r.redirected && /\/login\//.test(r.url)) { window.location.assign(r.url); throw new Error("signed out"); }
        return r.text();
      })
      .then(function (html) {
        if (mine !== generation) return;
        list.innerHTML = html;
        // unique option ids per field (the search answers code-opt-N)
        options(list).forEach(function (o, i) { o.id = input.id + "-opt-" + i; });
        Array.prototype.forEach.call(list.querySelectorAll("[id^=code-opt-]"), function (o) { o.id = input.id + "-" + o.id; });
        input.dataset.active = "-1";
        input.removeAttribute("aria-activedescendant");
        if (list.children.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        else { close(input); }
      })
      .catch(function () { /* the check and Save still work without suggestions */ });
  }
  function pick(input, option) {
    input.value = option.dataset.code;
    close(input);
    var then = input.dataset.then && document.getElementById(input.dataset.then);
    if (then) { then.click(); return; }
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.focus();
  }

  document.addEventListener("input", function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.field || !e.isTrusted) return;
    clearTimeout(timer);
    timer = setTimeout(function () { search(input); }, 150);
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t instanceof HTMLInputElement && t.form && t.form.id === "visit-code") {
      var list = t.dataset.field ? listOf(t) : null;
      var active = parseInt(t.dataset.active || "-1", 10);
      if (list && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        if (list.hidden && list.children.length) { list.hidden = false; t.setAttribute("aria-expanded", "true"); }
        highlight(t, active + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Enter") {
        var opts = list ? options(list) : [];
        if (list && !list.hidden && active >= 0 && opts[active]) { e.preventDefault(); pick(t, opts[active]); }
        else if (t.dataset.then) { e.preventDefault(); document.getElementById(t.dataset.then).click(); }
      } else if (e.key === "Escape" && list && !list.hidden) { e.preventDefault(); close(t); }
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || !form()) return;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var fav = form().querySelector('button.fav[data-key="' + e.key + '"]');
    if (fav) { e.preventDefault(); fav.click(); }
  });

  document.addEventListener("mousedown", function (e) {
    if (e.target instanceof Element && e.target.closest("#visit-code [role=listbox]")) e.preventDefault();
  });
  document.addEventListener("click", function (e) {
    var option = e.target instanceof Element && e.target.closest('#visit-code [role="option"]:not([aria-disabled="true"])');
    if (!option) return;
    var list = option.closest("[role=listbox]");
    var input = document.querySelector('[aria-controls="' + list.id + '"]');
    if (input) pick(input, option);
  });
  document.addEventListener("focusout", function (e) {
    var t = e.target;
    if (t instanceof HTMLInputElement && t.dataset.field) setTimeout(function () { close(t); }, 150);
  });

  /* The fee schedule's charge into a blank charge field, once per line and procedure. */
  document.addEventListener("htmx:oobAfterSwap", function (e) {
    var hint = e.detail && e.detail.target;
    if (!(hint instanceof HTMLElement) || !hint.classList.contains("fee-hint") || !hint.dataset.fee) return;
    var n = hint.id.replace("fee-", "");
    var charge = document.querySelector('#visit-code input[data-fee-for="' + n + '"]');
    if (charge && !charge.value) { charge.value = hint.dataset.fee; }
  });
})();

// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Copy-to-clipboard for the private resume link.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button || !navigator.clipboard) { return; }
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) { return; }
    navigator.clipboard.writeText(source.value || source.textContent).then(function () {
      var status = document.getElementById(button.getAttribute('data-copy') + '-status');
      if (status) { status.textContent = button.getAttribute('data-copied'); }
    });
  });
  // After a failed submission, take keyboard and screen-reader users straight to the list of errors.
  // Otherwise, after a submission that needs one more answer (e.g. which municipality), take them to that question, or
  // to the answer to what they just did (the report mail's outcome, a consent given or withdrawn). A first load has none
  // of these, so focus stays where the browser puts it.
  var summary = document.getElementById('error-summary');
  var ask = document.querySelector('[data-dc-ask]');
  if (summary) { summary.focus(); } else if (ask) { ask.focus(); }
  // A line of an error summary leads to its field; one of a group (a radio or checkbox group's first option, a field of
  // the contact's or the visit's fieldset) is focused with the group's legend, hint and error in view above it, where
  // they fit the window with it: the browser's own jump puts the field at the window's top, the legend cut off above.
  document.addEventListener('click', function (event) {
    var link = event.target.closest('#error-summary a[href^="#"]');
    var target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    var group = target && target.closest('fieldset');
    var legend = group && group.querySelector('legend');
    if (!legend || target === group) { return; }
    event.preventDefault();
    target.focus({ preventScroll: true });
    var padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    var height = target.getBoundingClientRect().bottom - legend.getBoundingClientRect().top + padding;
    var fits = height <= window.innerHeight;
    (fits ? legend : target).scrollIntoView({ block: 'start' });
  });
  // A field needed once another has a value (the contact's name once an email address is given): marked while typing.
  document.querySelectorAll('[data-required-with]').forEach(function (field) {
    var other = document.getElementById(field.getAttribute('data-required-with'));
    var wrapper = field.closest('.kern-form-input');
    if (!other) { return; }
    var sync = function () {
      var needed = other.value.trim() !== '';
      if (needed) { field.setAttribute('aria-required', 'true'); } else { field.removeAttribute('aria-required'); }
      if (wrapper) { wrapper.classList.toggle('dc-needed', needed); }
    };
    other.addEventListener('input', sync);
    sync();
  });
  // Switching the language keeps what was typed: the language link (the one with hreflang) opens the same page in the
  // other language, which shows the forms as the server has them. What the person typed into them is kept for that one
  // page load in this tab's session storage and put back; the entry is removed at once, whatever page loads next.
  // Hidden fields (tokens, versions), passwords and files are never kept.
  var KEPT = 'dc-typed-before-language-switch';
  var SKIPPED = /^(hidden|password|file|submit|button|reset|image)$/;
  var CHECKABLE = /^(checkbox|radio)$/;
  var typed = function () {
    return Array.prototype.map.call(document.querySelectorAll('main form'), function (form) {
      var values = [];
      Array.prototype.forEach.call(form.elements, function (el, i) {
        if (el.name && !SKIPPED.test(el.type)) { values.push([i, el.name, CHECKABLE.test(el.type) ? el.checked : el.value]); }
      });
      return values;
    });
  };
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a[hreflang]');
    if (!link || !window.sessionStorage) { return; }
    try {
      sessionStorage.setItem(KEPT, JSON.stringify({ path: location.pathname, forms: typed() }));
    } catch (e) { /* storage full or off: the page switches without the typed values, as without JavaScript */ }
  });
  try {
    var kept = window.sessionStorage && JSON.parse(sessionStorage.getItem(KEPT) || 'null');
    if (kept) { sessionStorage.removeItem(KEPT); }
    var forms = document.querySelectorAll('main form');
    if (kept && kept.path === location.pathname && kept.forms.length === forms.length) {
      kept.forms.forEach(function (values, f) {
        values.forEach(function (v) {
          var el = forms[f].elements[v[0]];
          if (!el || el.name !== v[1] || SKIPPED.test(el.type)) { return; } // another form by now: left as served
          if (CHECKABLE.test(el.type)) { el.checked = v[2]; } else { el.value = v[2]; }
        });
      });
    }
  } catch (e) { /* unreadable entry: nothing put back */ }
  // Show copy buttons only where they can work.
  document.querySelectorAll('[data-copy]').forEach(function (b) { b.hidden = !navigator.clipboard; });
})();

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
  // Show copy buttons only where they can work.
  document.querySelectorAll('[data-copy]').forEach(function (b) { b.hidden = !navigator.clipboard; });
})();

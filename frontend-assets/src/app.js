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
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
  // Show copy buttons only where they can work.
  document.querySelectorAll('[data-copy]').forEach(function (b) { b.hidden = !navigator.clipboard; });
})();

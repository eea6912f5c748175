// Progressive enhancement only: every page works without this file.
(function () {
  // Show each deadline in the viewer's own time zone too.
  document.querySelectorAll('time[data-local]').forEach(function (el) {
    var when = new Date(el.getAttribute('datetime'));
    if (isNaN(when)) return;
    var text = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long', timeStyle: 'short' }).format(when);
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var span = document.createElement('span');
    span.className = 'local-time';
    span.textContent = ' — ' + (el.getAttribute('data-local') || '') + ' ' + text + ' (' + zone + ')';
    el.after(span);
  });
  // Move focus to the error summary so screen readers announce it.
  var summary = document.querySelector('[data-focus]');
  if (summary) summary.focus();
  // Ask before destructive or irreversible actions.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
    });
  });
  // A second click on a submit button while the first is on its way does nothing.
  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function () {
      setTimeout(function () { form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; }); }, 0);
    });
  });
})();

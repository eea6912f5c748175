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
  // Print buttons (an inline onclick would need the content security policy to allow inline script).
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
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
  // Budget: the total follows what is typed, and a total outside the call's limits is said at once, not at the review step.
  document.querySelectorAll('table[data-budget]').forEach(function (table) {
    var output = table.querySelector('[data-budget-total]');
    var outside = document.querySelector('[data-budget-outside]');
    var min = parseFloat(table.getAttribute('data-min')), max = parseFloat(table.getAttribute('data-max'));
    var update = function () {
      var total = 0;
      table.querySelectorAll('input[type=number]').forEach(function (i) { var v = parseFloat(i.value); if (!isNaN(v)) total += v; });
      output.textContent = total.toLocaleString(document.documentElement.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      if (outside) outside.hidden = !(total > 0 && (total < min || total > max));
    };
    table.addEventListener('input', update);
  });
  // Scoring: the weighted total (1-5) follows the scores chosen; shown once every criterion has a score.
  document.querySelectorAll('[data-rubric]').forEach(function (form) {
    var output = form.querySelector('[data-rubric-total]');
    var update = function () {
      var total = 0, complete = true;
      form.querySelectorAll('select[data-weight]').forEach(function (s) {
        var v = parseInt(s.value, 10);
        if (isNaN(v)) complete = false; else total += v * parseInt(s.getAttribute('data-weight'), 10);
      });
      output.textContent = complete ? (total / 100).toLocaleString(document.documentElement.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '–';
    };
    form.addEventListener('change', update);
    update();
  });
  // Autosave every 30 seconds while something changed; the server answers with the new version. The timeout warning
  // below saves at once (form.tfSave), so that a draft is never lost to a session that ends.
  var sessionRenewed = function () {};
  document.querySelectorAll('form[data-autosave]').forEach(function (form) {
    var status = form.querySelector('[data-autosave-status]');
    var dirty = false;
    form.addEventListener('input', function () { dirty = true; });
    form.addEventListener('submit', function () { dirty = false; });
    form.tfSave = function () {
      if (!dirty || !navigator.onLine) return;
      dirty = false;
      // The autosave is an upsert checked by its version; the form's idempotency key belongs to the person's own submit.
      var data = new FormData(form);
      data.delete('__IdempotencyKey');
      fetch(form.getAttribute('data-autosave'), { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (r) {
          var left = parseInt(r.headers.get('X-Session-Expires-In'), 10);
          if (!isNaN(left)) sessionRenewed(left);
          return r.json().then(function (body) { return { ok: r.ok, body: body }; });
        })
        .then(function (res) {
          if (res.ok) {
            form.querySelector('input[name=Version]').value = res.body.version;
            if (status) status.textContent = (status.getAttribute('data-saved') || 'Saved') + ' ' + res.body.savedAt;
          } else if (status) { status.textContent = res.body.conflict || res.body.problem || ''; }
        })
        .catch(function () { dirty = true; }); // offline: try again at the next tick
    };
    setInterval(form.tfSave, 30000);
  });
  // Session timeout: two minutes before the sign-in ends, say so and offer to stay signed in; drafts are saved when the
  // warning shows and again just before the end, whether or not the person answers.
  var timeout = document.getElementById('session-timeout');
  if (timeout && typeof timeout.showModal === 'function') {
    var warnBefore = parseInt(timeout.getAttribute('data-warn-before'), 10) * 1000;
    var warning = timeout.querySelector('[data-timeout-warning]');
    var ended = timeout.querySelector('[data-timeout-ended]');
    var stay = timeout.querySelector('[data-stay-signed-in]');
    var timers = [];
    var saveDrafts = function () {
      document.querySelectorAll('form[data-autosave]').forEach(function (f) { if (f.tfSave) f.tfSave(); });
    };
    var show = function (endedNow) {
      warning.hidden = endedNow;
      ended.hidden = !endedNow;
      timeout.setAttribute('aria-labelledby', endedNow ? 'session-ended-title' : 'session-timeout-title');
      if (!timeout.open) timeout.showModal();
    };
    var schedule = function (seconds) {
      timers.forEach(clearTimeout);
      var ms = seconds * 1000;
      timers = [
        setTimeout(function () { saveDrafts(); show(false); }, Math.max(0, ms - warnBefore)),
        setTimeout(saveDrafts, Math.max(0, ms - 10000)),
        setTimeout(function () { show(true); }, ms),
      ];
    };
    sessionRenewed = function (seconds) { if (!timeout.open) schedule(seconds); };
    stay.addEventListener('click', function () {
      var token = document.querySelector('input[name=__RequestVerificationToken]');
      var body = new FormData();
      if (token) body.append('__RequestVerificationToken', token.value);
      fetch(timeout.getAttribute('data-keep-alive'), { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (res) { schedule(res.expiresIn); timeout.close(); })
        .catch(function () { show(true); }); // the session had already ended
    });
    schedule(parseInt(timeout.getAttribute('data-expires-in'), 10));
  }
})();

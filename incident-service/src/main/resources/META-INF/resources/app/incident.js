// The supervisor's incident page. Counts each deadline down from the server's clock (the page was rendered at
// data-now; the browser only measures the time since), and records a call or a status change with one tap:
// JSON with X-Requested-With, then the page reloads to show what the server stored. No HTML is built from strings.
(function () {
  'use strict';

  var SCRIPT = { 'X-Requested-With': 'JavaScript', 'Content-Type': 'application/json', Accept: 'application/json' };
  var incident = document.body.getAttribute('data-incident');
  var base = '/app/incidents/' + encodeURIComponent(incident);
  var serverAhead = Date.parse(document.body.getAttribute('data-now')) - Date.now();
  var pageError = document.getElementById('page-error');

  function span(ms) {
    var minutes = Math.floor(ms / 60000);
    if (minutes < 60) { return minutes + ' min'; }
    var hours = Math.floor(minutes / 60);
    if (hours < 48) { return hours + ' h ' + (minutes % 60) + ' min'; }
    return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h';
  }

  function tick() {
    var now = Date.now() + serverAhead;
    Array.prototype.forEach.call(document.querySelectorAll('.left[data-due]'), function (left) {
      if (left.getAttribute('data-done') === 'true') { return; }
      var ms = Date.parse(left.getAttribute('data-due')) - now;
      var item = left.closest('.call');
      left.textContent = ms > 0 ? span(ms) + ' left' : 'overdue by ' + span(-ms);
      if (item) { item.classList.toggle('overdue', ms <= 0); }
    });
  }

  function showProblem(target, problem, fallback) {
    var message = fallback;
    if (problem && problem.errors && problem.errors.length) {
      message = problem.errors.map(function (e) { return e.field + ' ' + e.message; }).join('; ');
    } else if (problem && problem.detail) {
      message = problem.detail;
    }
    target.textContent = message;
    target.hidden = false;
    if (target.focus) { target.focus(); }
  }

  async function send(path, body, errorTarget, button) {
    button.disabled = true;
    try {
      var response = await fetch(base + path, { method: 'POST', headers: SCRIPT, body: JSON.stringify(body), credentials: 'same-origin' });
      if (response.status === 499 || response.status === 401) {
        showProblem(errorTarget, null, 'Your session has ended. Reload the page to sign in again.');
      } else if (response.ok) {
        window.location.reload();
        return;
      } else {
        var problem = null;
        try { problem = await response.json(); } catch (e) { problem = null; }
        showProblem(errorTarget, problem, 'Not recorded (' + response.status + '). Try again.');
      }
    } catch (e) {
      showProblem(errorTarget, null, 'No connection: not recorded yet. Try again when there is signal.');
    }
    button.disabled = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll('form.call-form'), function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = {};
      ['reference', 'madeBy', 'madeAt'].forEach(function (name) {
        var value = form.elements[name].value.trim();
        if (value) { body[name] = value; }
      });
      send('/checklist/' + encodeURIComponent(form.getAttribute('data-item')) + '/call', body,
          form.querySelector('.error'), form.querySelector('button[type=submit]'));
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('button[data-status]'), function (button) {
    button.addEventListener('click', function () {
      send('/status', { status: button.getAttribute('data-status') }, pageError, button);
    });
  });

  window.addEventListener('pageshow', function (event) { if (event.persisted) { window.location.reload(); } });
  tick();
  setInterval(tick, 30000);
}());

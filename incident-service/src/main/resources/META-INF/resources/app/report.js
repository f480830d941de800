// Haven reporting page. Every report is first written to this phone's storage with its own
// Idempotency-Key, then sent; what could not be sent is resent when the signal returns. The server
// stores one incident per key, so resending is always safe.
//
// Phones are shared between shifts, so the queue is kept per person: each signed-in person has their own,
// and the page sends and shows only the signed-in person's. Every report also names its author
// (X-Haven-Author), and the server refuses one whose author is not the session's person, so a report is never
// sent under the name of whoever signs in next, even from a page left open. Signing out with unsent reports
// warns first; signing out deletes the person's queue.
(function () {
  'use strict';

  var QUEUE_PREFIX = 'haven.unsent-reports.v2:';
  // Written before queues were kept per person: whose they are cannot be known, so they are never sent.
  var UNATTRIBUTED_QUEUE = 'haven.unsent-reports.v1';
  var SIGN_OUT = '/app/logout';
  var PERSON = '';
  var QUEUE = '';
  var API = '/app/api/incidents';
  var RETRY_EVERY_MS = 15000;
  var TYPE_LABELS = {};
  var sending = false;
  var stopped = false;

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // ---- the on-device queue -------------------------------------------------------------------
  function read(name) {
    try { var items = JSON.parse(localStorage.getItem(name) || '[]'); return Array.isArray(items) ? items : []; } catch (e) { return []; }
  }
  // Only the signed-in person's, and only what they wrote themselves.
  function unsent() {
    return read(QUEUE).filter(function (i) { return i.author === PERSON; });
  }
  function keep(items) {
    if (items.length) { localStorage.setItem(QUEUE, JSON.stringify(items)); } else { localStorage.removeItem(QUEUE); }
  }
  function enqueue(item) { var items = unsent(); item.author = PERSON; items.push(item); keep(items); }
  function forget(key) { keep(unsent().filter(function (i) { return i.key !== key; })); }
  function forgetAllOfMine() { localStorage.removeItem(QUEUE); }

  // How many reports other people left on this phone: counted, never read out or sent.
  function othersWaiting() {
    var count = 0;
    for (var i = 0; i < localStorage.length; i++) {
      var name = localStorage.key(i);
      if (name && name.indexOf(QUEUE_PREFIX) === 0 && name !== QUEUE) { count += read(name).length; }
    }
    return count;
  }

  function dropUnattributed() {
    var old = read(UNATTRIBUTED_QUEUE).length;
    localStorage.removeItem(UNATTRIBUTED_QUEUE);
    if (old > 0) {
      showResult('pending', 'Reports from an older version deleted',
        old + (old === 1 ? ' report was' : ' reports were') + ' saved on this phone by an older version of this page, which did not '
        + 'note who wrote them. They were deleted unsent, so that no one sends them under the wrong name. If you made a '
        + 'report without signal, check "My recent reports" below and report it again if it is missing.');
    }
  }

  // ---- sending -------------------------------------------------------------------------------
  // Resolves to {kind: 'stored'|'invalid'|'signed-out'|'offline'|'failed', body}
  function send(item) {
    return fetch(API, {
      method: 'POST',
      credentials: 'same-origin',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json',
        'Idempotency-Key': item.key,
        'X-Haven-Author': item.author,
        'X-Requested-With': 'JavaScript'
      },
      body: JSON.stringify(item.report)
    }).then(function (response) {
      if (response.status === 200 || response.status === 201) {
        return response.json().then(function (body) { return { kind: 'stored', body: body }; });
      }
      if (response.status === 400 || response.status === 422) {
        return response.json().then(function (body) { return { kind: 'invalid', body: body }; });
      }
      if (response.status === 499 || response.status === 401 || response.type === 'opaqueredirect') {
        return { kind: 'signed-out' };
      }
      if (response.status === 409) {
        return response.json().then(function (body) {
          return /author-not-signed-in$/.test(body.type || '') ? { kind: 'someone-else' } : { kind: 'failed', body: body };
        }, function () { return { kind: 'failed', body: { status: 409 } }; });
      }
      return { kind: 'failed', body: { status: response.status } };
    }, function () {
      return { kind: 'offline' };
    });
  }

  function flush() {
    if (sending || stopped || !navigator.onLine) { return Promise.resolve(); }
    var items = unsent();
    if (items.length === 0) { showConnection(); return Promise.resolve(); }
    sending = true;
    var chain = Promise.resolve();
    items.forEach(function (item) {
      chain = chain.then(function () {
        return send(item).then(function (outcome) { settle(item, outcome, false); });
      });
    });
    return chain.then(function () { sending = false; showConnection(); refreshMine(); },
      function () { sending = false; showConnection(); });
  }

  function settle(item, outcome, fromForm) {
    if (outcome.kind === 'stored') {
      forget(item.key);
      showReceived(outcome.body);
    } else if (outcome.kind === 'invalid') {
      forget(item.key);
      if (fromForm) {
        showErrors(item.form, (outcome.body && outcome.body.errors) || []);
      } else {
        showResult('pending', 'A saved report was refused', 'Please report it again: ' + describeErrors(outcome.body));
      }
    } else if (outcome.kind === 'signed-out') {
      showResult('pending', 'Saved on this phone', 'Your sign-in has expired. Reload the page and sign in as yourself; the report will then be sent.');
    } else if (outcome.kind === 'someone-else') {
      stopped = true;
      showResult('pending', 'Someone else is signed in on this phone',
        'This page is still ' + PERSON + '\'s; nothing of it is sent under another name. Reload the page.');
    } else {
      showResult('pending', 'Saved on this phone', 'No signal right now. The report will be sent automatically when the signal returns. Keep this page open.');
    }
    showConnection();
  }

  // ---- screens -------------------------------------------------------------------------------
  function show(id) {
    ['start', 'missing-form', 'full-form'].forEach(function (s) { $('#' + s).hidden = s !== id; });
    clearErrors();
    if (id !== 'start') { loadPeople($('#' + id)); }
    var first = id === 'start' ? $('#start-missing') : $('#' + id + ' input:not([type=hidden]), #' + id + ' select');
    if (first) { first.focus(); }
  }

  function showOthersWaiting() {
    var others = othersWaiting();
    var note = $('#others-waiting');
    note.textContent = others === 0 ? '' : others + (others === 1 ? ' report' : ' reports')
      + ' saved on this phone by someone else ' + (others === 1 ? 'is' : 'are')
      + ' waiting for its author to sign in here again. It is not shown or sent for you.';
    note.hidden = others === 0;
  }

  // ---- signing out ---------------------------------------------------------------------------
  function signOut(event) {
    var waiting = unsent().length;
    if (!navigator.onLine) {
      event.preventDefault();
      showResult('pending', 'No signal', 'Signing out needs a connection. Try again when the signal returns.');
      return;
    }
    if (waiting === 0) { forgetAllOfMine(); return; }   // the link goes on to /app/logout
    event.preventDefault();
    $('#sign-out-warning-text').textContent = waiting + (waiting === 1 ? ' report is' : ' reports are')
      + ' saved on this phone but not sent yet. If you sign out now, ' + (waiting === 1 ? 'it is' : 'they are')
      + ' deleted from this phone and never sent. Stay signed in and ' + (waiting === 1 ? 'it is' : 'they are')
      + ' sent as soon as there is signal.';
    var warning = $('#sign-out-warning');
    warning.hidden = false;
    warning.focus();
  }

  function showConnection() {
    var waiting = unsent().length;
    var text = '';
    if (!navigator.onLine) {
      text = 'No signal. You can still report: it is kept on this phone and sent when the signal returns.';
    }
    if (waiting > 0) {
      text += (text ? ' ' : '') + waiting + (waiting === 1 ? ' report is' : ' reports are') + ' waiting to be sent.';
    }
    $('#connection').textContent = text;
  }

  function showResult(kind, title, detail) {
    var box = $('#result');
    box.className = 'result ' + kind;
    box.textContent = '';
    var h = document.createElement('h2');
    h.textContent = title;
    var p = document.createElement('p');
    p.textContent = detail;
    box.appendChild(h);
    box.appendChild(p);
    box.hidden = false;
  }

  function showReceived(report) {
    var critical = report.status === 'CRITICAL_RESPONSE_STARTED';
    showResult(critical ? 'critical' : 'received', 'Report received',
      critical ? 'Critical response started: your supervisor is being alerted and a debrief will be scheduled.'
        : 'Your report is stored. Thank you.');
    $('#result').setAttribute('data-status', report.status);
  }

  function statusText(status) {
    return status === 'CRITICAL_RESPONSE_STARTED' ? 'Received · critical response started' : 'Received';
  }

  function refreshMine() {
    return fetch(API, { credentials: 'same-origin', redirect: 'manual', headers: { 'Accept': 'application/json', 'X-Requested-With': 'JavaScript' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (reports) {
        if (!reports) { return; }
        var list = $('#mine');
        list.textContent = '';
        unsent().forEach(function (item) {
          list.appendChild(reportItem(TYPE_LABELS[item.report.type] || item.report.type, item.savedAt, 'Waiting for signal', false));
        });
        reports.forEach(function (r) {
          list.appendChild(reportItem(TYPE_LABELS[r.type] || r.type, r.reportedAt, statusText(r.status), r.critical, r.id));
        });
      }, function () { /* offline: keep what is shown */ });
  }

  // Who was there: the site's people of the chosen site (people-picker.js).
  function loadPeople(form) {
    var picker = $('[data-people-picker]', form);
    if (picker && window.HavenPeoplePicker) { HavenPeoplePicker.load(picker, form.elements.siteId.value); }
  }
  function people(form) {
    var picker = $('[data-people-picker]', form);
    return picker && window.HavenPeoplePicker ? HavenPeoplePicker.selection(picker) : { involved: [], witnesses: [] };
  }

  function reportItem(type, at, status, critical, id) {
    var li = document.createElement('li');
    var strong = document.createElement('strong');
    strong.textContent = type;
    var when = document.createElement('span');
    when.textContent = ' · ' + new Date(at).toLocaleString();
    var s = document.createElement('span');
    s.className = 'status' + (critical ? ' critical' : '');
    s.textContent = status;
    li.appendChild(strong);
    li.appendChild(when);
    li.appendChild(s);
    if (id) {
      var add = document.createElement('a');
      add.className = 'add-people';
      add.href = '/app/incidents/' + encodeURIComponent(id) + '/add-people';
      add.textContent = 'Add someone who was there';
      li.appendChild(add);
    }
    return li;
  }

  // ---- validation messages -------------------------------------------------------------------
  function clearErrors() {
    $all('.error').forEach(function (e) { e.remove(); });
    $all('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
    $('#error-summary').hidden = true;
    $('#error-list').textContent = '';
  }

  function fieldElement(form, field) {
    var exact = $('[data-field="' + field + '"]', form);
    if (exact) { return exact; }
    var base = field.replace(/\[\d+\]/g, '');
    return $('[data-field="' + base + '"]', form) || $('[data-field^="' + base + '"]', form)
      || $('[data-fields~="' + base + '"]', form);
  }

  function labelFor(form, el, field) {
    if (!el) { return field; }
    var label = el.id ? $('label[for="' + el.id + '"]', form) : null;
    var legend = el.tagName === 'FIELDSET' ? $('legend', el) : null;
    var source = label || legend;
    return source ? source.firstChild.textContent.trim() : field;
  }

  function showErrors(form, errors) {
    clearErrors();
    if (errors.length === 0) { errors = [{ field: '', message: 'The report could not be read. Please check it.' }]; }
    var list = $('#error-list');
    errors.forEach(function (error, i) {
      var el = fieldElement(form, error.field);
      var name = labelFor(form, el, error.field);
      var li = document.createElement('li');
      var text = name + ': ' + error.message;
      if (el) {
        var msg = document.createElement('p');
        msg.className = 'error';
        msg.id = form.id + '-error-' + i;
        msg.textContent = error.message;
        if (el.tagName === 'FIELDSET') { el.appendChild(msg); } else { el.insertAdjacentElement('afterend', msg); }
        el.setAttribute('aria-invalid', 'true');
        el.setAttribute('aria-describedby', msg.id);
        var a = document.createElement('a');
        a.href = '#' + (el.id || '');
        a.textContent = text;
        a.addEventListener('click', function (ev) {
          ev.preventDefault();
          var target = el.tagName === 'FIELDSET' ? $('input', el) : el;
          target.focus();
        });
        li.appendChild(a);
      } else {
        li.textContent = text;
      }
      list.appendChild(li);
    });
    var summary = $('#error-summary');
    summary.hidden = false;
    summary.focus();
  }

  function describeErrors(body) {
    var errors = (body && body.errors) || [];
    return errors.map(function (e) { return e.field + ' ' + e.message; }).join('; ') || 'it could not be read';
  }

  // Checks what can be checked without the server, with the server's words.
  function missingRequired(form) {
    var errors = [];
    $all('[required]', form).forEach(function (el) {
      if (el.closest('[hidden]')) { return; }
      if (el.type === 'radio') {
        var group = el.name;
        if (!$('input[name="' + group + '"]:checked', form) && !errors.some(function (e) { return e.field === group; })) {
          errors.push({ field: group, message: 'is required' });
        }
      } else if (!el.value.trim()) {
        errors.push({ field: el.getAttribute('data-field'), message: 'is required' });
      }
    });
    return errors;
  }

  // A client code as the program issues it (the server's ClientCode): C-, 4 to 8 characters of the alphabet the page
  // is given, and a check character: the p-th character from the right weighs p, and a valid code sums to 0 mod N. Checked as typed, never corrected: upper-casing "maria" would not
  // make it a code, and a mistyped code must not quietly become another client's.
  function isClientCode(code, alphabet) {
    if (code.slice(0, 2) !== 'C-' || code.length < 7 || code.length > 11) { return false; }
    var sum = 0, weight = 1;
    for (var i = code.length - 1; i >= 2; i--, weight++) {
      var value = alphabet.indexOf(code.charAt(i));
      if (value < 0) { return false; }
      sum += weight * value;
    }
    return sum % alphabet.length === 0;
  }

  function badClientCodes(form) {
    var errors = [];
    $all('[data-code-alphabet]', form).forEach(function (el) {
      var codes = el.name === 'clientCode' ? [el.value.trim()].filter(Boolean) : list(el.value);
      codes.forEach(function (code, i) {
        if (!isClientCode(code, el.getAttribute('data-code-alphabet'))) {
          errors.push({ field: 'clientCodes[' + i + ']', message: el.getAttribute('data-code-message') });
        }
      });
    });
    return errors;
  }

  // ---- building reports ----------------------------------------------------------------------
  function list(value) {
    return (value || '').split(/[,\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
  }
  function text(value) { var v = (value || '').trim(); return v ? v : null; }
  function localIso(value) { return value ? new Date(value).toISOString() : null; }

  // "Last seen at 14:05" means today, or yesterday if that is still to come.
  function timeToday(hhmm) {
    var now = new Date();
    var parts = hhmm.split(':');
    var at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), +parts[0], +parts[1], 0, 0);
    if (at.getTime() > now.getTime()) { at.setDate(at.getDate() - 1); }
    return at.toISOString();
  }

  function missingReport(form) {
    var f = form.elements;
    var seenAt = timeToday(f.lastSeenTime.value);
    var code = text(f.clientCode.value);
    var there = people(form);
    return {
      siteId: f.siteId.value,
      type: 'ELOPEMENT',
      severity: 'HIGH',
      occurredAt: seenAt,
      summary: 'Client missing. Last seen ' + f.lastSeenPlace.value.trim() + '.',
      location: text(f.lastSeenPlace.value),
      clientCodes: code ? [code] : [],
      involvedStaffIds: there.involved,
      witnessIds: there.witnesses,
      lastSeen: { at: seenAt, place: f.lastSeenPlace.value.trim(), clothing: f.clothing.value.trim() },
      riskFlags: { minor: f.minor.checked, highRiskOfTrafficking: f.highRiskOfTrafficking.checked, medicalNeeds: f.medicalNeeds.checked }
    };
  }

  function fullReport(form) {
    var f = form.elements;
    var severity = $('input[name="severity"]:checked', form);
    var there = people(form);
    var report = {
      siteId: f.siteId.value,
      type: f.type.value || null,
      severity: severity ? severity.value : null,
      occurredAt: localIso(f.occurredAt.value),
      summary: f.summary.value,
      location: text(f.location.value),
      clientCodes: list(f.clientCodes.value),
      involvedStaffIds: there.involved,
      witnessIds: there.witnesses,
      injuries: text(f.injuries.value),
      immediateActions: text(f.immediateActions.value)
    };
    if (report.type === 'ELOPEMENT') {
      var hasLastSeen = f.lastSeenAt.value || f.lastSeenPlace.value.trim() || f.clothing.value.trim();
      report.lastSeen = hasLastSeen ? { at: localIso(f.lastSeenAt.value), place: f.lastSeenPlace.value, clothing: f.clothing.value } : null;
      report.riskFlags = { minor: f.minor.checked, highRiskOfTrafficking: f.highRiskOfTrafficking.checked, medicalNeeds: f.medicalNeeds.checked };
      report.searchSteps = text(f.searchSteps.value);
    }
    return report;
  }

  function submit(form, build) {
    clearErrors();
    var errors = missingRequired(form).concat(badClientCodes(form));
    if (errors.length) { showErrors(form, errors); return; }
    var item = { key: newKey(), report: build(form), savedAt: new Date().toISOString(), author: PERSON, form: form.id };
    enqueue({ key: item.key, report: item.report, savedAt: item.savedAt });
    var button = $('button[type=submit]', form);
    button.disabled = true;
    var outcome = navigator.onLine ? send(item) : Promise.resolve({ kind: 'offline' });
    outcome.then(function (result) {
      button.disabled = false;
      item.form = form;
      settle(item, result, true);
      if (result.kind !== 'invalid') {
        form.reset();
        prefill();
        show('start');
        $('#result').focus();
      }
      refreshMine();
    });
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function prefill() {
    var now = new Date();
    var seen = $('#m-seen-time');
    if (seen && !seen.value) { seen.value = pad(now.getHours()) + ':' + pad(now.getMinutes()); }
    var occurred = $('#f-occurred');
    if (occurred && !occurred.value) {
      occurred.value = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate()) + 'T' + pad(now.getHours()) + ':' + pad(now.getMinutes());
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    PERSON = document.body.getAttribute('data-person') || '';
    QUEUE = QUEUE_PREFIX + PERSON;
    $('#sign-out').addEventListener('click', signOut);
    $('#sign-out-stay').addEventListener('click', function () { $('#sign-out-warning').hidden = true; $('#sign-out').focus(); });
    $('#sign-out-discard').addEventListener('click', function () {
      stopped = true;
      forgetAllOfMine();
      window.location.assign(SIGN_OUT);
    });
    $all('#f-type option').forEach(function (o) { if (o.value) { TYPE_LABELS[o.value] = o.textContent; } });
    $('#result').setAttribute('tabindex', '-1');
    $('#start-missing').addEventListener('click', function () { prefill(); show('missing-form'); });
    $('#start-full').addEventListener('click', function () { prefill(); show('full-form'); });
    $all('.back').forEach(function (b) { b.addEventListener('click', function () { show('start'); }); });
    $all('select[name=siteId]').forEach(function (select) {
      select.addEventListener('change', function () { loadPeople(select.form); });
    });
    $('#f-type').addEventListener('change', function (e) { $('#elopement-details').hidden = e.target.value !== 'ELOPEMENT'; });
    $('#missing-form').addEventListener('submit', function (e) { e.preventDefault(); submit(e.target, missingReport); });
    $('#full-form').addEventListener('submit', function (e) { e.preventDefault(); submit(e.target, fullReport); });
    window.addEventListener('online', flush);
    window.addEventListener('offline', showConnection);
    setInterval(flush, RETRY_EVERY_MS);
    dropUnattributed();
    showOthersWaiting();
    showConnection();
    refreshMine();
    flush();
  });
})();

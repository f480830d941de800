// "Add someone who was there": the people picker (people-picker.js) for one of my reports, and a corrected last
// sighting, sent as one amendment. The server adds only people new to the report and refuses anyone who does not
// work at its site (422, naming the field); nothing is kept on the phone.
(function () {
  'use strict';

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  var HEADERS = { 'Accept': 'application/json', 'X-Requested-With': 'JavaScript' };

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
    box.focus();
  }

  function clearErrors() {
    $all('.error').forEach(function (e) { e.remove(); });
    $all('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    $('#error-summary').hidden = true;
    $('#error-list').textContent = '';
  }

  function showErrors(form, errors) {
    clearErrors();
    var list = $('#error-list');
    (errors.length ? errors : [{ field: '', message: 'The amendment could not be read.' }]).forEach(function (error) {
      var base = (error.field || '').replace(/\[\d+\]/g, '');
      var el = $('[data-field="' + error.field + '"]', form) || $('[data-field="' + base + '"]', form)
        || $('[data-fields~="' + base.split('.')[0] + '"]', form);
      var li = document.createElement('li');
      li.textContent = error.message;
      list.appendChild(li);
      if (el) {
        var msg = document.createElement('p');
        msg.className = 'error';
        msg.textContent = error.message;
        if (el.tagName === 'FIELDSET') { el.appendChild(msg); } else { el.insertAdjacentElement('afterend', msg); }
        el.setAttribute('aria-invalid', 'true');
      }
    });
    $('#error-summary').hidden = false;
    $('#error-summary').focus();
  }

  function text(value) { var v = (value || '').trim(); return v ? v : null; }

  function amendment(form, picker) {
    var chosen = HavenPeoplePicker.selection(picker);
    var body = { reason: 'Added people who were there', addedInvolvedStaffIds: chosen.involved, addedWitnessIds: chosen.witnesses };
    var f = form.elements;
    if (f.lastSeenPlace && (f.lastSeenAt.value || text(f.lastSeenPlace.value) || text(f.clothing.value))) {
      body.lastSeen = { at: f.lastSeenAt.value ? new Date(f.lastSeenAt.value).toISOString() : null,
        place: f.lastSeenPlace.value, clothing: f.clothing.value };
      body.reason = chosen.involved.length || chosen.witnesses.length
        ? 'Added people who were there; corrected the last sighting' : 'Corrected the last sighting';
    }
    return body;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var incident = document.body.getAttribute('data-incident');
    var form = $('#add-form');
    var picker = $('#a-people');
    var loaded = fetch('/app/api/incidents/' + encodeURIComponent(incident) + '/people',
      { credentials: 'same-origin', redirect: 'manual', headers: HEADERS })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (report) {
        return HavenPeoplePicker.load(picker, report.siteId,
          { reporterId: report.reporterId, named: { involved: report.involvedStaffIds, witnesses: report.witnessIds } });
      }, function () {
        showResult('pending', 'No signal', 'The report could not be loaded. Try again when the signal returns.');
      });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors();
      var body = amendment(form, picker);
      if (!body.addedInvolvedStaffIds.length && !body.addedWitnessIds.length && !body.lastSeen) {
        showErrors(form, [{ field: 'addedInvolvedStaffIds', message: 'Tap involved or witness for at least one person.' }]);
        return;
      }
      var button = $('button[type=submit]', form);
      button.disabled = true;
      fetch('/app/api/incidents/' + encodeURIComponent(incident) + '/amendments', {
        method: 'POST', credentials: 'same-origin', redirect: 'manual',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'JavaScript' },
        body: JSON.stringify(body)
      }).then(function (response) {
        button.disabled = false;
        if (response.status === 201) {
          return response.json().then(function (a) {
            var added = a.addedInvolvedStaffIds.length + a.addedWitnessIds.length;
            showResult('received', 'Added to the report', added === 0 ? 'The report is corrected.'
              : added + (added === 1 ? ' person is' : ' people are') + ' now on the report: invited to the debrief, with their follow-ups.');
            loaded = loaded.then(function () { return fetch('/app/api/incidents/' + encodeURIComponent(incident) + '/people',
              { credentials: 'same-origin', headers: HEADERS }).then(function (r) { return r.json(); }).then(function (report) {
                form.reset();
                return HavenPeoplePicker.load(picker, report.siteId,
                  { reporterId: report.reporterId, named: { involved: report.involvedStaffIds, witnesses: report.witnessIds } });
              }); });
          });
        }
        if (response.status === 400 || response.status === 422) {
          return response.json().then(function (problem) { showErrors(form, problem.errors || []); });
        }
        showResult('pending', 'Not sent', response.type === 'opaqueredirect' || response.status === 401
          ? 'Your sign-in has expired. Reload the page and sign in again.' : 'Something went wrong. Please try again.');
      }, function () {
        button.disabled = false;
        showResult('pending', 'No signal', 'Nothing was sent. Try again when the signal returns.');
      });
    });
  });
})();

// The admin console: the directory's sites, people, roles, rota and on-call, escalation chains, CSV import and
// audit, through /app/api/console/directory (the page's session). Opens on the set-up when the directory is empty.
// No HTML is built from strings.
(function () {
  'use strict';

  const API = '/app/api/console/directory';
  const SCRIPT = { 'X-Requested-With': 'JavaScript', Accept: 'application/json' };
  const message = document.getElementById('message');
  const $ = id => document.getElementById(id);

  function text(tag, className, content) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content;
    return element;
  }

  function readable(type) {
    const words = type.replace(/_/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function blank(value) { return value === '' ? null : value; }

  async function call(method, path, body, contentType) {
    const headers = Object.assign({}, SCRIPT);
    if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
    const response = await fetch(API + path, { method: method, headers: headers,
      body: body === undefined ? undefined : (contentType ? body : JSON.stringify(body)) });
    if (response.status === 499 || response.status === 401) {
      message.textContent = 'Your session has ended. Reload the page to sign in again.';
      throw new Error('signed out');
    }
    const answer = response.status === 204 ? null : await response.json();
    if (!response.ok) {
      const errors = (answer && answer.errors || []).map(e => e.field + ' ' + e.message).join('; ');
      message.textContent = (answer && answer.detail || 'Refused') + (errors ? ': ' + errors : '');
      throw new Error('refused');
    }
    return answer;
  }

  function said(done) { message.textContent = done; }

  async function refreshUnroutable() {
    const open = await call('GET', '/unroutable');
    const banner = $('unroutable');
    banner.replaceChildren(...open.map(u => text('p', null, 'Could not be routed: ' + readable(u.incidentType) + ' at '
        + u.siteName + ', ' + new Date(u.occurredAt).toLocaleString() + ' (' + u.reason + '; '
        + u.administratorsPaged + ' administrator(s) paged).')));
    banner.hidden = open.length === 0;
  }

  // First run
  $('setup-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target.elements;
    try {
      await call('POST', '/setup', {
        site: { id: f.siteId.value, name: f.siteName.value, timeZone: f.timeZone.value, jurisdiction: f.jurisdiction.value },
        supervisor: { id: f.supId.value, displayName: f.supName.value, email: f.supEmail.value,
          phone: blank(f.supPhone.value), preferredLanguage: blank(f.supLanguage.value) },
        you: { displayName: f.youName.value, email: f.youEmail.value, phone: blank(f.youPhone.value) }
      });
      said('Set up. Add people, working time and on-call next.');
      start();
    } catch (e) { /* message shown */ }
  });

  // Sites
  let sites = [];
  async function refreshSites() {
    sites = await call('GET', '/sites');
    $('site-list').replaceChildren(...sites.map(site => {
      const item = text('li', null, site.name + ' (' + site.id + ') · ' + site.timeZone + ' · ' + (site.jurisdiction || 'no jurisdiction'));
      const edit = text('button', 'secondary', 'Edit');
      edit.type = 'button';
      edit.addEventListener('click', () => {
        const f = $('site-form').elements;
        f.id.value = site.id; f.name.value = site.name; f.timeZone.value = site.timeZone; f.jurisdiction.value = site.jurisdiction || '';
      });
      item.appendChild(edit);
      return item;
    }));
    document.querySelectorAll('.site-select').forEach(select => {
      const chosen = select.value;
      select.replaceChildren(...sites.map(site => { const o = text('option', null, site.name); o.value = site.id; return o; }));
      if (chosen) select.value = chosen;
    });
  }
  $('site-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target.elements;
    try {
      await call('PUT', '/sites/' + encodeURIComponent(f.id.value),
          { name: f.name.value, timeZone: f.timeZone.value, jurisdiction: blank(f.jurisdiction.value) });
      said('Site saved.');
      refreshAll();
    } catch (e) { /* message shown */ }
  });

  // People and roles
  async function refreshPeople() {
    const people = await call('GET', '/people');
    $('person-list').replaceChildren(...people.map(p => {
      const roles = p.roles.map(r => readable(r.role) + ' at ' + r.siteId).join(', ') || 'no roles';
      const item = text('li', null, p.displayName + ' (' + p.id + ') · ' + p.email + (p.phone ? ' · ' + p.phone : '')
          + (p.preferredLanguage ? ' · ' + p.preferredLanguage : '') + ' · ' + roles + (p.administrator ? ' · administrator' : ''));
      const edit = text('button', 'secondary', 'Edit');
      edit.type = 'button';
      edit.addEventListener('click', () => {
        const f = $('person-form').elements;
        f.id.value = p.id; f.displayName.value = p.displayName; f.email.value = p.email;
        f.phone.value = p.phone || ''; f.preferredLanguage.value = p.preferredLanguage || '';
      });
      item.appendChild(edit);
      return item;
    }));
  }
  $('person-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target.elements;
    try {
      await call('PUT', '/people/' + encodeURIComponent(f.id.value), { displayName: f.displayName.value, email: f.email.value,
        phone: blank(f.phone.value), preferredLanguage: blank(f.preferredLanguage.value) });
      said('Person saved.');
      refreshAll();
    } catch (e) { /* message shown */ }
  });
  $('role-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target.elements;
    const remove = event.submitter && event.submitter.value === 'remove';
    try {
      await call(remove ? 'DELETE' : 'PUT', '/sites/' + encodeURIComponent(f.siteId.value) + '/members/'
          + encodeURIComponent(f.personId.value) + '/' + f.role.value);
      said(remove ? 'Role removed.' : 'Role given.');
      refreshAll();
    } catch (e) { /* message shown */ }
  });

  // Week view, working time and on-call, all in the site's zone
  let zone = 'UTC';
  function localInput(value) { return value.substring(0, 16); }
  function toInstant(local) {
    // The site's local wall-clock time to an instant: find the offset the zone has at that moment.
    const guess = new Date(local + ':00Z');
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(guess).reduce((a, p) => { a[p.type] = p.value; return a; }, {});
    const shown = new Date(parts.year + '-' + parts.month + '-' + parts.day + 'T' + parts.hour + ':' + parts.minute + ':00Z');
    return new Date(guess.getTime() - (shown.getTime() - guess.getTime())).toISOString();
  }
  async function refreshWeek() {
    const site = $('week-site').value;
    if (!site) return;
    const from = $('week-from').value;
    const week = await call('GET', '/sites/' + encodeURIComponent(site) + '/week' + (from ? '?from=' + from : ''));
    zone = week.timeZone;
    $('week-zone').textContent = 'Times in ' + week.timeZone + ', the site\u2019s own zone.';
    $('week').replaceChildren(...week.days.map(day => {
      const item = document.createElement('li');
      item.appendChild(text('h3', null, readable(day.day) + ' ' + day.date));
      day.working.forEach(w => item.appendChild(text('p', null, w.displayName + ' ' + w.start.substring(0, 5) + '–' + w.end.substring(0, 5))));
      day.onCall.forEach(s => {
        const line = text('p', 'oncall', 'On call: ' + s.displayName + ' ' + s.start.replace('T', ' ').substring(0, 16) + ' → '
            + s.end.replace('T', ' ').substring(0, 16) + ' ');
        const edit = text('button', 'secondary', 'Edit');
        edit.type = 'button';
        edit.addEventListener('click', () => {
          const f = $('oncall-form').elements;
          f.shiftId.value = s.shiftId; f.personId.value = s.personId; f.start.value = localInput(s.start); f.end.value = localInput(s.end);
        });
        const remove = text('button', 'secondary', 'Remove');
        remove.type = 'button';
        remove.addEventListener('click', async () => {
          try {
            await call('DELETE', '/sites/' + encodeURIComponent(site) + '/on-call/' + s.shiftId);
            said('On-call shift removed.');
            refreshAll();
          } catch (e) { /* message shown */ }
        });
        line.append(edit, remove);
        item.appendChild(line);
      });
      return item;
    }));
  }
  $('week-site').addEventListener('change', refreshWeek);
  $('week-from').addEventListener('change', refreshWeek);
  $('oncall-new').addEventListener('click', () => { $('oncall-form').reset(); });
  $('oncall-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target.elements;
    const site = encodeURIComponent($('week-site').value);
    const body = { personId: f.personId.value, startsAt: toInstant(f.start.value), endsAt: toInstant(f.end.value) };
    try {
      if (f.shiftId.value) await call('PUT', '/sites/' + site + '/on-call/' + f.shiftId.value, body);
      else await call('POST', '/sites/' + site + '/on-call', body);
      said('On-call shift saved.');
      event.target.reset();
      refreshAll();
    } catch (e) { /* message shown */ }
  });
  $('pattern-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target.elements;
    const weekly = [];
    const exceptions = [];
    f.lines.value.split('\n').map(l => l.trim()).filter(l => l).forEach(line => {
      const w = line.split(/\s+/);
      if (/^\d{4}-\d{2}-\d{2}$/.test(w[0])) exceptions.push({ date: w[0], kind: (w[1] || '').toUpperCase(), start: w[2], end: w[3] });
      else weekly.push({ day: (w[0] || '').toUpperCase(), start: w[1], end: w[2] });
    });
    try {
      await call('PUT', '/people/' + encodeURIComponent(f.personId.value) + '/sites/' + encodeURIComponent($('week-site').value)
          + '/work-pattern', { weekly: weekly, exceptions: exceptions });
      said('Working time saved.');
      refreshAll();
    } catch (e) { /* message shown */ }
  });

  // Escalation chain
  async function refreshChain() {
    const site = $('chain-site').value;
    if (!site) return;
    const chain = await call('GET', '/sites/' + encodeURIComponent(site) + '/escalation');
    const f = $('chain-form').elements;
    f.repeats.value = chain.repeats;
    f.levels.value = chain.levels.map(l => l.after + ' ' + l.target + (l.personId ? ' ' + l.personId : '')).join('\n');
  }
  $('chain-site').addEventListener('change', refreshChain);
  $('chain-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target.elements;
    const levels = f.levels.value.split('\n').map(l => l.trim()).filter(l => l).map(line => {
      const w = line.split(/\s+/);
      return { after: w[0], target: (w[1] || '').toUpperCase(), personId: w[2] || null };
    });
    try {
      await call('PUT', '/sites/' + encodeURIComponent($('chain-site').value) + '/escalation',
          { repeats: Number(f.repeats.value), levels: levels });
      said('Escalation chain saved.');
      refreshAll();
    } catch (e) { /* message shown */ }
  });

  // CSV import: a dry run lists every row's errors; an import writes all rows or none
  $('import-form').addEventListener('submit', async event => {
    event.preventDefault();
    const f = event.target.elements;
    const file = f.file.files[0];
    if (!file) { said('Choose a CSV file first.'); return; }
    const dryRun = !event.submitter || event.submitter.value !== 'import';
    const csv = await file.text();
    let result;
    try {
      result = await call('POST', '/import/' + f.kind.value + '?dryRun=' + dryRun, csv, 'text/csv');
    } catch (e) {
      return;
    }
    $('import-result').replaceChildren(...result.rows.map(row => {
      const item = text('li', row.errors.length ? 'error' : null, 'Row ' + row.line + ': '
          + (row.errors.length ? row.errors.map(e => e.field + ' ' + e.message).join('; ') : 'ok'));
      return item;
    }));
    said(result.written ? 'Imported ' + result.rows.length + ' rows.'
        : (result.valid ? 'Dry run: all ' + result.rows.length + ' rows can be imported. Nothing was written.'
            : 'Nothing was written: fix the rows marked below.'));
    if (result.written) refreshAll();
  });

  // Audit
  async function refreshAudit() {
    const changes = await call('GET', '/audit?size=50');
    $('audit-list').replaceChildren(...changes.map(c => text('li', null, new Date(c.changedAt).toLocaleString() + ' · ' + c.changedBy
        + ' · ' + c.action + ' ' + c.subject + ' · ' + JSON.stringify(c.before) + ' → ' + JSON.stringify(c.after))));
  }

  async function refreshAll() {
    try {
      await refreshSites();
      await Promise.all([refreshPeople(), refreshWeek(), refreshChain(), refreshAudit(), refreshUnroutable()]);
    } catch (e) { /* message shown */ }
  }

  async function start() {
    const setup = await call('GET', '/setup');
    $('setup').hidden = !setup.needed;
    $('console').hidden = setup.needed;
    refreshUnroutable();
    if (!setup.needed) refreshAll();
  }

  start();
  setInterval(refreshUnroutable, 30000);
}());

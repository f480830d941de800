// The live alerts page: lists the signed-in supervisor's alerts, re-reads them whenever the server
// says one changed (SSE), and acknowledges with one button. No HTML is built from strings.
(function () {
  'use strict';

  const list = document.getElementById('alerts');
  const empty = document.getElementById('empty');
  const connection = document.getElementById('connection');
  const SCRIPT = { 'X-Requested-With': 'JavaScript' };

  function readable(type) {
    const words = type.replace(/_/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function text(tag, className, content) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content;
    return element;
  }

  function card(alert) {
    const item = document.createElement('li');
    item.className = 'alert' + (alert.status === 'ACKNOWLEDGED' ? ' acknowledged' : '');
    item.id = 'alert-' + alert.id;
    item.dataset.status = alert.status;
    item.appendChild(text('h2', null, readable(alert.incidentType) + ' at ' + alert.siteName));
    item.appendChild(text('p', 'status', 'Occurred ' + new Date(alert.occurredAt).toLocaleString()
        + ' · escalation level ' + alert.escalationLevel));
    if (alert.handledBy) {
      item.appendChild(text('p', 'handled', 'Handled by ' + alert.handledBy));
    } else if (alert.status === 'RAISED') {
      const button = text('button', 'ack', 'Acknowledge');
      button.type = 'button';
      button.addEventListener('click', () => acknowledge(alert.id, button));
      item.appendChild(button);
    }
    alert.notDelivered.forEach(reason => item.appendChild(text('p', 'undelivered', 'Not delivered by ' + reason)));
    const open = text('a', 'incident-link', 'Open the incident');
    open.href = alert.incidentPage;
    item.appendChild(open);
    return item;
  }

  async function refresh() {
    const response = await fetch('/app/api/alerts', { headers: Object.assign({ Accept: 'application/json' }, SCRIPT) });
    if (response.status === 499 || response.status === 401) {
      connection.textContent = 'Your session has ended. Reload the page to sign in again.';
      return;
    }
    if (!response.ok) return;
    const alerts = await response.json();
    list.replaceChildren(...alerts.map(card));
    empty.hidden = alerts.length > 0;
  }

  // Critical incidents at the caller's sites that no one could be paged for: a banner until someone takes charge.
  const banner = document.getElementById('unroutable');
  async function refreshUnroutable() {
    const response = await fetch('/app/api/alerts/unroutable', { headers: Object.assign({ Accept: 'application/json' }, SCRIPT) });
    if (!response.ok) return;
    const open = await response.json();
    banner.replaceChildren(...open.map(u => text('p', null, 'Could not be routed: ' + readable(u.incidentType) + ' at '
        + u.siteName + ', ' + new Date(u.occurredAt).toLocaleString() + ' (' + u.reason + '; '
        + u.administratorsPaged + ' administrator(s) paged).')));
    banner.hidden = open.length === 0;
  }

  async function acknowledge(id, button) {
    button.disabled = true;
    const response = await fetch('/app/api/alerts/' + encodeURIComponent(id) + '/ack',
        { method: 'POST', headers: Object.assign({ Accept: 'application/json' }, SCRIPT) });
    if (!response.ok) button.disabled = false;
    await refresh();
  }

  function listen() {
    const stream = new EventSource('/app/api/alerts/stream');
    stream.onopen = () => { connection.textContent = 'Live'; refresh(); };
    stream.onmessage = event => { if (event.data !== 'ping') refresh(); };
    stream.onerror = () => { connection.textContent = 'Reconnecting…'; };
  }

  refresh();
  refreshUnroutable();
  listen();
  setInterval(refresh, 30000);
  setInterval(refreshUnroutable, 30000);
}());

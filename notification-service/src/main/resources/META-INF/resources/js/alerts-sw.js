// The alerts page's service worker: shows a critical alert pushed to this browser while Haven is closed, and opens the
// alert on the alerts page when it is clicked, where the supervisor takes charge. The push carries only what the
// lock screen may show (the site and "critical incident"); a later push for the same alert replaces it (its tag).
'use strict';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('push', event => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (e) {
    message = {};
  }
  const title = message.title || 'Haven: critical incident';
  event.waitUntil(self.registration.showNotification(title, {
    body: message.body || 'Open Haven to see the alert.',
    tag: message.tag || 'haven-alert',
    renotify: message.renotify === true,
    requireInteraction: message.requireInteraction === true,
    data: { url: message.url || '/app/alerts' }
  }));
});

self.addEventListener('notificationclick', event => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || '/app/alerts', self.location.origin);
  if (target.origin !== self.location.origin) return;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(windows => {
    const open = windows.find(w => new URL(w.url).pathname === target.pathname);
    if (open) {
      return open.focus();
    }
    return self.clients.openWindow(target.href);
  }));
});

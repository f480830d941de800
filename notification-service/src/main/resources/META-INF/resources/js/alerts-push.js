// The alerts page's web push control: asks this browser for permission, subscribes it with the key Haven serves
// (PushManager.subscribe) and keeps the subscription with whoever is signed in, so critical alerts reach this device
// while Haven is closed. The service worker (/js/alerts-sw.js) shows them. No HTML is built from strings.
(function () {
  'use strict';

  const section = document.getElementById('push');
  const state = document.getElementById('push-state');
  const button = document.getElementById('push-toggle');
  const API = '/app/api/push';
  const HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'JavaScript' };
  let registration = null;

  if (!section || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return; // the section stays hidden: this browser cannot be alerted while Haven is closed
  }

  function bytes(base64url) {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - base64url.length % 4) % 4);
    const raw = atob(base64);
    return Uint8Array.from(raw, c => c.charCodeAt(0));
  }

  function sameKey(subscription, key) {
    const used = subscription.options && subscription.options.applicationServerKey;
    if (!used) return true;
    const a = new Uint8Array(used);
    return a.length === key.length && a.every((b, i) => b === key[i]);
  }

  async function serverKey() {
    const response = await fetch(API + '/key', { headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' } });
    if (!response.ok) throw new Error('no key');
    return bytes((await response.json()).publicKey);
  }

  function keep(subscription) {
    return fetch(API + '/subscription', { method: 'PUT', headers: HEADERS, body: JSON.stringify(subscription.toJSON()) });
  }

  function show(text, action) {
    state.textContent = text;
    button.hidden = !action;
    if (action) button.textContent = action;
  }

  async function render() {
    const subscription = await registration.pushManager.getSubscription();
    if (Notification.permission === 'denied') {
      show('Notifications from Haven are blocked in this browser\u2019s settings, so alerts cannot reach this device while Haven is closed.');
    } else if (subscription) {
      show('This device is alerted to critical incidents even when Haven is closed.', 'Stop alerts on this device');
    } else {
      show('Get critical incident alerts on this device even when Haven is closed.', 'Alert me on this device');
    }
  }

  async function subscribe() {
    if (await Notification.requestPermission() !== 'granted') return;
    const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: await serverKey() });
    const response = await keep(subscription);
    if (!response.ok) {
      await subscription.unsubscribe();
      throw new Error('not kept');
    }
  }

  async function unsubscribe() {
    const subscription = await registration.pushManager.getSubscription();
    if (!subscription) return;
    await fetch(API + '/subscription', { method: 'DELETE', headers: HEADERS, body: JSON.stringify({ endpoint: subscription.endpoint }) });
    await subscription.unsubscribe();
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if (await registration.pushManager.getSubscription()) await unsubscribe(); else await subscribe();
      await render();
    } catch (e) {
      show('Alerts on this device could not be changed. Check the connection and try again.', button.textContent);
    } finally {
      button.disabled = false;
    }
  });

  // A subscription this browser already has is kept with whoever is signed in now (a phone handed on alerts its
  // new holder), and renewed when Haven's key changed.
  async function start() {
    registration = await navigator.serviceWorker.register('/js/alerts-sw.js', { updateViaCache: 'none' });
    const existing = await registration.pushManager.getSubscription();
    if (existing && Notification.permission === 'granted') {
      const key = await serverKey();
      if (sameKey(existing, key)) {
        await keep(existing);
      } else {
        await existing.unsubscribe();
        await subscribe();
      }
    }
    section.hidden = false;
    await render();
  }

  start().catch(() => {
    section.hidden = false;
    show('Alerts on this device are not available right now.');
  });
}());

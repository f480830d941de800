// The signed token travels in the link's fragment (#t=...), which browsers never send to a server or a proxy.
// Read it into the form, then take it out of the address bar and the history.
(function () {
  var match = /(?:^#|&)t=([^&]+)/.exec(window.location.hash || '');
  var token = match ? decodeURIComponent(match[1]) : '';
  if (match) {
    window.history.replaceState(null, '', window.location.pathname);
  }
  var form = document.getElementById('ack-form');
  if (token) {
    document.getElementById('ack-token').value = token;
  } else {
    form.hidden = true;
    document.getElementById('ack-no-token').hidden = false;
  }
})();

// Shared by every signed-in page of Haven. A page the browser restores from its back-forward cache is shown as
// it was, whoever is signed in now: reload it instead, so the server decides again who may see what.
window.addEventListener('pageshow', function (event) {
  'use strict';
  if (event.persisted) { window.location.reload(); }
});

// In-app messages: the inbox reloads when a new message is pushed to this person (SSE).
(function () {
  var inbox = document.getElementById('inbox');
  if (!inbox || !window.EventSource) { return; }
  var es = new EventSource(inbox.getAttribute('data-stream'));
  es.addEventListener('notice', function () { window.location.reload(); });
})();

// Reach board: reloads the board fragment when the campaign changes (SSE), and every 10 s as a fallback
// (changes made on other nodes, lost pushes).
(function () {
  var board = document.getElementById('board');
  if (!board) { return; }
  var url = board.getAttribute('data-board');
  var pending = false;
  function reload() {
    if (pending) { return; }
    pending = true;
    fetch(url, {credentials: 'same-origin'}).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
      pending = false;
      if (html) { board.innerHTML = html; board.setAttribute('data-loaded', String(Date.now())); }
    }).catch(function () { pending = false; });
  }
  if (window.EventSource) {
    var es = new EventSource(board.getAttribute('data-stream'));
    es.addEventListener('campaign', function (e) { if (e.data === 'changed') { reload(); } });
  }
  setInterval(reload, 10000);
})();

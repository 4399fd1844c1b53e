// What-if re-analyses as the analyst types: the form is posted to the result endpoint and the
// results pane is replaced. Without JavaScript the "Analyze what-if" button does the same.
(function () {
  var form = document.getElementById('whatif-form');
  var results = document.getElementById('results');
  if (!form || !results || !window.fetch) { return; }
  var timer = null;
  var pending = 0;
  function refresh() {
    var ticket = ++pending;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute('data-result-url'), { method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        if (ticket !== pending) { return; }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('results');
        if (fresh) { results.replaceWith(fresh); results = fresh; markErrors(fresh); }
      })
      .catch(function () { /* the button still works */ });
  }
  // Each field error of the fresh result is shown at its field at once; fixed fields lose theirs.
  function markErrors(fresh) {
    form.querySelectorAll('.live-error, .overrides span.error').forEach(function (el) { el.remove(); });
    form.querySelectorAll('.live-invalid').forEach(function (el) { el.classList.remove('live-invalid'); });
    fresh.querySelectorAll('#live-errors li').forEach(function (li) {
      var name = li.getAttribute('data-field');
      var input = Array.prototype.find.call(form.elements, function (el) { return el.name === name; });
      if (!input) { return; }
      input.classList.add('live-invalid');
      var span = document.createElement('span');
      span.className = 'error live-error';
      span.textContent = li.textContent;
      input.insertAdjacentElement('afterend', span);
    });
  }
  form.addEventListener('input', function (event) {
    if (event.target.id === 'scenarioName' || event.target.id === 'fact-filter') { return; }
    var row = event.target.closest('tr[data-fact]');
    if (row) { row.classList.toggle('overridden', event.target.value.trim() !== ''); }
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
  form.addEventListener('change', function (event) {
    if (event.target.id === 'scenarioName' || event.target.id === 'fact-filter') { return; }
    clearTimeout(timer);
    timer = setTimeout(refresh, 50);
  });
  var filter = document.getElementById('fact-filter');
  if (filter) {
    filter.addEventListener('input', function () {
      var q = filter.value.trim().toLowerCase();
      form.querySelectorAll('tr[data-fact]').forEach(function (row) {
        row.style.display = !q || row.getAttribute('data-fact').toLowerCase().indexOf(q) >= 0 ? '' : 'none';
      });
    });
  }
})();

// The rule editor: CodeMirror (served locally from its webjar) over the plain textarea, which
// still works without JavaScript. Error lines from the last validation are marked.
(function () {
  var area = document.getElementById('rule-text');
  if (!area || !window.CodeMirror) { return; }
  var editor = CodeMirror.fromTextArea(area, { lineNumbers: true, mode: area.getAttribute('data-mode') || null,
    indentUnit: 4, viewportMargin: Infinity });
  document.querySelectorAll('#errors li').forEach(function (li) {
    var m = li.textContent.match(/:(\d+):\d+ /);
    if (m) { editor.addLineClass(parseInt(m[1], 10) - 1, 'background', 'error-line'); }
  });
})();

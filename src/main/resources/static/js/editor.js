// The rule editor: CodeMirror (served locally from its webjar) over the plain textarea, which
// still works without JavaScript. Error lines from the last validation are marked.
(function () {
  var area = document.getElementById('rule-text');
  if (!area || !window.CodeMirror) { return; }
  var editor = CodeMirror.fromTextArea(area, { lineNumbers: true, mode: area.getAttribute('data-mode') || null,
    indentUnit: 4 });
  // Each problem marks its line; a click on it puts the cursor there.
  document.querySelectorAll('#errors li[data-line], #warnings li[data-line]').forEach(function (li) {
    var line = parseInt(li.getAttribute('data-line'), 10) - 1;
    var column = Math.max(0, parseInt(li.getAttribute('data-column'), 10) - 1);
    if (line < 0) { return; }
    editor.addLineClass(line, 'background', li.closest('#warnings') ? 'warning-line' : 'error-line');
    var jump = li.querySelector('a.jump');
    if (jump) {
      jump.addEventListener('click', function (e) {
        e.preventDefault();
        editor.focus();
        editor.setCursor({ line: line, ch: column });
        editor.scrollIntoView({ line: line, ch: column }, 80);
      });
    }
  });
})();

// A decision table also shows as a grid: one input per cell, written back to the text as CSV.
(function () {
  var grid = document.getElementById('grid');
  var holder = document.querySelector('.CodeMirror');
  if (!grid || !holder) { return; }
  var editor = holder.CodeMirror;
  function parse(text) {
    var rows = [], row = [], cell = '', quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') { quoted = false; }
        else { cell += c; }
      } else if (c === '"') { quoted = true; }
      else if (c === ',') { row.push(cell); cell = ''; }
      else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
      else if (c !== '\r') { cell += c; }
    }
    if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
    return rows;
  }
  function quote(v) { return /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
  function render() {
    var rows = parse(editor.getValue());
    var table = document.createElement('table');
    rows.forEach(function (cells, r) {
      var tr = table.insertRow();
      cells.forEach(function (v, c) {
        var input = document.createElement('input');
        input.value = v;
        input.setAttribute('data-row', r);
        input.setAttribute('data-col', c);
        input.setAttribute('aria-label', 'row ' + (r + 1) + ', column ' + (c + 1));
        tr.insertCell().appendChild(input);
      });
    });
    grid.replaceChildren(table);
  }
  var writing = false;
  grid.addEventListener('input', function () {
    var lines = [];
    grid.querySelectorAll('tr').forEach(function (tr) {
      lines.push(Array.prototype.map.call(tr.querySelectorAll('input'), function (i) { return quote(i.value); }).join(','));
    });
    writing = true;
    editor.setValue(lines.join('\n') + '\n');
    writing = false;
  });
  editor.on('change', function () { if (!writing) { render(); } });
  render();
})();

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

// A rule file in sentences: Ctrl-Space (or typing at the start of a line) offers the vocabulary's
// sentences that fit where the cursor is: conditions between when and then, actions after then.
(function () {
  var list = document.getElementById('sentences');
  var holder = document.querySelector('.CodeMirror');
  if (!list || !holder || !CodeMirror.showHint) { return; }
  var editor = holder.CodeMirror;
  var sentences = Array.prototype.map.call(list.querySelectorAll('li'), function (li) {
    return { words: li.textContent, section: li.getAttribute('data-section'), drl: li.getAttribute('data-drl') };
  });
  function sectionAt(line) {
    for (var l = line; l >= 0; l--) {
      var t = editor.getLine(l).trim();
      if (t === 'when') { return 'when'; }
      if (t === 'then') { return 'then'; }
      if (t === 'end' || t.indexOf('rule ') === 0) { return null; }
    }
    return null;
  }
  function hint(cm) {
    var cur = cm.getCursor();
    var line = cm.getLine(cur.line);
    var start = line.length - line.replace(/^\s+/, '').length;
    var typed = line.slice(start, cur.ch).toLowerCase();
    var section = sectionAt(cur.line - 1);
    var fits = sentences.filter(function (s) {
      return (!section || s.section === section) && s.words.toLowerCase().indexOf(typed) === 0;
    });
    return {
      list: fits.map(function (s) {
        return { text: s.words, displayText: s.words + '   →   ' + s.drl };
      }),
      from: CodeMirror.Pos(cur.line, start), to: CodeMirror.Pos(cur.line, line.length)
    };
  }
  editor.setOption('extraKeys', { 'Ctrl-Space': function (cm) { cm.showHint({ hint: hint, completeSingle: false }); } });
  editor.on('inputRead', function (cm, change) {
    if (change.origin === '+input' && /^\s*\S$/.test(cm.getLine(cm.getCursor().line).slice(0, cm.getCursor().ch))) {
      cm.showHint({ hint: hint, completeSingle: false });
    }
  });
})();

// "Show the rule text": what a table or a sentence file stands for, fetched for the editor's text.
(function () {
  var button = document.getElementById('show-drl');
  var holder = document.querySelector('.CodeMirror');
  if (!button) { return; }
  button.addEventListener('click', function () {
    var view = document.getElementById('drl-view');
    var form = document.getElementById('rule-form');
    if (holder) { holder.CodeMirror.save(); }
    var body = new URLSearchParams(new FormData(form));
    fetch(button.getAttribute('data-url'), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        document.getElementById('drl-text').textContent = text;
        view.hidden = false;
        view.scrollIntoView();
      });
  });
})();

// The rule editor: CodeMirror (served locally from its webjar) over the plain textarea, which
// still works without JavaScript. Error lines from the last validation are marked.
(function () {
  var area = document.getElementById('rule-text');
  if (!area || !window.CodeMirror) { return; }
  // Sentences and tables read as prose: their long lines wrap; DRL keeps its lines.
  var editor = CodeMirror.fromTextArea(area, { lineNumbers: true, mode: area.getAttribute('data-mode') || null,
    indentUnit: 4, lineWrapping: !area.getAttribute('data-mode') });
  // Each problem marks its line; a click on it puts the cursor there.
  var fileInput = document.querySelector('#rule-form input[name=file]');
  var here = fileInput ? 'rules/' + fileInput.value : null;
  document.querySelectorAll('#errors li[data-line], #warnings li[data-line]').forEach(function (li) {
    if (here && li.getAttribute('data-file') && li.getAttribute('data-file') !== here) { return; }
    var line = parseInt(li.getAttribute('data-line'), 10) - 1;
    var column = Math.max(0, parseInt(li.getAttribute('data-column'), 10) - 1);
    if (line < 0) { return; }
    editor.addLineClass(line, 'background', li.closest('#warnings') ? 'warning-line' : 'error-line');
    var jump = li.querySelector('a.jump');
    if (jump) {
      jump.addEventListener('click', function (e) {
        e.preventDefault();
        var grid = document.getElementById('grid');
        var row = grid && !grid.hidden ? grid.querySelector('tr[data-line="' + (line + 1) + '"]') : null;
        if (row) {
          row.scrollIntoView({ block: 'center' });
          var cell = row.querySelector('.cell');
          if (cell) { cell.focus(); }
          return;
        }
        var textTab = document.getElementById('tab-text');
        if (textTab && textTab.getAttribute('aria-selected') !== 'true') { textTab.click(); }
        editor.focus();
        editor.setCursor({ line: line, ch: column });
        editor.scrollIntoView({ line: line, ch: column }, 80);
      });
    }
  });
})();

// A decision table as a business grid: only the columns an expert fills in, each cell typed (a
// select for region, power and yes/no, fact ids offered from the fact base, numbers checked), rows
// added, removed and moved. The engine rows above the header stay as they are, shown read-only on
// demand; every edit is written back to the CSV text, which stays the file of record.
(function () {
  var grid = document.getElementById('grid');
  var holder = document.querySelector('.CodeMirror');
  var meta = document.getElementById('grid-columns');
  if (!grid || !holder || !meta) { return; }
  var editor = holder.CodeMirror;
  var columns = Array.prototype.map.call(meta.querySelectorAll('li'), function (li) {
    return { index: parseInt(li.getAttribute('data-index'), 10), type: li.getAttribute('data-type'), label: li.textContent,
      kind: li.getAttribute('data-kind') || '', code: li.getAttribute('data-code') || '' };
  });
  function options(id) {
    return Array.prototype.map.call(document.querySelectorAll('#' + id + ' option'), function (o) { return o.value; });
  }
  var regions = options('grid-regions'), powers = options('grid-powers');
  var words = { any: meta.getAttribute('data-any'), yes: meta.getAttribute('data-yes'), no: meta.getAttribute('data-no') };
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
  var state = null;
  function split(rows) {
    var start = -1;
    for (var i = 0; i < rows.length; i++) { if ((rows[i][0] || '').indexOf('RuleTable') === 0) { start = i; break; } }
    if (start < 0 || start + 4 >= rows.length) { return null; }
    var end = start + 5;
    while (end < rows.length && (rows[end][0] || '').trim() !== '') { end++; }
    return { engine: rows.slice(0, start + 4), labels: rows[start + 4], data: rows.slice(start + 5, end), rest: rows.slice(end) };
  }
  function select(values, current, blank) {
    var s = document.createElement('select');
    var list = [''].concat(values);
    if (current && list.indexOf(current) < 0) { list.push(current); }
    list.forEach(function (v) {
      var o = document.createElement('option');
      o.value = v;
      o.textContent = v === '' ? blank : (v === 'true' ? words.yes : (v === 'false' ? words.no : v));
      if (v === current) { o.selected = true; }
      s.appendChild(o);
    });
    return s;
  }
  function cellInput(col, value) {
    var input;
    if (col.type === 'REGION') { input = select(regions, value, words.any); }
    else if (col.type === 'POWER') { input = select(powers, value, words.any); }
    else if (col.type === 'YES_NO') { input = select(['true', 'false'], value, words.any); }
    else if (col.type === 'NAME' || col.type === 'TEXT') {
      input = document.createElement('textarea');
      input.rows = 1;
      input.value = value;
    } else {
      input = document.createElement('input');
      input.value = value;
      if (col.type === 'FACT') { input.setAttribute('list', 'grid-facts'); }
      if (col.type === 'NUMBER') { input.setAttribute('inputmode', 'decimal'); input.setAttribute('pattern', '-?[0-9]+(\\.[0-9]+)?'); }
    }
    input.className = 'cell cell-' + col.type.toLowerCase();
    input.setAttribute('data-col', col.index);
    return input;
  }
  function button(text, cls, title) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = text;
    b.title = title;
    b.setAttribute('aria-label', title);
    return b;
  }
  function render() {
    state = split(parse(editor.getValue()));
    if (state && !sameColumns(state)) {
      // The engine rows changed in the CSV text since the page typed the columns: the grid would put
      // cells under the wrong columns, so it waits for a validation to type them again.
      grid.replaceChildren(document.createTextNode(meta.getAttribute('data-stale')));
      grid.classList.add('stale');
      state = null;
      return;
    }
    grid.classList.remove('stale');
    draw();
  }
  function sameColumns(st) {
    var types = st.engine[st.engine.length - 3] || [], code = st.engine[st.engine.length - 1] || [];
    return columns.every(function (col) {
      return (types[col.index] || '').trim() === col.kind && (code[col.index] || '') === col.code;
    });
  }
  // Draws the grid from the rows in hand: a row just added stays, blank, until it is filled in.
  function draw() {
    if (!state) { grid.replaceChildren(); return; }
    var table = document.createElement('table');
    var head = table.createTHead().insertRow();
    head.appendChild(document.createElement('th')).textContent = '#';
    columns.forEach(function (col) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = col.label;
      th.className = 'col-' + col.type.toLowerCase();
      head.appendChild(th);
    });
    head.appendChild(document.createElement('th'));
    var body = table.createTBody();
    var firstLine = lineOfFirstRow();
    state.data.forEach(function (cells, r) {
      var tr = body.insertRow();
      tr.setAttribute('data-index', r);
      tr.setAttribute('data-line', firstLine + r);
      tr.insertCell().textContent = firstLine + r;
      columns.forEach(function (col) {
        var input = cellInput(col, cells[col.index] || '');
        input.setAttribute('aria-label', col.label + ', row ' + (firstLine + r));
        tr.insertCell().appendChild(input);
      });
      var actions = tr.insertCell();
      actions.className = 'row-actions';
      actions.appendChild(button('↑', 'move-up', 'Move up'));
      actions.appendChild(button('↓', 'move-down', 'Move down'));
      actions.appendChild(button('✕', 'remove-row', 'Remove row'));
    });
    grid.replaceChildren(table);
    var engine = document.getElementById('engine-table');
    if (engine) {
      var et = document.createElement('table');
      state.engine.forEach(function (cells) {
        var tr = et.insertRow();
        cells.forEach(function (v) { tr.insertCell().textContent = v; });
      });
      engine.replaceChildren(et);
    }
    markProblems();
  }
  function lineOfFirstRow() {
    return state.engine.length + 2;
  }
  // Problems from the last validation mark their row of the grid too.
  function markProblems() {
    var fileInput = document.querySelector('#rule-form input[name=file]');
    document.querySelectorAll('#errors li[data-line], #warnings li[data-line]').forEach(function (li) {
      if (fileInput && li.getAttribute('data-file') && li.getAttribute('data-file') !== 'rules/' + fileInput.value) { return; }
      var tr = grid.querySelector('tr[data-line="' + li.getAttribute('data-line') + '"]');
      if (tr) { tr.classList.add(li.closest('#warnings') ? 'warning-row' : 'error-row'); }
    });
  }
  var writing = false;
  function write() {
    var rows = state.engine.concat([state.labels], state.data, state.rest);
    writing = true;
    editor.setValue(rows.map(function (cells) { return cells.map(quote).join(','); }).join('\n') + '\n');
    writing = false;
  }
  // A row as the grid has it: its cells outside the business columns kept as they were, the
  // business cells from their inputs, each on one line (Drools reads a table line by line).
  function readRow(tr, original) {
    var width = Math.max(state.labels.length, columns.length ? columns[columns.length - 1].index + 1 : 0);
    var cells = (original || []).slice();
    while (cells.length < width) { cells.push(''); }
    tr.querySelectorAll('.cell').forEach(function (input) {
      cells[parseInt(input.getAttribute('data-col'), 10)] = input.value.replace(/\s*[\r\n]+\s*/g, ' ');
    });
    return cells;
  }
  function readGrid() {
    var before = state.data;
    state.data = Array.prototype.map.call(grid.querySelectorAll('tbody tr'), function (tr) {
      var index = tr.getAttribute('data-index');
      return readRow(tr, index === null ? null : before[parseInt(index, 10)]);
    });
  }
  grid.addEventListener('input', function () { readGrid(); write(); });
  grid.addEventListener('change', function () { readGrid(); write(); });
  grid.addEventListener('click', function (e) {
    var tr = e.target.closest('tr');
    if (!tr || !e.target.matches('button')) { return; }
    if (e.target.classList.contains('remove-row')) { tr.remove(); }
    if (e.target.classList.contains('move-up') && tr.previousElementSibling) { tr.parentNode.insertBefore(tr, tr.previousElementSibling); }
    if (e.target.classList.contains('move-down') && tr.nextElementSibling) { tr.parentNode.insertBefore(tr.nextElementSibling, tr); }
    readGrid();
    write();
    draw();
  });
  var add = document.getElementById('add-row');
  if (add) {
    add.addEventListener('click', function () {
      if (!state) { return; }
      readGrid();
      state.data.push(readRow(document.createElement('tr'), null));
      write();
      draw();
      var rows = grid.querySelectorAll('tbody tr');
      var first = rows[rows.length - 1].querySelector('.cell');
      if (first) { first.focus(); }
    });
  }
  editor.on('change', function () { if (!writing) { render(); } });
  // Two tabs: the grid, and the CSV text it writes.
  var tabGrid = document.getElementById('tab-grid'), tabText = document.getElementById('tab-text');
  var textTab = document.getElementById('text-tab');
  function show(gridShown) {
    tabGrid.setAttribute('aria-selected', gridShown);
    tabText.setAttribute('aria-selected', !gridShown);
    grid.hidden = !gridShown;
    add.parentNode.hidden = !gridShown;
    document.getElementById('engine-rows').hidden = !gridShown;
    textTab.hidden = gridShown;
    if (!gridShown) { editor.refresh(); } else { render(); }
  }
  if (tabGrid && tabText && textTab) {
    tabGrid.addEventListener('click', function () { show(true); });
    tabText.addEventListener('click', function () { show(false); });
    show(true);
  } else {
    render();
  }
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

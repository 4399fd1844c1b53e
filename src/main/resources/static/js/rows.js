// Add and remove phase and attribute rows; inputs are renumbered so the server binds them in order.
(function () {
  function renumber(fieldset) {
    var prefix = fieldset.getAttribute('data-rows');
    fieldset.querySelectorAll(':scope > .row-item').forEach(function (row, i) {
      row.querySelectorAll('input, select').forEach(function (input) {
        var name = input.getAttribute('name') || input.getAttribute('data-name');
        if (!name) { return; }
        var renamed = name.replace(new RegExp('^' + prefix + '\\[[^\\]]*\\]'), prefix + '[' + i + ']');
        input.setAttribute('name', renamed);
        if (input.type !== 'hidden') { input.id = renamed; }
      });
    });
  }
  document.querySelectorAll('fieldset.rows').forEach(function (fieldset) {
    fieldset.addEventListener('click', function (event) {
      if (event.target.classList.contains('remove-row')) {
        event.target.closest('.row-item').remove();
        renumber(fieldset);
        fieldset.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (event.target.classList.contains('add-row')) {
        var template = fieldset.querySelector('template.row-template');
        var row = template.content.firstElementChild.cloneNode(true);
        fieldset.insertBefore(row, template);
        renumber(fieldset);
        var first = row.querySelector('input');
        if (first) { first.focus(); }
      }
    });
  });
})();

// "Why": a search box keeps only the rules whose row contains what is typed.
(function () {
  document.querySelectorAll('input[data-filter]').forEach(function (box) {
    box.addEventListener('input', function () {
      var words = box.value.toLowerCase();
      document.querySelectorAll(box.getAttribute('data-filter')).forEach(function (row) {
        row.hidden = words !== '' && row.textContent.toLowerCase().indexOf(words) < 0;
      });
    });
  });
})();

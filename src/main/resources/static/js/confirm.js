// Forms with data-confirm ask before they submit (deletes).
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
  });
});

// The batch page reloads itself every 2 s while a run is going (CSP allows no inline script).
setTimeout(function () { location.reload(); }, 2000);

// Search-box suggestions: fills the input's <datalist> from /api/suggest as the user types.
// Options are set through DOM properties only, so nothing from an article is parsed as HTML.
(function () {
  var input = document.getElementById('q');
  var list = document.getElementById('q-suggest');
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var last = '';
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q === last) { return; }
      last = q;
      if (!q) { list.replaceChildren(); return; }
      fetch('/api/suggest?size=8&q=' + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          if (input.value.trim() !== q) { return; }
          var options = data.suggestions.map(function (s) {
            var o = document.createElement('option');
            o.value = s.text;
            return o;
          });
          list.replaceChildren.apply(list, options);
        })
        .catch(function () { /* suggestions are a convenience; the search still works */ });
    }, 120);
  });
})();

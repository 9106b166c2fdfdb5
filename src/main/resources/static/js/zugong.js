// Zugong's page behaviour: CSRF on htmx requests, tree toggles, demo-load progress.
document.addEventListener("htmx:configRequest", function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    e.detail.headers[header.content] = token.content;
  }
});

// A tree node loads its children once; later clicks fold and unfold them.
document.addEventListener("click", function (e) {
  var toggle = e.target.closest(".zg-toggle");
  if (!toggle) return;
  var target = document.querySelector(toggle.getAttribute("hx-target"));
  if (toggle.dataset.loaded === "true" && target) {
    e.preventDefault();
    e.stopImmediatePropagation();
    var open = target.hidden;
    target.hidden = !open;
    toggle.textContent = open ? "-" : "+";
  }
}, true);
document.addEventListener("htmx:afterSwap", function (e) {
  var id = e.detail.target.id || "";
  if (id.indexOf("children-") === 0) {
    var toggle = document.querySelector('[hx-target="#' + id + '"]');
    if (toggle) {
      toggle.dataset.loaded = "true";
      toggle.textContent = "-";
    }
  }
});

// While demo data loads, the login page polls its progress and reloads when it is done.
(function () {
  var progress = document.getElementById("demo-progress");
  if (!progress || progress.dataset.state !== "LOADING") return;
  var timer = setInterval(function () {
    fetch("/demo-status").then(function (r) { return r.json(); }).then(function (s) {
      if (s.state !== "LOADING") {
        clearInterval(timer);
        window.location.reload();
      }
    });
  }, 1000);
})();

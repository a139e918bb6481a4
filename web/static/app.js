// kntc: small enhancements only. Every page works without this script
// (Content-Security-Policy allows scripts from this site only, none inline).
(function () {
  "use strict";

  // Copy buttons: <button data-copy="ID"> copies the text of element ID.
  function setupCopy(button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copied");
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = target.value !== undefined ? target.value : target.textContent;
      var done = function () { if (status) status.textContent = "Đã sao chép vào bộ nhớ tạm."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { selectAndCopy(target, done); });
      } else {
        selectAndCopy(target, done);
      }
    });
  }

  function selectAndCopy(target, done) {
    target.focus();
    if (target.select) target.select();
    try { if (document.execCommand("copy")) done(); } catch (e) { /* the text stays selected */ }
  }

  // The period form shows only the fields of the chosen kind of period.
  function setupPeriod(form) {
    var kind = form.querySelector("select[name=kind]");
    var year = form.querySelector("select[name=year]");
    if (!kind) return;
    var update = function () {
      var k = kind.value;
      form.querySelectorAll(".pk").forEach(function (el) {
        el.hidden = !el.classList.contains("pk-" + k);
      });
      if (year) year.closest(".field").hidden = k === "range";
    };
    kind.addEventListener("change", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-copy]").forEach(setupCopy);
    document.querySelectorAll("form.period").forEach(setupPeriod);
  });
})();

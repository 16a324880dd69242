/* Copy buttons (引用本文, 订阅地址): a button copies the text of the element named by its data-copy
   attribute to the clipboard and says so in the .copy-status beside it. Without JavaScript the
   button stays hidden and the text can be selected by hand. */
(function () {
  "use strict";

  function copySelected(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return document.execCommand("copy");
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    var status = button.parentElement.querySelector(".copy-status");
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      var copying = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text)
        : Promise.resolve().then(function () {
          if (!copySelected(source)) {
            throw new Error("copy refused");
          }
        });
      copying.then(function () {
        status.textContent = "已复制到剪贴板";
      }, function () {
        copySelected(source);
        status.textContent = "已选中引文，请按 Ctrl+C（或 ⌘C）复制";
      });
    });
  });
})();

/* 搜索页筛选面板: open beside the results on wide screens, folded above them on phones
   (where it comes first in the page). Without JavaScript it starts folded everywhere. */
(function () {
  "use strict";
  var panel = document.getElementById("facets-panel");
  if (!panel) {
    return;
  }
  var wide = window.matchMedia("(min-width: 48.01rem)");
  function follow() {
    panel.open = wide.matches;
  }
  follow();
  wide.addEventListener("change", follow);
})();

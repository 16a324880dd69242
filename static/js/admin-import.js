/* 导入版面: shows that an upload is being parsed, and confirms staged files one request
   at a time with a progress bar and each file's result as it lands. Without this script
   the same forms post normally and the server confirms every file in one request. */
(function () {
  "use strict";

  function announceUpload(form) {
    form.addEventListener("submit", function () {
      var files = form.querySelector("input[type=file]").files.length;
      var status = document.getElementById("import-upload-status");
      form.querySelector("input[type=submit]").disabled = true;
      status.hidden = false;
      status.querySelector("span").textContent = files
        ? "正在上传并解析 " + files + " 个文件，请稍候……"
        : "正在解析粘贴的文本，请稍候……";
    });
  }

  async function confirmFile(form, index) {
    var data = new FormData(form);
    data.set("step", "confirm_file");
    data.set("index", String(index));
    var response = await fetch(form.action, { method: "POST", body: data, credentials: "same-origin" });
    var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
    var reply = json ? await response.json() : {};
    if (!response.ok) {
      throw new Error(reply.error || "服务器返回 " + response.status);
    }
    return reply;
  }

  function confirmInSteps(form) {
    var names = JSON.parse(document.getElementById("import-file-names").textContent);
    var progress = document.getElementById("import-progress");
    var bar = progress.querySelector("progress");
    var status = document.getElementById("import-progress-status");
    var rows = progress.querySelector("#import-results tbody");
    var links = document.getElementById("import-progress-links");
    var preview = document.getElementById("import-preview");

    form.addEventListener("submit", async function (event) {
      if (!event.submitter || event.submitter.value !== "confirm") {
        return;
      }
      event.preventDefault();
      form.hidden = true;
      preview.hidden = true;
      progress.hidden = false;
      var counts = { imported: 0, unchanged: 0, failed: 0 };
      for (var index = 0; index < names.length; index += 1) {
        status.textContent = "正在导入第 " + (index + 1) + "/" + names.length + " 个文件：" + names[index];
        var reply;
        try {
          reply = await confirmFile(form, index);
        } catch (error) {
          status.textContent = "第 " + (index + 1) + " 个文件（" + names[index] + "）导入中断：" + error.message +
            "。已完成的文件不受影响；请重新上传其余文件（未变化的文件会自动跳过）。";
          status.classList.add("errornote");
          links.hidden = false;
          return;
        }
        rows.insertAdjacentHTML("beforeend", reply.row);
        bar.value = index + 1;
        counts[reply.outcome] += 1;
      }
      status.textContent = "导入完成：共 " + names.length + " 个文件，已导入 " + counts.imported + " 个，未变化 " +
        counts.unchanged + " 个，失败 " + counts.failed + " 个。已导入的内容已保存，并已更新检索。";
      status.classList.add(counts.failed ? "import-status-warning" : "import-status-success");
      links.hidden = false;
    });
  }

  var upload = document.getElementById("import-upload");
  if (upload) {
    announceUpload(upload);
  }
  var confirm = document.getElementById("import-confirm");
  if (confirm) {
    confirmInSteps(confirm);
  }
})();

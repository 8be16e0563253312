// factdiff report: filters, reading order and the review, all optional. Without this
// script the page is a plain document. It reads only the page itself and the browser's
// local storage, and never touches the network.
"use strict";
(function () {
  const root = document.documentElement;
  root.classList.remove("nojs");
  const body = document.body;
  const reportKey = "factdiff-review:" + (body.dataset.report || "");
  const byId = (id) => document.getElementById(id);
  const all = (selector) => Array.from(document.querySelectorAll(selector));

  // Review state, kept in local storage under a key of the two reports' texts. Storage
  // may be refused (private windows, some file:// policies): the review then lasts as
  // long as the page.
  let storage = null;
  try {
    storage = window.localStorage;
    storage.getItem(reportKey);
  } catch (e) {
    storage = null;
  }
  function emptyState() {
    return { version: 1, reviewing: true, items: {} };
  }
  function load() {
    if (!storage) return emptyState();
    try {
      const saved = JSON.parse(storage.getItem(reportKey));
      if (saved && typeof saved === "object" && saved.items && typeof saved.items === "object") {
        return Object.assign(emptyState(), saved);
      }
    } catch (e) {
      // A damaged entry is replaced on the next save.
    }
    return emptyState();
  }
  let state = load();
  function save() {
    if (!storage) return;
    try {
      storage.setItem(reportKey, JSON.stringify(state));
    } catch (e) {
      // Storage full: the state stays in memory.
    }
  }
  function entry(id) {
    if (!Object.prototype.hasOwnProperty.call(state.items, id)) {
      state.items[id] = { checked: false, note: "" };
    }
    return state.items[id];
  }

  // Filters: every item lists its kinds in data-tags; a filter shows the items that
  // have its kind.
  const items = all("tbody.item");
  const status = byId("filter-status");
  function applyFilter(kind) {
    let shown = 0;
    for (const item of items) {
      const match = item.dataset.tags.split(" ").includes(kind);
      item.classList.toggle("filtered-out", !match);
      if (match) shown += 1;
    }
    for (const section of all("main > section")) {
      const note = section.querySelector(".empty-filter");
      if (!note) continue;
      const any = section.querySelector("tbody.item:not(.filtered-out)") !== null;
      note.hidden = any;
    }
    if (status) {
      status.textContent = kind === "all" ? "" : "Showing " + shown + " of " + items.length + " items.";
    }
  }
  for (const radio of all("input[name=filter]")) {
    radio.addEventListener("change", () => applyFilter(radio.value));
  }

  // Reading order: rows carry their rank in each outlet's order.
  function applyOrder(side) {
    for (const table of all("#comparison table.rows")) {
      const rows = Array.from(table.tBodies);
      rows.sort((a, b) => Number(a.dataset[side]) - Number(b.dataset[side]));
      for (const row of rows) table.appendChild(row);
    }
  }
  for (const radio of all("input[name=order]")) {
    radio.addEventListener("change", () => applyOrder(radio.value));
  }

  // Review: a checkbox and a note per divergence and single-source claim.
  const reviews = all(".review[data-item]");
  const progress = byId("review-progress");
  function showProgress() {
    const done = reviews.filter((r) => entry(r.dataset.item).checked).length;
    if (progress) progress.textContent = done + " of " + reviews.length + " checked";
    for (const r of reviews) {
      const e = state.items[r.dataset.item];
      r.classList.toggle("done", Boolean(e && e.checked));
      r.classList.toggle("has-note", Boolean(e && e.note));
    }
  }
  function restore() {
    for (const r of reviews) {
      const id = r.dataset.item;
      const e = state.items[id] || { checked: false, note: "" };
      r.querySelector("input[data-review]").checked = Boolean(e.checked);
      r.querySelector("textarea[data-note]").value = typeof e.note === "string" ? e.note : "";
    }
    const mode = byId("review-mode");
    if (mode) mode.checked = state.reviewing !== false;
    body.classList.toggle("not-reviewing", state.reviewing === false);
    showProgress();
  }
  for (const r of reviews) {
    const id = r.dataset.item;
    r.querySelector("input[data-review]").addEventListener("change", (event) => {
      entry(id).checked = event.target.checked;
      save();
      showProgress();
    });
    r.querySelector("textarea[data-note]").addEventListener("input", (event) => {
      entry(id).note = event.target.value;
      save();
      showProgress();
    });
  }
  const mode = byId("review-mode");
  if (mode) {
    mode.addEventListener("change", () => {
      state.reviewing = mode.checked;
      body.classList.toggle("not-reviewing", !mode.checked);
      save();
    });
  }
  const clear = byId("review-clear");
  if (clear) {
    clear.addEventListener("click", () => {
      if (!window.confirm("Clear every check and note of this review?")) return;
      state = emptyState();
      save();
      restore();
    });
  }

  // Export: the review as Markdown (a checklist) or JSON.
  function reviewItems() {
    return reviews.map((r) => {
      const e = state.items[r.dataset.item] || { checked: false, note: "" };
      return { id: r.dataset.item, title: r.dataset.title, checked: Boolean(e.checked), note: e.note || "" };
    });
  }
  function markdownEscape(text) {
    return text.replace(/[\\`*_{}\[\]<>#|]/g, "\\$&");
  }
  function exportReview(format) {
    const list = reviewItems();
    const title = document.querySelector("h1").textContent;
    if (format === "json") {
      return JSON.stringify({ report: body.dataset.report, title: title, items: list }, null, 2) + "\n";
    }
    const lines = ["# Review: " + markdownEscape(title), ""];
    for (const item of list) {
      lines.push("- [" + (item.checked ? "x" : " ") + "] " + markdownEscape(item.title));
      const note = item.note.trim();
      if (note) {
        for (const line of note.split(/\r?\n/)) lines.push("  > " + markdownEscape(line));
      }
    }
    return lines.join("\n") + "\n";
  }
  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type: type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  const name = "factdiff-review-" + (body.dataset.report || "report");
  const md = byId("export-markdown");
  if (md) md.addEventListener("click", () => download(name + ".md", "text/markdown", exportReview("markdown")));
  const json = byId("export-json");
  if (json) json.addEventListener("click", () => download(name + ".json", "application/json", exportReview("json")));
  window.factdiffReview = { export: exportReview };

  // A link into the full text opens the collapsed report it points into.
  function reveal() {
    let target = null;
    try {
      target = byId(decodeURIComponent(window.location.hash.slice(1)));
    } catch (e) {
      target = null;
    }
    if (!target) return;
    const details = target.closest("details");
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);

  // Printing shows everything: every row and both full texts.
  window.addEventListener("beforeprint", () => {
    for (const d of all("details")) d.open = true;
  });

  restore();
  // A reload may bring back the choices of the controls: show what they say.
  const filter = document.querySelector("input[name=filter]:checked");
  if (filter) applyFilter(filter.value);
  const order = document.querySelector("input[name=order]:checked");
  if (order) applyOrder(order.value);
  reveal();
})();

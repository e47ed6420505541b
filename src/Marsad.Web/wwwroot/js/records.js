// The persons, claims and allegations registers as the caller may see them (the API masks; this only shows).
"use strict";

(function () {
  const columns = {
    persons: [["name", r => r.name], ["status", r => r.status], ["groupSize", r => r.group_size ? (r.group_size.best ?? r.group_size.low ?? "") : ""]],
    claims: [["claimant", r => r.claimant], ["statement", r => r.statement], ["verdict", r => r.verdict], ["date", r => r.date || ""]],
    allegations: [["summary", r => r.summary], ["kind", r => r.kind || ""], ["date", r => r.date ? r.date.start : ""], ["status", r => r.history && r.history.length ? r.history[r.history.length - 1].status : ""]]
  };

  Marsad.ready.then(async () => {
    const kind = new URLSearchParams(location.search).get("kind");
    const cols = columns[kind] || columns.persons;
    const name = columns[kind] ? kind : "persons";
    document.getElementById("heading").textContent = Marsad.t(name);
    const table = document.getElementById("records");
    const response = await fetch("/api/" + name, { credentials: "same-origin" });
    const rows = response.ok ? await response.json() : [];
    table.replaceChildren(Marsad.el("tr", {}, cols.map(([k]) => Marsad.el("th", { text: Marsad.t(k) }))),
      ...rows.map(r => Marsad.el("tr", { class: "record" }, cols.map(([, get]) => Marsad.el("td", {}, String(get(r) ?? ""))))));
    if (rows.length === 0) table.append(Marsad.el("tr", {}, Marsad.el("td", { text: Marsad.t("nothing") })));
    document.body.dataset.ready = "true";
  });
})();

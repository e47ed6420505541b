// The persons, claims and allegations registers as the caller may see them: filters, one record's page, and the
// filtered register as CSV or JSON. The API masks per role (Core/Access); this page only shows what it is given.
"use strict";

(function () {
  const columns = {
    persons: [["name", r => r.name], ["status", r => r.status], ["groupSize", r => r.group_size ? (r.group_size.best ?? r.group_size.low ?? "") : ""]],
    claims: [["claimant", r => r.claimant], ["statement", r => r.statement], ["verdict", r => r.verdict], ["date", r => r.date || ""]],
    allegations: [["summary", r => r.summary], ["kind", r => r.kind || ""], ["date", r => r.date ? r.date.start : ""], ["status", r => r.history && r.history.length ? r.history[r.history.length - 1].status : ""]]
  };

  const show = value => value === null || value === undefined ? "" : typeof value === "object" ? plain(value) : String(value);

  // A record's nested values as a person reads them, not as JSON: a place by its names and point, a date span by its
  // days, a count by its range, a list item by item; anything else as key: value pairs.
  function plain(value) {
    if (Array.isArray(value)) return value.map(plain).join("; ");
    if (value === null || typeof value !== "object") return value === null || value === undefined ? "" : String(value);
    if ("latitude" in value && "longitude" in value) return `${value.latitude}, ${value.longitude}`;
    if ("admin1" in value || ("name" in value && "point" in value)) {
      const names = [value.name, value.admin3, value.admin2, value.admin1].filter((n, i, all) => n && all.indexOf(n) === i).join(", ");
      return value.point ? `${names} (${plain(value.point)})` : names;
    }
    if ("start" in value && "end" in value) return value.start === value.end ? value.start : `${value.start} – ${value.end}`;
    if ("low" in value || "best" in value) {
      if (value.high === undefined || value.high === null) return value.best !== undefined && value.best !== null ? String(value.best) : `≥ ${value.low}`;
      return value.low === value.high ? String(value.low) : `${value.low}–${value.high}`;
    }
    return Object.entries(value).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${label(k)}: ${plain(v)}`).join(", ");
  }

  // A field the interface has no words for reads as words, not as its JSON name.
  function label(key) {
    const said = Marsad.t(key);
    if (said !== key) return said;
    const words = key.replace(/_/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  async function detail(name, id, main) {
    const response = await fetch(`/api/${name}/${encodeURIComponent(id)}`, { credentials: "same-origin" });
    if (!response.ok) { main.append(Marsad.el("p", { class: "error", text: Marsad.t("nothing") })); return; }
    const record = await response.json();
    const list = Marsad.el("dl", { class: "record-detail" });
    for (const [key, value] of Object.entries(record)) {
      if (key === "evidence" || value === null || (Array.isArray(value) && value.length === 0)) continue;
      list.append(Marsad.el("dt", { text: label(key) }), Marsad.el("dd", { text: show(value) }));
    }
    main.append(list, Marsad.el("p", {}, Marsad.el("a", { href: `/records.html?kind=${name}`, text: Marsad.t(name) })));
  }

  async function table(name, cols, params) {
    const query = new URLSearchParams();
    for (const key of ["status", "text"]) if (params.get(key)) query.set(key, params.get(key));
    const table = document.getElementById("records");
    const response = await fetch(`/api/${name}/filtered?${query}`, { credentials: "same-origin" });
    const rows = response.ok ? await response.json() : [];
    table.replaceChildren(Marsad.el("tr", {}, cols.map(([k]) => Marsad.el("th", { text: Marsad.t(k) }))),
      ...rows.map(r => Marsad.el("tr", { class: "record", "data-id": r.id }, cols.map(([, get], i) => Marsad.el("td", {},
        i === 0 ? Marsad.el("a", { href: `/records.html?kind=${name}&id=${r.id}`, text: show(get(r)) }) : show(get(r)))))));
    if (rows.length === 0) table.append(Marsad.el("tr", {}, Marsad.el("td", { text: Marsad.t("nothing") })));
    for (const format of ["csv", "json"]) {
      const copy = new URLSearchParams(query);
      if (format === "json") copy.set("format", "json");
      document.getElementById(`export-${format}`).href = `/api/${name}/export?${copy}`;
    }
  }

  Marsad.ready.then(async () => {
    const params = new URLSearchParams(location.search);
    const kind = params.get("kind");
    const name = columns[kind] ? kind : "persons";
    document.getElementById("heading").textContent = Marsad.t(name);
    const form = document.getElementById("record-filters");
    form.querySelector("input[name='kind']").value = name;
    form.querySelector("input[name='status']").value = params.get("status") || "";
    form.querySelector("input[name='text']").value = params.get("text") || "";
    if (params.get("id")) {
      form.classList.add("hidden");
      document.getElementById("records").classList.add("hidden");
      document.getElementById("exports").classList.add("hidden");
      await detail(name, params.get("id"), document.querySelector("main"));
    } else {
      await table(name, columns[name], params);
    }
    document.body.dataset.ready = "true";
  });
})();

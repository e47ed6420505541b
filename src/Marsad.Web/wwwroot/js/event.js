// One event: its fields, its sources, each document's text with the evidence highlighted, and (for the
// team) its history in the audit chain.
"use strict";

(function () {
  function field(list, key, value) {
    if (value === null || value === undefined || value === "") return;
    list.append(Marsad.el("dt", { "data-i18n": key, text: Marsad.t(key) }), Marsad.el("dd", { "data-field": key }, value instanceof Node ? value : String(value)));
  }

  Marsad.ready.then(async () => {
    const main = document.getElementById("event");
    const id = new URLSearchParams(location.search).get("id") || "";
    const response = await fetch("/api/events/" + encodeURIComponent(id), { credentials: "same-origin" });
    if (!response.ok) { main.replaceChildren(Marsad.el("p", { class: "error", text: Marsad.t("nothing") })); return; }
    const detail = await response.json();
    const e = detail.event;
    const fields = Marsad.el("dl", { class: "fields" });
    await Marsad.loadArabicPlaces([e.location]);
    field(fields, "type", Marsad.el("span", {}, Marsad.label(e.event_type), " / ", Marsad.label(e.sub_event_type)));
    field(fields, "date", Marsad.dateText(e));
    // Each canonical name beside the Arabic one (the place as the Arabic report wrote it, the actor's usual Arabic name).
    const ar = detail.names_ar || {};
    const arabicDocument = (detail.documents || []).some(d => d.text && Marsad.isArabic(d.text));
    field(fields, "place", Marsad.place(detail.place_line, e.location, ar, arabicDocument));
    field(fields, "actor1", e.actor1 ? Marsad.named(e.actor1, ar.actor1, arabicDocument) : "");
    field(fields, "actor2", e.actor2 ? Marsad.named(e.actor2, ar.actor2, arabicDocument) : "");
    field(fields, "fatalities", e.quantities && e.quantities.fatalities ? (e.quantities.fatalities.best ?? e.quantities.fatalities.low) : "");
    field(fields, "status", Marsad.name(e.status));
    field(fields, "grade", e.grade);
    field(fields, "summary", e.summary);
    field(fields, "sources", (detail.sources || []).join("; "));
    const parts = [Marsad.el("h1", {}, Marsad.label(e.sub_event_type), " — ", Marsad.el("bdi", { dir: "auto", class: "date" }, Marsad.dateText(e))), Marsad.el("div", { class: "card" }, fields),
      Marsad.el("h2", { "data-i18n": "documents", text: Marsad.t("documents") })];
    for (const doc of detail.documents || []) {
      const card = Marsad.el("div", { class: "card document", "data-document": doc.id },
        Marsad.el("h3", { dir: "auto" }, Marsad.el("bdi", {}, doc.title || doc.source || doc.id), doc.published ? " (" + doc.published + ")" : ""),
        Marsad.el("p", {}, Marsad.t("sources") + ": " + (doc.source || "")));
      if (doc.text) {
        const text = Marsad.el("div", { class: "source-text" });
        Marsad.highlight(text, doc.text, doc.evidence ? Marsad.spans(doc.evidence) : []);
        card.append(text);
      }
      parts.push(card);
    }
    if (Marsad.me.role !== "public") {
      const history = await fetch("/api/audit/" + encodeURIComponent(e.id), { credentials: "same-origin" });
      if (history.ok) {
        const table = Marsad.el("table", { class: "list", id: "history" },
          Marsad.el("tr", {}, ["#", "date", "author", "reason", "changes"].map(k => Marsad.el("th", { "data-i18n": k, text: Marsad.t(k) }))));
        for (const r of await history.json()) {
          table.append(Marsad.el("tr", { class: "revision" }, Marsad.el("td", {}, String(r.sequence)), Marsad.el("td", {}, r.at),
            Marsad.el("td", { class: "author" }, r.author), Marsad.el("td", {}, r.reason || ""), Marsad.el("td", { class: "changes", dir: "ltr" }, r.changes)));
        }
        parts.push(Marsad.el("h2", { "data-i18n": "history", text: Marsad.t("history") }), table);
      }
    }
    main.replaceChildren(...parts);
    document.body.dataset.ready = "true";
  });
})();

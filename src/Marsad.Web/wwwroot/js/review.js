// The review queue: each proposal with the passage it came from (evidence highlighted) and the warnings Core raised
// on it; accept / edit / reject, split an event into several, link it to a person, claim or allegation, and merge
// proposals. The server checks the role (Core/Access) and the version on every write; this page decides nothing.
"use strict";

(function () {
  // Events are edited in plain words (2023-07-21, July 2023, a place name, ISIS, at least 3); the server reads them.
  const editable = { event: ["date", "location", "actor1", "actor2", "fatalities", "summary"], claim: ["claimant", "statement"], person: ["name", "fate"], allegation: ["summary", "kind"] };
  const message = text => { document.getElementById("review-message").textContent = text; };

  function title(item) {
    const r = item.record;
    // A place given as a point may have no name: say where it is by its area, or its coordinates.
    const l = r.location;
    const where = l ? (l.name || l.admin2 || l.admin1 || (l.point ? `${l.point.latitude}, ${l.point.longitude}` : "")) : "";
    // Names and statements are isolated runs (<bdi>), so a Latin place or actor keeps its order in Arabic and back.
    // A date is its own run too: "2023-05-09" inside Arabic text would otherwise be drawn "09-05-2023".
    if (item.kind === "event") return [Marsad.label(r.sub_event_type), " — ", Marsad.el("bdi", { dir: "auto", class: "date" }, Marsad.dateText(r)), ...(where ? [" — ", Marsad.iso(where)] : [])];
    if (item.kind === "claim") return [Marsad.both(r.claimant), ": ", Marsad.el("bdi", { dir: "auto" }, r.statement || "")];
    if (item.kind === "person") return `${r.name} (${Marsad.name(r.status)})`;
    return r.summary;
  }

  // The fields a part of a split may set; each part starts as the proposal without its counts.
  const partFields = ["date", "location", "actor1", "actor2", "fatalities"];

  async function decide(item, action, fields, extra) {
    const body = Object.assign({ kind: item.kind, id: item.id, action, version: item.version }, extra || {});
    if (fields) body.fields = fields;
    const response = await Marsad.api("/api/review/decisions", { method: "POST", body: JSON.stringify(body) });
    // "Saved." only once the queue shows the new state, so nobody (nor a test) acts on a card about to be replaced.
    if (response.ok) { await load(); message(Marsad.t("saved")); return; }
    // A refusal carries a problem document; anything else (a proxy's page, an empty body) is named by its status.
    const problem = await response.json().catch(() => ({}));
    message(response.status === 409 ? Marsad.t("conflict") : problem.detail || String(response.status));
  }

  // The gazetteer's candidates for the name typed in a place input; picking one sends "name #N". Each is told apart
  // by its areas down to the sub-district and its point: two villages of one name often share governorate and district.
  function placeCandidates(input) {
    const pick = Marsad.el("select", { class: "place-candidates hidden", "aria-label": "place candidates" });
    input.addEventListener("change", async () => {
      const typed = input.value.trim().replace(/\s*#\d+$/, "");
      if (!typed) return;
      const response = await fetch("/api/review/places?name=" + encodeURIComponent(typed), { credentials: "same-origin" });
      const candidates = response.ok ? await response.json() : [];
      pick.replaceChildren(...candidates.map(c => Marsad.el("option", { value: `${typed} #${c.number}` }, candidateLabel(c))));
      pick.classList.toggle("hidden", candidates.length < 2);
      if (candidates.length > 0) input.value = `${typed} #1`;
    });
    pick.addEventListener("change", () => { input.value = pick.value; });
    return pick;
  }

  function candidateLabel(c) {
    const l = c.location;
    const areas = [l.admin1, l.admin2, l.admin3].filter((a, i, all) => a && all.indexOf(a) === i).join(" / ");
    const point = l.point ? ` ${l.point.latitude.toFixed(3)}, ${l.point.longitude.toFixed(3)}` : "";
    return `${c.number}. ${l.name} — ${areas}${point} (${c.kind})`;
  }

  // Opening the split carries what the coder already changed in the edit fields (a place picked, a date typed, an
  // actor added) into every part's empty input, so the fixes made before deciding to split are not typed again.
  function carryEdits(fields, parts, before) {
    fields.querySelectorAll("input[data-field]").forEach(input => {
      if (input.value === before(input.name)) return;
      parts.querySelectorAll(`input[data-part-field='${input.name}']`).forEach(p => { if (!p.value) p.value = input.value; });
    });
  }

  // Link by name: what is typed in the link box that is not an id is searched in that register (as the caller may see
  // it); one match fills in its id, several are offered to pick from. An id typed as pages print it is left alone.
  function linkSearch(kind, target) {
    const pick = Marsad.el("select", { class: "link-matches hidden", "aria-label": Marsad.t("linkId") });
    const register = { person: "persons", claim: "claims", allegation: "allegations" };
    const said = r => r.name || (r.claimant ? `${r.claimant}: ${r.statement}` : r.statement) || r.summary || r.id;
    target.addEventListener("change", async () => {
      const typed = target.value.trim();
      pick.classList.add("hidden");
      if (!typed || /^[0-9a-f][0-9a-f-]{5,}$/i.test(typed)) return;
      const response = await fetch(`/api/${register[kind.value]}/filtered?limit=8&text=${encodeURIComponent(typed)}`, { credentials: "same-origin" });
      const found = response.ok ? await response.json() : [];
      pick.replaceChildren(...found.map(r => Marsad.el("option", { value: r.id }, said(r))));
      pick.classList.toggle("hidden", found.length < 2);
      if (found.length > 0) target.value = found[0].id;
    });
    pick.addEventListener("change", () => { target.value = pick.value; });
    return pick;
  }

  function card(item) {
    const fields = Marsad.el("div", { class: "edit-fields hidden" });
    const plain = item.plain || {};
    const before = name => plain[name] !== undefined ? (plain[name] === "—" ? "" : plain[name]) : (item.record[name] ?? "");
    for (const name of editable[item.kind] || []) {
      const input = Marsad.el("input", { id: `f-${item.id}-${name}`, name, value: before(name), "data-field": name });
      const cell = Marsad.el("div", { class: "field-value" }, input);
      fields.append(Marsad.el("label", { for: `f-${item.id}-${name}`, text: Marsad.t(name) }), cell);
      if (item.kind === "event" && name === "location") {
        cell.append(placeCandidates(input));
      }
    }
    const save = Marsad.el("button", { type: "button", class: "save hidden", text: Marsad.t("save") });
    const actions = Marsad.el("div", { class: "actions" },
      Marsad.el("button", { type: "button", class: "accept", text: Marsad.t("accept") }),
      Marsad.el("button", { type: "button", class: "edit secondary", text: Marsad.t("edit") }),
      Marsad.el("button", { type: "button", class: "reject secondary", text: Marsad.t("reject") }), save);
    const extras = [];
    if (item.kind === "event") {
      // Split: one row of inputs an event; empty inputs keep the proposal's value.
      const parts = Marsad.el("div", { class: "split-parts" });
      const addPart = () => {
        const n = parts.children.length + 1;
        const row = Marsad.el("fieldset", { class: "split-part" }, Marsad.el("legend", { text: `${Marsad.t("part")} ${n}` }));
        for (const name of partFields) {
          const id = `s-${item.id}-${n}-${name}`;
          const input = Marsad.el("input", { id, name, "data-part-field": name });
          // A place part picks among the gazetteer's candidates as the edit field does; label and value stay two cells.
          row.append(Marsad.el("label", { for: id, text: Marsad.t(name) }),
            name === "location" ? Marsad.el("div", { class: "field-value" }, input, placeCandidates(input)) : input);
        }
        parts.append(row);
      };
      const splitBox = Marsad.el("div", { class: "split hidden" }, parts,
        Marsad.el("div", { class: "actions" },
          Marsad.el("button", { type: "button", class: "add-part secondary", text: Marsad.t("addPart") }),
          Marsad.el("button", { type: "button", class: "save-split", text: Marsad.t("saveSplit") })));
      addPart(); addPart();
      splitBox.querySelector(".add-part").addEventListener("click", addPart);
      splitBox.querySelector(".save-split").addEventListener("click", () => {
        const sent = [...parts.querySelectorAll(".split-part")].map(row => {
          const part = {};
          row.querySelectorAll("input").forEach(input => { if (input.value.trim()) part[input.name] = input.value.trim(); });
          return part;
        });
        decide(item, "split", null, { parts: sent });
      });
      const splitButton = Marsad.el("button", { type: "button", class: "split-open secondary", text: Marsad.t("split") });
      splitButton.addEventListener("click", () => { carryEdits(fields, parts, before); splitBox.classList.toggle("hidden"); });
      actions.append(splitButton);
      // Link: the id as any page shows it (a short id or a prefix); the server resolves it.
      const kind = Marsad.el("select", { class: "link-kind", "aria-label": Marsad.t("kind") },
        ...["person", "claim", "allegation"].map(k => Marsad.el("option", { value: k, text: Marsad.t(k) })));
      const target = Marsad.el("input", { class: "link-id", "aria-label": Marsad.t("linkId"), placeholder: Marsad.t("linkId") });
      const linkButton = Marsad.el("button", { type: "button", class: "link secondary", text: Marsad.t("link") });
      linkButton.addEventListener("click", () => {
        if (target.value.trim()) decide(item, "link", null, { links: [{ kind: kind.value, id: target.value.trim() }] });
      });
      extras.push(splitBox, Marsad.el("div", { class: "actions link-bar" }, kind, target, linkSearch(kind, target), linkButton));
      // A proposal just split, or one of its parts, offers the undo (the server said the caller may; it checks again):
      // the proposal gets its fields back and the other parts fold into it.
      if (item.split_from) {
        const undo = Marsad.el("button", { type: "button", class: "undo-split secondary", text: `${Marsad.t("undoSplit")} (${item.split_from.parts} → 1)` });
        undo.addEventListener("click", () => decide({ kind: "event", id: item.split_from.proposal }, "undo_split"));
        actions.append(undo);
      }
    }
    const head = Marsad.el("h3", {}, item.kind === "event" ? Marsad.el("a", { href: "/event.html?id=" + item.id }, title(item)) : title(item));
    const parts = [head];
    if (item.kind === "event") {
      parts.unshift(Marsad.el("input", { type: "checkbox", class: "merge-pick", value: item.id, "aria-label": "select for merge" }));
    }
    // Who acted and where, each canonical name with its Arabic one in the Arabic interface; a claim's English gloss.
    const facts = Marsad.el("p", { class: "facts" });
    if (item.kind === "event") {
      const r = item.record;
      const ar = item.names_ar || {};
      const arabicDocument = Marsad.isArabic(item.text);
      const where = Marsad.place(item.place_line, r.location, ar, arabicDocument);
      facts.append(...[[r.actor1, ar.actor1], [r.actor2, ar.actor2]].filter(a => a[0]).map(([a, arabic]) => Marsad.el("span", { class: "actor" }, Marsad.named(a, arabic, arabicDocument))),
        ...(where ? [where] : []));
    }
    if (item.kind === "claim" && item.record.gloss) facts.append(Marsad.el("span", { class: "gloss", lang: "en", dir: "ltr", text: item.record.gloss }));
    const text = Marsad.el("div", { class: "source-text" });
    if (item.text) Marsad.highlight(text, item.text, Marsad.spans(item.evidence));
    const about = [item.document_title, item.source, item.document_published].filter(Boolean)
      .flatMap((part, i) => [...(i > 0 ? [" — "] : []), Marsad.el("bdi", { dir: "auto" }, part)]);
    const warnings = (item.warnings || []).length === 0 ? [] : [Marsad.el("ul", { class: "warnings", "aria-label": Marsad.t("warnings") },
      ...item.warnings.map(w => Marsad.el("li", { "data-field": w.field, text: `⚠ ${Marsad.t(w.field)}: ${w.message}` })))];
    const node = Marsad.el("div", { class: "card review-item", "data-id": item.id, "data-kind": item.kind },
      ...parts, facts, Marsad.el("p", { class: "document" }, ...about), text, ...warnings, fields, actions, ...extras);
    actions.querySelector(".accept").addEventListener("click", () => decide(item, "accept"));
    actions.querySelector(".reject").addEventListener("click", () => decide(item, "reject"));
    actions.querySelector(".edit").addEventListener("click", () => { fields.classList.toggle("hidden"); save.classList.toggle("hidden"); });
    save.addEventListener("click", () => {
      const changed = {};
      fields.querySelectorAll("input").forEach(input => {
        if (input.value !== before(input.name)) changed[input.name] = input.value.trim() === "" ? null : input.value.trim();
      });
      decide(item, "edit", changed);
    });
    return node;
  }

  async function load() {
    const queue = document.getElementById("queue");
    const response = await fetch("/api/review", { credentials: "same-origin" });
    if (!response.ok) { queue.replaceChildren(Marsad.el("p", { class: "error", text: Marsad.t("needRole") })); return; }
    const items = await response.json();
    await Marsad.loadArabicPlaces(items.filter(i => i.kind === "event").map(i => i.record.location));
    queue.replaceChildren(...items.map(card));
    if (items.length === 0) queue.append(Marsad.el("p", { text: Marsad.t("nothing") }));
    document.body.dataset.ready = "true";
  }

  Marsad.ready.then(async () => {
    // Coders merge proposals; merging events already decided on is refused to them by the server (an editor's action).
    if (["coder", "editor", "admin"].includes(Marsad.me.role)) {
      document.getElementById("merge-bar").classList.remove("hidden");
      document.getElementById("merge").addEventListener("click", async () => {
        const picked = [...document.querySelectorAll(".merge-pick:checked")].map(c => c.value);
        if (picked.length < 2) return;
        const response = await Marsad.api("/api/review/merge", { method: "POST", body: JSON.stringify({ target: picked[0], merged: picked.slice(1) }) });
        const said = response.ok ? Marsad.t("saved") : (await response.json()).detail || String(response.status);
        await load();
        message(said);
      });
    }
    await load();
  });
})();

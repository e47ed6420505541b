// The review queue: each proposal with the passage it came from (evidence highlighted), and accept / edit /
// reject for coders, merge for editors. The server checks the role and the version on every write.
"use strict";

(function () {
  // Events are edited in plain words (2023-07-21, July 2023, a place name, ISIS, at least 3); the server reads them.
  const editable = { event: ["date", "location", "actor1", "actor2", "fatalities", "summary"], claim: ["claimant", "statement"], person: ["name", "fate"], allegation: ["summary", "kind"] };
  const message = text => { document.getElementById("review-message").textContent = text; };

  function title(item) {
    const r = item.record;
    if (item.kind === "event") return `${Marsad.name(r.sub_event_type)} — ${r.date.start}${r.location ? " — " + r.location.name : ""}`;
    if (item.kind === "claim") return `${Marsad.both(r.claimant)}: ${r.statement}`;
    if (item.kind === "person") return `${r.name} (${Marsad.name(r.status)})`;
    return r.summary;
  }

  async function decide(item, action, fields) {
    const body = { kind: item.kind, id: item.id, action, version: item.version };
    if (fields) body.fields = fields;
    const response = await Marsad.api("/api/review/decisions", { method: "POST", body: JSON.stringify(body) });
    if (response.ok) { message(Marsad.t("saved")); await load(); return; }
    message(response.status === 409 ? Marsad.t("conflict") : (await response.json()).detail || String(response.status));
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
        // The gazetteer's candidates for what was typed; picking one sends "name #N".
        const pick = Marsad.el("select", { class: "place-candidates hidden", "aria-label": "place candidates" });
        input.addEventListener("change", async () => {
          const typed = input.value.trim().replace(/\s*#\d+$/, "");
          if (!typed) return;
          const response = await fetch("/api/review/places?name=" + encodeURIComponent(typed), { credentials: "same-origin" });
          const candidates = response.ok ? await response.json() : [];
          pick.replaceChildren(...candidates.map(c => Marsad.el("option", { value: `${typed} #${c.number}` },
            `${c.number}. ${c.location.name} — ${[c.location.admin1, c.location.admin2].filter(Boolean).join(" / ")} (${c.kind})`)));
          pick.classList.toggle("hidden", candidates.length < 2);
          if (candidates.length > 0) input.value = `${typed} #1`;
        });
        pick.addEventListener("change", () => { input.value = pick.value; });
        cell.append(pick);
      }
    }
    const save = Marsad.el("button", { type: "button", class: "save hidden", text: Marsad.t("save") });
    const actions = Marsad.el("div", { class: "actions" },
      Marsad.el("button", { type: "button", class: "accept", text: Marsad.t("accept") }),
      Marsad.el("button", { type: "button", class: "edit secondary", text: Marsad.t("edit") }),
      Marsad.el("button", { type: "button", class: "reject secondary", text: Marsad.t("reject") }), save);
    const head = Marsad.el("h3", {}, item.kind === "event" ? Marsad.el("a", { href: "/event.html?id=" + item.id }, title(item)) : title(item));
    const parts = [head];
    if (item.kind === "event" && ["editor", "admin"].includes(Marsad.me.role)) {
      parts.unshift(Marsad.el("input", { type: "checkbox", class: "merge-pick", value: item.id, "aria-label": "select for merge" }));
    }
    // Who acted and where, each canonical name with its Arabic one in the Arabic interface; a claim's English gloss.
    const facts = Marsad.el("p", { class: "facts" });
    if (item.kind === "event") {
      const r = item.record;
      const where = r.location ? [r.location.name, r.location.admin2, r.location.admin1].filter(Boolean).join("، ") : "";
      facts.append(...[r.actor1, r.actor2].filter(Boolean).map(a => Marsad.el("span", { class: "actor" }, Marsad.both(a))),
        ...(where ? [Marsad.el("span", { class: "place" }, where)] : []));
    }
    if (item.kind === "claim" && item.record.gloss) facts.append(Marsad.el("span", { class: "gloss", lang: "en", dir: "ltr", text: item.record.gloss }));
    const text = Marsad.el("div", { class: "source-text" });
    if (item.text) Marsad.highlight(text, item.text, Marsad.spans(item.evidence));
    const node = Marsad.el("div", { class: "card review-item", "data-id": item.id, "data-kind": item.kind },
      ...parts, facts, Marsad.el("p", {}, (item.document_title || "") + (item.source ? " — " + item.source : "")), text, fields, actions);
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
    queue.replaceChildren(...items.map(card));
    if (items.length === 0) queue.append(Marsad.el("p", { text: Marsad.t("nothing") }));
    document.body.dataset.ready = "true";
  }

  Marsad.ready.then(async () => {
    if (["editor", "admin"].includes(Marsad.me.role)) {
      document.getElementById("merge-bar").classList.remove("hidden");
      document.getElementById("merge").addEventListener("click", async () => {
        const picked = [...document.querySelectorAll(".merge-pick:checked")].map(c => c.value);
        if (picked.length < 2) return;
        const response = await Marsad.api("/api/review/merge", { method: "POST", body: JSON.stringify({ target: picked[0], merged: picked.slice(1) }) });
        message(response.ok ? Marsad.t("saved") : (await response.json()).detail || String(response.status));
        await load();
      });
    }
    await load();
  });
})();

// The map page: OCHA boundaries as the offline base layer, the events the caller may see as clustered
// markers coloured by type, filters (sent to the API), a time slider, a monthly timeline chart, the list of events
// beside the map (sortable, paged, linked; events without a point counted and listed) and downloads of the current filter.
"use strict";

(function () {
  let map, boundaries, cluster, features = [], months = [];

  function monthOf(date) { return date.slice(0, 7); }

  function monthRange(list) {
    // Undated events ("" here) belong to no month: they are listed, never placed on the time line.
    const sorted = list.map(f => f.properties.date_start).filter(Boolean).sort();
    if (sorted.length === 0) return [];
    const out = [];
    let [y, m] = sorted[0].slice(0, 7).split("-").map(Number);
    const last = monthOf(sorted[sorted.length - 1]);
    for (;;) {
      const key = `${y}-${String(m).padStart(2, "0")}`;
      out.push(key);
      if (key >= last || out.length > 600) break;
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  async function loadBoundaries() {
    const response = await fetch("/api/boundaries?level=1");
    if (!response.ok) return;
    const geo = await response.json();
    boundaries = L.geoJSON(geo, {
      style: { color: "#546a7b", weight: 1, fillColor: "#f4f1e8", fillOpacity: 1, className: "marsad-boundary" },
      onEachFeature: (f, layer) => {
        layer.bindTooltip(Marsad.lang === "ar" && f.properties.name_ar ? f.properties.name_ar : f.properties.name_en);
      }
    }).addTo(map);
    map.fitBounds(boundaries.getBounds());
    document.getElementById("map").dataset.boundaries = String(geo.features.length);
  }

  // Events as JSON pages (those without a point too: they are counted and listed beside the map).
  async function loadEvents(params) {
    features = [];
    let refused = "";
    let cursor = null;
    for (let page = 0; page < 10; page++) {
      const query = new URLSearchParams(params);
      query.set("limit", "1000");
      if (cursor) query.set("cursor", cursor);
      const response = await fetch("/api/events?" + query.toString(), { credentials: "same-origin" });
      // A filter the server cannot read (a date it does not know) is named, not shown as an empty map.
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        refused = Object.values(problem.errors || {}).flat().join("; ") || problem.detail || String(response.status);
        break;
      }
      const body = await response.json();
      features.push(...body.items.map(item => {
        const e = item.event, point = e.location && e.location.point;
        return {
          geometry: point ? { coordinates: [point.longitude, point.latitude] } : null,
          properties: {
            id: e.id, date_start: e.date ? e.date.start : "", date_end: e.date ? e.date.end : "", date_label: Marsad.dateText(e), event_type: e.event_type, sub_event_type: e.sub_event_type,
            location: e.location ? e.location.name : "", admin1: e.location ? e.location.admin1 : "", loc: e.location, line: item.place_line, actor1: e.actor1, actor2: e.actor2, status: e.status
          }
        };
      }));
      cursor = body.next_cursor;
      if (!cursor) break;
    }
    // The Arabic interface names places and governorates in Arabic where the gazetteer has them: asked once, before drawing.
    document.getElementById("filter-message").textContent = refused;
    await Marsad.loadArabicPlaces(features.map(f => f.properties.loc));
    months = monthRange(features);
    const slider = document.getElementById("time-slider");
    slider.max = String(Math.max(0, months.length - 1));
    slider.value = slider.max;
    downloads(params);
    listPage = 0;
    draw();
    document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
  }

  function downloads(params) {
    for (const [id, format] of [["download-csv", "csv"], ["download-geojson", "geojson"], ["download-acled", "acled"]]) {
      const query = new URLSearchParams(params);
      query.set("format", format);
      if (format === "geojson") query.set("limit", "1000");
      document.getElementById(id).href = "/api/events?" + query.toString();
    }
  }

  const editor = () => ["editor", "admin"].includes(Marsad.me.role);

  // Editors publish the events ticked in the list, in one request; each event says whether it moved.
  async function publishSelected() {
    const ids = [...document.querySelectorAll(".publish-pick:checked")].map(c => c.value);
    if (ids.length === 0) return;
    const response = await Marsad.api("/api/events/status", { method: "POST", body: JSON.stringify({ ids, status: "published" }) });
    const outcomes = response.ok ? await response.json() : [];
    const failed = outcomes.filter(o => o.problem);
    document.getElementById("publish-message").textContent = response.ok
      ? `${outcomes.length - failed.length} / ${outcomes.length} ${Marsad.name("published")}` + (failed.length ? " — " + failed.map(f => f.problem).join("; ") : "")
      : String(response.status);
    await loadEvents(filters());
  }

  const pageSize = 25;
  let listPage = 0, sortKey = "date", sortDown = true;

  function sortValue(p, key) {
    return key === "date" ? p.date_start : key === "type" ? Marsad.name(p.sub_event_type) : key === "place" ? Marsad.name(p.location)
      : key === "actors" ? Marsad.name(p.actor1) : Marsad.name(p.status);
  }

  function eventLink(p) {
    return Marsad.el("a", { href: "/event.html?id=" + encodeURIComponent(p.id) + (Marsad.lang === "ar" ? "&lang=ar" : "") }, p.date_label);
  }

  function list(shown) {
    const sorted = shown.slice().sort((a, b) => {
      const x = sortValue(a.properties, sortKey) || "", y = sortValue(b.properties, sortKey) || "";
      return (x < y ? -1 : x > y ? 1 : 0) * (sortDown ? -1 : 1);
    });
    const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
    listPage = Math.min(listPage, pages - 1);
    const rows = sorted.slice(listPage * pageSize, (listPage + 1) * pageSize).map(f => {
      const p = f.properties;
      const pick = editor() && p.status !== "published" ? Marsad.el("input", { type: "checkbox", class: "publish-pick", value: p.id, "aria-label": "select to publish" }) : "";
      // Every name is an isolated run (see Marsad.iso): an English name in the Arabic page keeps its brackets in place.
      return Marsad.el("tr", { "data-id": p.id }, Marsad.el("td", {}, pick, eventLink(p)), Marsad.el("td", { class: "event-type" }, Marsad.label(p.sub_event_type)),
        Marsad.el("td", { class: "event-place" }, Marsad.place(p.line, p.loc, null, false)),
        Marsad.el("td", { class: "event-actors" }, Marsad.namedList([[p.actor1], [p.actor2]], false)), Marsad.el("td", {}, Marsad.label(p.status)));
    });
    document.getElementById("event-rows").replaceChildren(...rows);
    document.getElementById("event-list").dataset.rows = String(sorted.length);
    document.getElementById("page-label").textContent = `${Marsad.t("page")} ${listPage + 1} / ${pages}`;
    const withoutPoint = shown.filter(f => !f.geometry);
    document.getElementById("no-point-count").textContent = String(withoutPoint.length);
    document.getElementById("no-point-list").replaceChildren(...withoutPoint.map(f =>
      Marsad.el("li", {}, eventLink(f.properties), " ", Marsad.label(f.properties.sub_event_type), " — ", Marsad.place(f.properties.line, f.properties.loc, null, false))));
  }

  function draw() {
    const slider = document.getElementById("time-slider");
    const until = months[Number(slider.value)] || "9999-12";
    document.getElementById("time-label").textContent = months.length ? until : "";
    const listed = features.filter(f => monthOf(f.properties.date_start) <= until);
    const shown = listed.filter(f => f.geometry);
    cluster.clearLayers();
    list(listed);
    shown.forEach(f => {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const marker = L.circleMarker([lat, lon], {
        radius: 7, weight: 1, color: "#fff", fillOpacity: 0.9,
        fillColor: Marsad.typeColours[p.event_type] || "#333",
        // The id in a class too (an SVG path takes no other attribute from Leaflet), so a test can find and click one event's marker.
        className: "marsad-event marsad-event-" + p.id
      });
      const link = Marsad.el("a", { href: "/event.html?id=" + encodeURIComponent(p.id) + (Marsad.lang === "ar" ? "&lang=ar" : "") },
        Marsad.label(p.sub_event_type), " — ", Marsad.el("bdi", { dir: "auto", class: "date" }, p.date_label));
      const place = Marsad.el("div", { class: "popup-place" }, popupPlace(p, p.line, null));
      const actors = Marsad.el("div", { class: "popup-actors" }, popupActors(p, null));
      const body = Marsad.el("div", {}, link, place, actors);
      marker.bindPopup(body);
      // The Arabic names (the place as an Arabic report wrote it) come with the event's page data, asked for once, on opening.
      marker.on("popupopen", async () => {
        if (body.dataset.named) return;
        body.dataset.named = "true";
        const response = await fetch("/api/events/" + encodeURIComponent(p.id), { credentials: "same-origin" });
        const detail = response.ok ? await response.json() : null;
        const ar = detail && detail.names_ar;
        if (!ar) return;
        place.replaceChildren(popupPlace(p, detail.place_line, ar));
        actors.replaceChildren(popupActors(p, ar));
      });
      marker.feature = f;
      cluster.addLayer(marker);
    });
    const mapDiv = document.getElementById("map");
    mapDiv.dataset.events = String(shown.length);
    mapDiv.dataset.types = [...new Set(shown.map(f => f.properties.event_type))].sort().join("|");
    document.getElementById("event-count").textContent = String(shown.length);
    timeline(features);
  }

  // A popup's place and actors: the same place line and names as the list and the review card (Marsad.place, Marsad.named),
  // with the Arabic report's own words beside once the event's names_ar are known.
  function popupPlace(p, line, ar) {
    return Marsad.place(line, p.loc, ar, Boolean(ar && ar.location));
  }

  function popupActors(p, ar) {
    return Marsad.namedList([[p.actor1, ar && ar.actor1], [p.actor2, ar && ar.actor2]], Boolean(ar && ar.location));
  }

  function timeline(list) {
    const svg = document.getElementById("timeline");
    svg.replaceChildren();
    if (months.length === 0) return;
    const counts = months.map(m => list.filter(f => monthOf(f.properties.date_start) === m).length);
    const max = Math.max(1, ...counts);
    const width = svg.clientWidth || 800, height = 160, pad = 20;
    const bar = (width - 2 * pad) / months.length;
    const ns = "http://www.w3.org/2000/svg";
    months.forEach((m, i) => {
      const h = (height - 2 * pad) * counts[i] / max;
      const rect = document.createElementNS(ns, "rect");
      rect.setAttribute("x", String(pad + i * bar + 1));
      rect.setAttribute("y", String(height - pad - h));
      rect.setAttribute("width", String(Math.max(1, bar - 2)));
      rect.setAttribute("height", String(h));
      rect.setAttribute("fill", "#0b6e4f");
      rect.setAttribute("class", "timeline-bar");
      const title = document.createElementNS(ns, "title");
      title.textContent = `${m}: ${counts[i]}`;
      rect.append(title);
      svg.append(rect);
      if (months.length <= 24 || i % Math.ceil(months.length / 24) === 0) {
        const label = document.createElementNS(ns, "text");
        label.setAttribute("x", String(pad + i * bar + bar / 2));
        label.setAttribute("y", String(height - 5));
        label.setAttribute("text-anchor", "middle");
        label.textContent = m;
        svg.append(label);
      }
    });
  }

  function legend() {
    const div = document.getElementById("legend");
    div.replaceChildren(...Object.entries(Marsad.typeColours).map(([type, colour]) => {
      const swatch = Marsad.el("span", { class: "swatch" });
      swatch.style.background = colour;
      return Marsad.el("span", { class: "legend-type" }, swatch, Marsad.name(type));
    }), Marsad.el("span", {}, Marsad.el("span", { class: "swatch cluster-swatch" }), Marsad.t("cluster")));
  }

  function filters() {
    const form = document.getElementById("filters");
    const params = {};
    new FormData(form).forEach((v, k) => { if (String(v).trim()) params[k] = String(v).trim(); });
    return params;
  }

  Marsad.ready.then(async () => {
    document.getElementById("view-note").textContent = Marsad.me.role === "public" ? Marsad.t("publicView") + " —" : "";
    map = L.map("map", { minZoom: 5, maxZoom: 14, attributionControl: true, zoomSnap: 0.25 }).setView([35, 38.5], 6);
    map.attributionControl.addAttribution("Boundaries: OCHA (CC BY-IGO)");
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 40,
      iconCreateFunction: c => L.divIcon({ html: String(c.getChildCount()), className: "marsad-cluster", iconSize: L.point(34, 34) })
    });
    map.addLayer(cluster);
    legend();
    document.querySelectorAll("#filter-type option").forEach(o => { if (o.value) o.textContent = Marsad.name(o.value); });
    await loadBoundaries();
    document.getElementById("filters").addEventListener("submit", e => { e.preventDefault(); loadEvents(filters()); });
    document.getElementById("filter-type").addEventListener("change", () => loadEvents(filters()));
    document.getElementById("time-slider").addEventListener("input", draw);
    document.querySelectorAll("#event-list th[data-sort]").forEach(th => th.addEventListener("click", () => {
      sortDown = sortKey === th.dataset.sort ? !sortDown : th.dataset.sort === "date";
      sortKey = th.dataset.sort;
      draw();
    }));
    if (editor()) {
      document.getElementById("publish-bar").classList.remove("hidden");
      document.getElementById("publish").addEventListener("click", publishSelected);
    }
    document.getElementById("page-prev").addEventListener("click", () => { listPage = Math.max(0, listPage - 1); draw(); });
    document.getElementById("page-next").addEventListener("click", () => { listPage += 1; draw(); });
    await loadEvents(filters());
    document.body.dataset.ready = "true";
  });
})();

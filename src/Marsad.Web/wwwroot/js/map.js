// The map page: OCHA boundaries as the offline base layer, the events the caller may see as clustered
// markers coloured by type, filters (sent to the API), a time slider and a monthly timeline chart.
"use strict";

(function () {
  let map, boundaries, cluster, features = [], months = [];

  function monthOf(date) { return date.slice(0, 7); }

  function monthRange(list) {
    if (list.length === 0) return [];
    const sorted = list.map(f => f.properties.date_start).sort();
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
      onEachFeature: (f, layer) => layer.bindTooltip(Marsad.lang === "ar" && f.properties.name_ar ? f.properties.name_ar : f.properties.name_en)
    }).addTo(map);
    map.fitBounds(boundaries.getBounds());
    document.getElementById("map").dataset.boundaries = String(geo.features.length);
  }

  async function loadEvents(params) {
    features = [];
    let cursor = null;
    for (let page = 0; page < 10; page++) {
      const query = new URLSearchParams(params);
      query.set("format", "geojson");
      query.set("limit", "1000");
      if (cursor) query.set("cursor", cursor);
      const response = await fetch("/api/events?" + query.toString(), { credentials: "same-origin" });
      if (!response.ok) break;
      features.push(...(await response.json()).features);
      cursor = response.headers.get("X-Next-Cursor");
      if (!cursor) break;
    }
    months = monthRange(features);
    const slider = document.getElementById("time-slider");
    slider.max = String(Math.max(0, months.length - 1));
    slider.value = slider.max;
    draw();
    document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
  }

  function draw() {
    const slider = document.getElementById("time-slider");
    const until = months[Number(slider.value)] || "9999-12";
    document.getElementById("time-label").textContent = months.length ? until : "";
    const shown = features.filter(f => monthOf(f.properties.date_start) <= until);
    cluster.clearLayers();
    shown.forEach(f => {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const marker = L.circleMarker([lat, lon], {
        radius: 7, weight: 1, color: "#fff", fillOpacity: 0.9,
        fillColor: Marsad.typeColours[p.event_type] || "#333", className: "marsad-event"
      });
      const link = Marsad.el("a", { href: "/event.html?id=" + encodeURIComponent(p.id) }, p.sub_event_type + " — " + p.date_start);
      const body = Marsad.el("div", {}, link, Marsad.el("div", {}, p.location || ""), Marsad.el("div", {}, [p.actor1, p.actor2].filter(Boolean).join(" / ")));
      marker.bindPopup(body);
      marker.feature = f;
      cluster.addLayer(marker);
    });
    const mapDiv = document.getElementById("map");
    mapDiv.dataset.events = String(shown.length);
    mapDiv.dataset.types = [...new Set(shown.map(f => f.properties.event_type))].sort().join("|");
    document.getElementById("event-count").textContent = String(shown.length);
    timeline(features);
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
      return Marsad.el("span", {}, swatch, type);
    }));
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
    await loadBoundaries();
    document.getElementById("filters").addEventListener("submit", e => { e.preventDefault(); loadEvents(filters()); });
    document.getElementById("filter-type").addEventListener("change", () => loadEvents(filters()));
    document.getElementById("time-slider").addEventListener("input", draw);
    await loadEvents(filters());
    document.body.dataset.ready = "true";
  });
})();

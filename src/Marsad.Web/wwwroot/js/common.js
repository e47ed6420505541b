// Shared by every page: the interface language (English or Arabic, right-to-left), the navigation bar,
// and calls to the JSON API (with the anti-forgery token on writes made by the sign-in cookie).
"use strict";

const MARSAD_TEXT = {
  en: {
    title: "Marsad", map: "Map", persons: "Persons", claims: "Claims", allegations: "Allegations", review: "Review queue",
    signin: "Sign in", signout: "Sign out", language: "Language", type: "Event type", anyType: "All types", from: "From", to: "To",
    admin1: "Governorate", search: "Search text", apply: "Apply", until: "Events up to", events: "events", timeline: "Events per month",
    name: "Name", password: "Password", signinFailed: "Name or password is wrong.", tooMany: "Too many attempts; wait a minute.",
    readOnlyServer: "This server shows a read-only copy of the record: sign in on your team's own server.",
    accept: "Accept", reject: "Reject", edit: "Edit", save: "Save", merge: "Merge selected into the first", history: "History (audit chain)",
    sources: "Sources", documents: "Documents", evidence: "Evidence", status: "Status", grade: "Grade", date: "Date", place: "Place",
    actors: "Actors", summary: "Summary", fatalities: "Fatalities", nothing: "Nothing to show.", undated: "undated", needRole: "Sign in as a coder or editor to review.",
    saved: "Saved.", conflict: "Someone saved this record first; reload.", statement: "Statement", claimant: "Claimant", verdict: "Verdict",
    groupSize: "Group size", kind: "Kind", signedInAs: "Signed in as", publicView: "Public view: published events only",
    actor1: "Actor 1", actor2: "Actor 2", author: "Author", reason: "Reason", changes: "Changes",
    list: "Events", download: "Download", noPoint: "events without a point on the map", previous: "Previous", next: "Next",
    page: "Page", publish: "Publish selected", cluster: "Several events", location: "Place",
    split: "Split", saveSplit: "Save the split", addPart: "Add an event", part: "Event", link: "Link",
    linkId: "Id of the person, claim or allegation", person: "Person", claim: "Claim", allegation: "Allegation", warnings: "Check",
    filter: "Filter", text: "Text", undoSplit: "Undo the split"
  },
  ar: {
    title: "مرصد", map: "الخريطة", persons: "الأشخاص", claims: "الادعاءات", allegations: "الانتهاكات المزعومة", review: "قائمة المراجعة",
    signin: "تسجيل الدخول", signout: "تسجيل الخروج", language: "اللغة", type: "نوع الحدث", anyType: "كل الأنواع", from: "من", to: "إلى",
    admin1: "المحافظة", search: "بحث في النص", apply: "تطبيق", until: "الأحداث حتى", events: "أحداث", timeline: "الأحداث في كل شهر",
    name: "الاسم", password: "كلمة المرور", signinFailed: "الاسم أو كلمة المرور غير صحيحة.", tooMany: "محاولات كثيرة؛ انتظر دقيقة.",
    readOnlyServer: "هذا الخادم يعرض نسخة للقراءة فقط من السجل: سجّل الدخول على خادم فريقك.",
    accept: "قبول", reject: "رفض", edit: "تعديل", save: "حفظ", merge: "دمج المحدد في الأول", history: "السجل (سلسلة التدقيق)",
    sources: "المصادر", documents: "الوثائق", evidence: "الدليل", status: "الحالة", grade: "الدرجة", date: "التاريخ", place: "المكان",
    actors: "الأطراف", summary: "الملخص", fatalities: "القتلى", nothing: "لا شيء للعرض.", undated: "بلا تاريخ", needRole: "سجّل الدخول كمرمّز أو محرر للمراجعة.",
    saved: "تم الحفظ.", conflict: "حفظ شخص آخر هذا السجل أولاً؛ أعد التحميل.", statement: "النص", claimant: "صاحب الادعاء", verdict: "الحكم",
    groupSize: "عدد المجموعة", kind: "النوع", signedInAs: "مسجّل باسم", publicView: "العرض العام: الأحداث المنشورة فقط",
    actor1: "الطرف الأول", actor2: "الطرف الثاني", author: "الكاتب", reason: "السبب", changes: "التغييرات",
    list: "الأحداث", download: "تنزيل", noPoint: "أحداث بلا نقطة على الخريطة", previous: "السابق", next: "التالي",
    page: "صفحة", publish: "نشر المحدد", cluster: "عدة أحداث", location: "المكان",
    split: "تقسيم", saveSplit: "حفظ التقسيم", addPart: "إضافة حدث", part: "الحدث", link: "ربط",
    linkId: "معرّف الشخص أو الادعاء أو الاتهام", person: "شخص", claim: "ادعاء", allegation: "اتهام", warnings: "للتحقق",
    filter: "تصفية", text: "نص", undoSplit: "التراجع عن التقسيم"
  }
};

const Marsad = {
  // ?lang=ar in the address wins (links can be shared in a language), then the visitor's last choice.
  lang: (new URLSearchParams(location.search).get("lang") || localStorage.getItem("marsad.lang")) === "ar" ? "ar" : "en",
  me: { name: null, role: "public" },

  t(key) { return (MARSAD_TEXT[Marsad.lang] || MARSAD_TEXT.en)[key] || MARSAD_TEXT.en[key] || key; },

  applyLanguage() {
    document.documentElement.lang = Marsad.lang;
    document.documentElement.dir = Marsad.lang === "ar" ? "rtl" : "ltr";
    document.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = Marsad.t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(el => { el.placeholder = Marsad.t(el.dataset.i18nPlaceholder); });
    document.title = Marsad.t("title");
  },

  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined) return;
      if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  },

  // An event's date as people read it: a day, a span, or "undated: <the text's words>" when the document gave no
  // date to resolve them (the event JSON then has date: null and date_text), never a made-up day.
  dateText(e) {
    if (!e.date) return e.date_text ? Marsad.t("undated") + ": " + e.date_text : Marsad.t("undated");
    return e.date.start === e.date.end ? e.date.start : e.date.start + " – " + e.date.end;
  },

  async api(path, options) {
    const init = Object.assign({ credentials: "same-origin", headers: {} }, options || {});
    if (init.method && init.method !== "GET") {
      const token = await (await fetch("/api/account/antiforgery", { credentials: "same-origin" })).json();
      init.headers["X-CSRF-TOKEN"] = token.token;
      init.headers["Content-Type"] = "application/json";
    }
    return fetch(path, init);
  },

  async nav() {
    try { Marsad.me = await (await fetch("/api/account/me", { credentials: "same-origin" })).json(); } catch { /* stays public */ }
    const nav = document.getElementById("nav");
    if (!nav) return;
    const link = (href, key) => Marsad.el("a", { href, "data-i18n": key, text: Marsad.t(key) });
    const select = Marsad.el("select", { id: "lang", "aria-label": "language" },
      Marsad.el("option", { value: "en", text: "English" }), Marsad.el("option", { value: "ar", text: "العربية" }));
    select.value = Marsad.lang;
    select.addEventListener("change", () => { localStorage.setItem("marsad.lang", select.value); location.reload(); });
    const items = [link("/", "map"), link("/records.html?kind=persons", "persons"), link("/records.html?kind=claims", "claims"),
      link("/records.html?kind=allegations", "allegations")];
    if (["coder", "editor", "admin"].includes(Marsad.me.role)) items.push(link("/review.html", "review"));
    const who = Marsad.me.name
      ? [Marsad.el("span", { class: "who", id: "who" }, Marsad.t("signedInAs") + " " + Marsad.me.name + " (" + Marsad.me.role + ")"), Marsad.el("button", { id: "signout", type: "button", text: Marsad.t("signout") })]
      : [link("/signin.html", "signin")];
    nav.replaceChildren(Marsad.el("strong", { class: "brand", text: Marsad.t("title") }), ...items, ...who, select);
    const out = document.getElementById("signout");
    if (out) out.addEventListener("click", async () => { await Marsad.api("/api/account/signout", { method: "POST", body: "{}" }); location.href = "/"; });
  },

  // Writes the text with the evidence spans marked: [{start, end, field}] in character offsets.
  highlight(container, text, spans) {
    // The text runs in its own direction whatever the interface's: an Arabic report right-to-left, an English one left-to-right.
    const rtl = Marsad.isArabic(text);
    container.dir = rtl ? "rtl" : "ltr";
    container.lang = rtl ? "ar" : "en";
    const sorted = (spans || []).filter(s => s.end > s.start).sort((a, b) => a.start - b.start);
    let at = 0;
    for (const span of sorted) {
      if (span.start < at) continue;
      container.append(text.slice(at, span.start));
      container.append(Marsad.el("mark", { class: "evidence", "data-field": span.field, title: span.field, text: text.slice(span.start, span.end) }));
      at = span.end;
    }
    container.append(text.slice(at));
  },

  // True when most letters of the text are Arabic.
  isArabic(text) {
    const sample = String(text || "").slice(0, 4000);
    const arabic = (sample.match(/[\u0600-\u06FF]/g) || []).length;
    const latin = (sample.match(/[A-Za-z]/g) || []).length;
    return arabic > latin;
  },

  spans(evidence) {
    return Object.entries(evidence || {}).map(([field, s]) => ({ field, start: s[0], end: s[1] }));
  },

  // ACLED's labels in Arabic, as Arabic-language monitors write them; English stays the stored value.
  arabic: {
    "Battles": "معارك", "Explosions/Remote violence": "انفجارات/عنف عن بعد", "Violence against civilians": "عنف ضد المدنيين",
    "Protests": "احتجاجات", "Riots": "أعمال شغب", "Strategic developments": "تطورات استراتيجية",
    "Armed clash": "اشتباك مسلح", "Air/drone strike": "غارة جوية/بطائرة مسيّرة", "Shelling/artillery/missile attack": "قصف مدفعي/صاروخي",
    "Remote explosive/landmine/IED": "عبوة ناسفة/لغم", "Attack": "هجوم", "Abduction/forced disappearance": "اختطاف/إخفاء قسري",
    "Arrests": "اعتقالات", "Change to group/activity": "تغيير في نشاط جماعة", "Other": "أخرى", "Suicide bomb": "تفجير انتحاري",
    "Government regains territory": "استعادة الحكومة لأراضٍ", "Non-state actor overtakes territory": "سيطرة جهة غير حكومية على أراضٍ",
    "Looting/property destruction": "نهب/تدمير ممتلكات", "Disrupted weapons use": "إحباط استخدام سلاح", "Grenade": "قنبلة يدوية",
    "Sexual violence": "عنف جنسي", "Peaceful protest": "احتجاج سلمي", "Violent demonstration": "مظاهرة عنيفة", "Mob violence": "عنف جماعي",
    "Agreement": "اتفاق", "Headquarters or base established": "إنشاء مقر أو قاعدة", "Non-violent transfer of territory": "انتقال سلمي لأراضٍ",
    "Protest with intervention": "احتجاج مع تدخل", "Excessive force against protesters": "قوة مفرطة ضد المحتجين", "Chemical weapon": "سلاح كيميائي",
    "extracted": "مقترح", "reviewed": "تمت مراجعته", "verified": "تم التحقق منه", "published": "منشور", "rejected": "مرفوض",
    "confirmed": "مؤكد", "fair": "مقبول", "weak": "ضعيف", "contested": "متنازع عليه", "discounted": "مستبعد",
    "Islamic State (Syria)": "تنظيم الدولة الإسلامية", "QSD: Syrian Democratic Forces": "قوات سوريا الديمقراطية",
    "Military Forces of Syria (2000-)": "قوات النظام السوري", "Military Forces of Turkey (2016-)": "القوات التركية",
    "Military Forces of Russia (2000-)": "القوات الروسية", "Global Coalition Against Daesh": "التحالف الدولي ضد داعش",
    "Civilians (Syria)": "مدنيون", "Unidentified Armed Group (Syria)": "مجموعة مسلحة مجهولة", "JWS: Syrian National Army": "الجيش الوطني السوري",
    "Militia (Pro-Iran)": "ميليشيات موالية لإيران", "Opposition Rebels (Syria)": "فصائل المعارضة",
    "Military Forces of Israel (1948-)": "القوات الإسرائيلية", "Military Forces of Israel (2009-2021)": "القوات الإسرائيلية",
    "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps": "الحرس الثوري الإيراني", "Militia (Pro-Government)": "المسلحون الموالون للنظام",
    "Islamist Militia (Syria)": "الفصائل الإسلامية", "HTS: Hayat Tahrir al Sham": "هيئة تحرير الشام", "YPG: Peoples Protection Units": "وحدات حماية الشعب",
    "Military Forces of Syria (2000-) Military Intelligence": "المخابرات العسكرية", "Police Forces of Syria (2000-) State Security": "أمن الدولة",
    "Protesters (Syria)": "محتجون", "Rioters (Syria)": "مثيرو شغب", "Al Fath Al Mubeen Operation Room": "غرفة عمليات الفتح المبين",
    "detained": "معتقل", "abducted": "مختطف", "missing": "مفقود", "killed": "قتيل", "injured": "جريح", "released": "مفرج عنه", "confirmed_dead": "تأكدت وفاته",
    "unverified": "غير مؤكد", "true": "صحيح", "false": "كاذب", "misleading": "مضلل"
  },

  // A canonical (stored) name as its own left-to-right run: <bdi> isolates it, so "Military Forces of Syria (2000-)"
  // keeps its brackets and word order inside right-to-left text (and an Arabic name inside English text likewise).
  iso(value, lang) {
    lang = lang || (Marsad.isArabic(value) ? "ar" : "en");
    return Marsad.el("bdi", { dir: lang === "ar" ? "rtl" : "ltr", lang, class: lang === "ar" ? "name-ar" : "canonical" }, value);
  },

  // An actor or place with its Arabic name beside the canonical one: in the Arabic interface the Arabic name first
  // (the server's, else the labels below), in the English one after the canonical name when the document was Arabic
  // (the caller passes it). Each name is isolated (Marsad.iso) and the name in brackets carries its brackets inside a
  // run of its own direction (Marsad.bracketed).
  named(value, arabic, arabicDocument) {
    if (!value) return arabic ? Marsad.iso(arabic, "ar") : "";
    const ar = arabic || (Marsad.lang === "ar" ? Marsad.arabic[value] : null);
    if (!ar || ar === value || (Marsad.lang !== "ar" && !arabicDocument)) return Marsad.iso(value);
    return Marsad.lang === "ar"
      ? Marsad.el("span", { class: "named" }, Marsad.iso(ar, "ar"), " ", Marsad.bracketed(Marsad.iso(value)))
      : Marsad.el("span", { class: "named" }, Marsad.iso(value), " ", Marsad.bracketed(Marsad.iso(ar, "ar")));
  },

  // A name in brackets with the brackets inside one isolate of the name's direction. Left between two isolates the
  // brackets took the page's direction: in a narrow right-to-left column that wraps a Latin name, "(" was drawn at
  // the far end of its line ("Military)") and the name's own "(2000-)" lost its pair. Inside the run they stay with the
  // name, and a line can break neither after "(" nor before ")", so a bracket never starts or ends a line alone.
  // A hyphenated name may still break after its hyphen ("(Al-" / "Hasakeh)"), its brackets in place: keeping short
  // names whole (white-space: nowrap) pushed the table out of a narrow column and hid its far side.
  bracketed(run) {
    return Marsad.el("bdi", { dir: run.dir || "auto", class: "bracketed" }, "(", run, ")");
  },

  // The gazetteer's Arabic names (Core's ArabicPlaceNames) of the places and areas a page shows, asked for once per
  // name and kept for the page; only in the Arabic interface, where Marsad.place shows them. A name the gazetteer
  // lacks is remembered as missing, so it is not asked for again.
  arabicPlaces: { places: {}, areas: {} },

  async loadArabicPlaces(locations) {
    if (Marsad.lang !== "ar") return;
    const known = Marsad.arabicPlaces;
    const places = new Set(), areas = new Set();
    for (const l of locations || []) {
      if (!l) continue;
      if (l.place_id && !(l.place_id in known.places)) places.add(l.place_id);
      for (const a of [l.admin2, l.admin1]) if (a && !(a in known.areas)) areas.add(a);
    }
    const ask = async (placeIds, areaNames) => {
      const query = new URLSearchParams();
      placeIds.forEach(id => query.append("place", id));
      areaNames.forEach(a => query.append("area", a));
      const response = await fetch("/api/places/arabic?" + query.toString());
      const found = response.ok ? await response.json() : { places: {}, areas: {} };
      placeIds.forEach(id => { known.places[id] = found.places[id] || null; });
      areaNames.forEach(a => { known.areas[a] = found.areas[a] || null; });
    };
    // In slices, so a long list stays within the server's limit and a sane address length.
    const ids = [...places], names = [...areas];
    for (let i = 0; i < Math.max(ids.length, names.length); i += 200) await ask(ids.slice(i, i + 200), names.slice(i, i + 200));
  },

  // A location's place line as the server sends it (`line`, the event's place_line: Core's PlaceLine is the one rule
  // for which names it holds), each name an isolated run with its Arabic name beside as for actors (Marsad.named): the
  // place as an Arabic report wrote it (`ar`, the server's names_ar) or else the gazetteer's Arabic name, and the areas'
  // OCHA Arabic names (the gazetteer's, loaded by Marsad.loadArabicPlaces). "" when there is none.
  place(line, location, ar, arabicDocument) {
    if (!location || !line || line.length === 0) return "";
    ar = ar || {};
    const known = Marsad.arabicPlaces;
    // The line leads with the place's own name when it has one; otherwise it is all areas.
    const named = Boolean(ar.place_canonical || location.name);
    const parts = line.map((name, i) =>
      i === 0 && named ? Marsad.named(name, ar.location || known.places[location.place_id], arabicDocument) : Marsad.named(name, known.areas[name], arabicDocument));
    const span = Marsad.el("span", { class: "place" });
    parts.forEach((p, i) => span.append(...(i ? [Marsad.lang === "ar" ? "، " : ", ", p] : [p])));
    return span;
  },

  // Names of one kind joined by " / " (the actors of an event), each an isolated run with its Arabic name beside.
  namedList(pairs, arabicDocument) {
    const span = Marsad.el("span", { class: "names" });
    pairs.filter(([value]) => value).forEach(([value, arabic], i) => span.append(...(i ? [" / "] : []), Marsad.named(value, arabic, arabicDocument)));
    return span;
  },

  // A label (type, status) in the page's language, isolated: an English label left in Arabic text keeps its order.
  label(value) { return value ? Marsad.iso(Marsad.name(value)) : ""; },

  // In Arabic, an actor or label with its Arabic name first and the canonical name beside it, isolated.
  both(value) { return Marsad.named(value, null, false); },

  // A label in the page's language when Arabic is known for it; otherwise as stored.
  name(value) { return value && Marsad.lang === "ar" && Marsad.arabic[value] ? Marsad.arabic[value] : (value || ""); },

  typeColours: {
    "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d"
  }
};

// Page scripts wait for this: the language is applied and the caller's role is known.
Marsad.ready = new Promise(resolve => document.addEventListener("DOMContentLoaded", async () => {
  Marsad.applyLanguage();
  await Marsad.nav();
  Marsad.applyLanguage();
  resolve();
}));

using System.Collections.Immutable;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Extraction.Recognition.Actors;
using Marsad.Extraction.Recognition.Dates;
using Marsad.Extraction.Recognition.Places;
using Marsad.Extraction.Recognition.Quantities;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// Groups sentences into incidents and builds one event per incident. A dispatch (one paragraph) is one incident;
/// in a longer report each paragraph with triggers is one, and a following paragraph that only continues it
/// ("the first batch entered on ...") is merged in. Headings, commentary, denied claims and allegations yield no events.
/// </summary>
internal static class EventAssembler
{
    private const string UnidentifiedGroup = "Unidentified Armed Group (Syria)";
    private static readonly WordSet MassacreWords = new("massacre", "massacres");
    private static readonly WordSet JointWords = new("joint", "jointly");

    public static List<ConflictEvent> Assemble(DocumentFacts doc, DateSpan reportPeriod, Func<string, int, Guid> ids)
    {
        var drafts = new List<EventDraft>();
        foreach (var p in doc.Paragraphs)
        {
            doc.Budget.Spend(p.SentenceCount + 1L, "grouping sentences into events");
            // An item of a breakdown ("• Two airstrikes on X") is not ended like a sentence, yet it is no heading.
            if (p.IsHeading && !doc.IsListItem(p))
            {
                continue;
            }

            var sentences = doc.In(p).Where(s => s.Triggers.Count > 0 && !s.Stance.Denial && !s.Stance.Commentary && !IsAllegation(doc, s)
                                                 && !doc.IsNotEvent(s)).ToList();
            if (!doc.IsDispatch)
            {
                // In a report, a sentence that only names a claim ("as regime media claimed") keeps its events; one that reports it does not.
                sentences.RemoveAll(s => s.Stance.ReportsClaim && s.Triggers.All(t => t.Value.Class == TriggerClass.Violence));
            }

            if (sentences.Count == 0)
            {
                continue;
            }

            var previous = drafts.Count > 0 ? drafts[^1] : null;

            // An item of a breakdown that names its own place ("• three airstrikes on X") is an incident of its own: ACLED's unit
            // is a place and a day. It shares the actors and the day of the paragraph that opened the list.
            if (!doc.IsDispatch && doc.IsListItem(p) && sentences.Any(s => s.Places.Count > 0))
            {
                var lede = previous is null ? null : previous.Lede ?? previous;
                // Counted from the item before it, not from the lede: a long breakdown under sub-headings keeps its lede.
                if (lede is not null && p.Index - previous!.LastParagraph.Index > MaxItemDistance)
                {
                    lede = null;
                }

                if (lede is not null)
                {
                    lede.HasItems = true;
                }

                var itemDraft = new EventDraft(p, doc.View) { Lede = lede };
                itemDraft.Add(sentences);
                drafts.Add(itemDraft);
                continue;
            }

            if (previous is not null && ContinuesPrevious(doc, previous, p, sentences))
            {
                previous.Add(sentences);
                previous.LastParagraph = p;
                continue;
            }

            if (doc.IsDispatch && drafts.Count == 1)
            {
                drafts[0].Add(sentences);
                continue;
            }

            var draft = new EventDraft(p, doc.View);
            // An overflight sentence stays in the incident's text: it gives no trigger or target, but its day ("Yesterday, drones
            // flew over ...; meanwhile regime forces shelled X") may be the incident's.
            draft.Add(doc.In(p).Where(s => !s.Stance.Denial && !s.Stance.Commentary
                                           && !(doc.NotEventSentences.TryGetValue(s.Sentence.Index, out var why) && why != NotEvents.OverflightReason)));

            // A report's lede sums up what follows ("carrying out raids, arrests and operations in several areas"), and a
            // retrospective sums up years ("has carried out scores of operations"): with no count, day or place of its own
            // it is not an incident. A vague amount ("scores of", "dozens of") counts nothing, nor does a month named in passing
            // ("announced the end of the caliphate in March 2019"): an incident has its day.
            if (!doc.IsDispatch && !draft.Sentences.Any(s => s.Quantities.Any(q => !IsVague(doc.View, q)) || s.Places.Count > 0 || s.Dates.Any(OwnDay)))
            {
                continue;
            }

            drafts.Add(draft);
        }

        var events = new List<ConflictEvent>(drafts.Count);
        var index = new Dictionary<(AcledSubEventType, string?, string), List<int>>();
        var ledes = new Dictionary<EventDraft, ConflictEvent>();
        string? lastActor = null;
        var read = 0; // doc.Sentences before this one have been scanned for the last party named
        foreach (var d in drafts)
        {
            doc.Budget.Spend(d.Sentences.Count + 1L, "building events");
            for (; read < doc.Sentences.Count && doc.Sentences[read].Sentence.Start < d.Sentences[0].Sentence.Start; read++)
            {
                lastActor = LastNamed(doc.Sentences[read]) ?? lastActor;
            }

            if (Build(doc, d, reportPeriod, ids(nameof(ConflictEvent), events.Count)) is not { } e)
            {
                continue;
            }

            if (d.Lede is not null && ledes.TryGetValue(d.Lede, out var opened))
            {
                e = FromLede(e, opened);
            }
            else if (!doc.IsDispatch && e.Actor1 is null && lastActor is not null && lastActor != e.Actor2 && StartsWithAnaphor(doc.View, d))
            {
                // "The forces also shelled ...": the subject refers back to the last party the report named as acting.
                e = e with { Actor1 = lastActor };
            }

            if (!doc.IsDispatch && e.Aggregate is null && VictimOfListedDeath(doc, d, e) is { } victims)
            {
                e = victims;
            }

            if (e.Actor1 is null && e.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack)
            {
                // Shelling by someone neither the sentence nor its context names ("the forces also shelled positions of
                // the regime", "artillery hit X"): ACLED codes the unnamed perpetrator as an unidentified armed group.
                // Air strikes are left alone: an unnamed air force is not an armed group.
                e = e with { Actor1 = UnidentifiedGroup };
            }

            if (d.HasItems)
            {
                ledes[d] = e;

                // "The airstrikes were distributed as follows:": a lede that announces its breakdown is summed up by its items.
                if (EndsWithColon(doc, d))
                {
                    continue;
                }
            }

            var targets = doc.IsDispatch || e.Aggregate is not null ? [] : PlaceList.Targets(doc.View, d.Sentences);
            if (targets.Count < 2)
            {
                AddOrMerge(doc.Budget, events, index, e);
                continue;
            }

            doc.Budget.Spend(targets.Count, "splitting events by place");
            var split = PlaceList.Split(targets, d.Sentences);
            for (var k = 0; k < targets.Count; k++)
            {
                AddOrMerge(doc.Budget, events, index, AtPlace(doc, e, targets[k], split[k].Sentence, split[k].Counts, ids(nameof(ConflictEvent), events.Count)));
            }
        }

        return events;
    }

    private static bool HasAirDefences(TokenView view, SentenceFacts s)
    {
        for (var i = s.Sentence.FirstToken; i < s.Sentence.EndToken; i++)
        {
            if (view.Is(i, "air") && view.IsAny(i + 1, ["defences", "defenses", "defence", "defense"]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OwnDay(DateMention m) =>
        m.Kind == DateKind.Relative || (m.Kind == DateKind.Calendar && (m.Span.IsUnresolved || m.Span.Precision == TimePrecision.Day));

    private static bool IsVague(TokenView view, QuantityMention q)
    {
        var first = view.TokenAt(q.Start);
        return QuantityWords.VagueLookup.ContainsKey(view[first]) || view.IsSequence(first, ["a", "number", "of"]);
    }

    // One of the places an action fell on: the event's type, actors and date, the place's own counts and evidence.
    private static ConflictEvent AtPlace(DocumentFacts doc, ConflictEvent e, PlaceReference place, SentenceFacts? facts, List<QuantityMention> counts, Guid id)
    {
        var evidence = new Dictionary<string, TextSpan>(EvidenceKinds, StringComparer.Ordinal);
        foreach (var (kind, span) in e.Evidence.Spans)
        {
            if (kind == "date")
            {
                evidence[kind] = span;
            }
        }

        var sentence = facts?.Sentence;
        evidence["event"] = sentence is null ? e.Evidence.Spans["event"] : new TextSpan(sentence.Start, sentence.End);
        // Each place takes the kind of action its own clause reports, when that names an ACLED sub-type.
        var subType = facts is not null && PlaceList.AttackKind(doc.View, facts, place) is { SubType: { } own } trigger
                      && trigger.Class is TriggerClass.Remote or TriggerClass.Clash && (own.EventType == e.EventType || e.EventType == AcledEventType.Battles)
            ? own
            : e.SubEventType;

        evidence["location"] = new TextSpan(place.Start, place.End);
        var q = EventQuantities(null, counts, e.EventType != AcledEventType.StrategicDevelopments, evidence);
        var location = ToLocation(place);
        if (location.Point is null && (doc.GovernorateArea(place.WithinArea) ?? doc.GovernorateArea(e.Location?.Admin1) ?? e.Location ?? doc.FallbackArea) is { } area)
        {
            // At the governorate's point, not at the listed neighbour's: a village's point would say the name is that village.
            // A name the gazetteer does not know keeps its name, placed in the area the report puts the event in.
            location = new Location(place.Name, null, area.Admin1, area.Admin2, area.Admin3, area.Point, GeoPrecision.Region);
        }

        return e with { Id = id, SubEventType = subType, Location = location, Quantities = q, Evidence = new Evidence(evidence) };
    }

    // A report's later paragraph without a day of its own ("later, the toll rose") falls in its period: the same day as one inside it.
    private static bool SameDay(DateSpan a, DateSpan b) =>
        a == b || (a.Precision == TimePrecision.Day && b.Contains(a.Start)) || (b.Precision == TimePrecision.Day && a.Contains(b.Start));

    // Undated reports leave days unresolved: "yesterday" and an undated mention (the report's own day) are two days.
    // A weekday may be the report's own day ("on Tuesday" in a report of Tuesday), so it may meet an undated mention.
    private static bool SameDayWords(string? a, string? b) =>
        string.Equals(DayWords(a), DayWords(b), StringComparison.OrdinalIgnoreCase) || (DayWords(a) is null && IsWeekday(b)) || (DayWords(b) is null && IsWeekday(a));

    private static bool IsWeekday(string? text) =>
        text is not null && Enum.TryParse<DayOfWeek>(text.StartsWith("on ", StringComparison.OrdinalIgnoreCase) ? text[3..] : text, ignoreCase: true, out _) && !text.Any(char.IsDigit);

    private static string? DayWords(string? text) =>
        text is null || text.Equals("today", StringComparison.OrdinalIgnoreCase) || text.StartsWith("this ", StringComparison.OrdinalIgnoreCase) ? null : text;

    // The same actor, place, type and day reported twice is one event; the later report may add the toll.
    // The events are indexed by type, actor and place, so finding the first one of the same day scans only those (not all).
    private static void AddOrMerge(WorkBudget budget, List<ConflictEvent> events, Dictionary<(AcledSubEventType, string?, string), List<int>> index, ConflictEvent e)
    {
        // The same name, or one gazetteer place under two spellings ("Kansafra", "Kansafrah"), is one place.
        var key = PlaceList.NameKey(e.Location?.Name);
        var placeKey = e.Location is { PlaceId: { } placeId, Point: not null } l && l.Precision != GeoPrecision.Region ? "@" + placeId : null;
        if (key.Length == 0)
        {
            events.Add(e);
            return;
        }

        List<int> Candidates(string k)
        {
            if (!index.TryGetValue((e.SubEventType, e.Actor1, k), out var list))
            {
                index[(e.SubEventType, e.Actor1, k)] = list = [];
            }

            return list;
        }

        var byName = Candidates(key);
        var byPlace = placeKey is null ? null : Candidates(placeKey);
        budget.Spend(byName.Count + (byPlace?.Count ?? 0) + 1L, "merging repeated events");
        bool Same(int i) => SameDay(events[i].Date, e.Date) && SameDayWords(events[i].DateText, e.DateText);
        var same = byName.FindIndex(Same) is var n and >= 0 ? byName[n] : byPlace?.FindIndex(Same) is { } p and >= 0 ? byPlace[p] : -1;
        if (same < 0)
        {
            byName.Add(events.Count);
            byPlace?.Add(events.Count);
            events.Add(e);
            return;
        }

        var kept = events[same];
        var dead = e.Quantities.TryGetValue(Quantities.Names.Fatalities, out var f) ? f : null;
        var had = kept.Quantities.TryGetValue(Quantities.Names.Fatalities, out var k) ? k : null;
        if (dead?.Low is > 0 && (had?.Low ?? 0) < dead.Low)
        {
            var merged = kept.Quantities.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
            merged[Quantities.Names.Fatalities] = dead;
            events[same] = kept with { Quantities = new Quantities(merged) };
        }
    }

    // Headings ("- North countryside") may stand between a lede and its items, and between items.
    private const int MaxItemDistance = 4;

    private static readonly WordSet Anaphors = new("forces", "factions", "militias", "militiamen", "fighters", "jets", "warplanes", "aircraft", "drones", "helicopters", "troops", "gunmen");
    private static readonly WordSet Demonstratives = new("the", "these", "those", "said");

    // "The forces also ...", "These factions ...", "They ...": a subject that names no party and refers back to one.
    private static bool StartsWithAnaphor(TokenView view, EventDraft d)
    {
        var first = d.Sentences[0].Sentence.FirstToken;
        return view.Is(first, "they") || (view.IsAny(first, Demonstratives) && view.IsAny(first + 1, Anaphors));
    }

    // The last armed party a sentence names, for a later "the forces" to refer back to.
    private static string? LastNamed(SentenceFacts s)
    {
        for (var i = s.Actors.Count - 1; i >= 0; i--)
        {
            if (!s.Actors[i].Entry.IsCivilians)
            {
                return s.Actors[i].Entry.Name;
            }
        }

        return null;
    }

    private static readonly WordSet FlightWords = new("overflight", "overflights", "flight", "flights", "flying", "reconnaissance", "surveillance", "spy", "hovering");

    // "overflight of Russian reconnaissance planes, along with artillery shelling of X": the aircraft that only flew over
    // are no party to a ground attack told in the same sentence.
    private static bool InFlight(TokenView view, ActorMention m)
    {
        for (var i = m.FirstToken - 3; i < m.EndToken + 2; i++)
        {
            if ((i < m.FirstToken || i >= m.EndToken) && view.IsAny(i, FlightWords))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly WordSet DeathWords = new("death", "deaths", "killed", "dead", "fatalities", "victims", "killing", "killings");
    private static readonly WordSet HarmWords = new("killed", "dead", "died", "injured", "wounded", "injuring", "wounding", "killing", "survived", "unharmed");

    // "Details of the deaths are as follows:" over items such as "• On May 2, a young shepherd in a mine blast near X":
    // an item of a list of deaths that names its victim without a verb counts that victim as dead.
    private static ConflictEvent? VictimOfListedDeath(DocumentFacts doc, EventDraft d, ConflictEvent e)
    {
        var first = d.Sentences[0];
        var item = doc.Paragraphs[first.Sentence.Paragraph];
        if (!doc.IsListItem(item) || e.Evidence.Spans.ContainsKey("fatalities") || first.Quantities.Count > 0)
        {
            return null;
        }

        var view = doc.View;
        for (var i = first.Sentence.FirstToken; i < first.Sentence.EndToken; i++)
        {
            if (view.IsAny(i, HarmWords))
            {
                return null;
            }
        }

        // The lede: the paragraph before the list, past its other items and sub-headings.
        var k = item.Index - 1;
        while (k >= 0 && item.Index - k <= MaxItemDistance && (doc.IsListItem(doc.Paragraphs[k]) || (doc.Paragraphs[k].IsHeading && !EndsWithColon(doc, doc.Paragraphs[k]))))
        {
            k--;
        }

        if (k < 0 || item.Index - k > MaxItemDistance)
        {
            return null;
        }

        var lede = doc.Paragraphs[k];
        var ledeSentences = doc.In(lede).ToList();
        if (ledeSentences.Count == 0 || !EndsWithColon(doc, lede)
            || !HasWord(view, ledeSentences[^1].Sentence.FirstToken, ledeSentences[^1].Sentence.EndToken, DeathWords))
        {
            return null;
        }

        // The victim: "a man", "two children", "a 20-year-old woman".
        for (var i = first.Sentence.FirstToken; i < first.Sentence.EndToken; i++)
        {
            int n;
            if (view.IsAny(i, Articles))
            {
                n = 1;
            }
            else if (!NumberWords.TryCardinal(view.Text, view.Tokens, i, out n, out _) || (i > 0 && Recognition.Dates.CalendarWordsAccess.IsMonth(view[i - 1])))
            {
                continue;
            }

            for (var j = i + 1; j < first.Sentence.EndToken && j <= i + 6 && !view.IsPunct(j, ',') && !view.IsPunct(j, '.'); j++)
            {
                if (QuantityWords.NounLookup.TryGetValue(view[j], out var noun) && noun == "person")
                {
                    var spans = e.Evidence.Spans.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
                    spans[Quantities.Names.Fatalities] = new TextSpan(view.Tokens[i].Start, view.Tokens[j].End);
                    var q = e.Quantities.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
                    q[Quantities.Names.Fatalities] = Quantity.Exactly(n, view.Slice(i, j + 1));
                    return e with { Quantities = new Quantities(q), Evidence = new Evidence(spans) };
                }
            }
        }

        return null;
    }

    private static bool EndsWithColon(DocumentFacts doc, Segmentation.Paragraph p) =>
        doc.Text.AsSpan(p.Start, p.End - p.Start).TrimEnd().EndsWith(":", StringComparison.Ordinal);

    private static bool EndsWithColon(DocumentFacts doc, EventDraft d)
    {
        var last = d.Sentences[^1].Sentence;
        return doc.Text.AsSpan(last.Start, last.End - last.Start).TrimEnd().EndsWith(":", StringComparison.Ordinal);
    }

    // An item names its place and count; the lede that opened the list names who acted and when.
    private static ConflictEvent FromLede(ConflictEvent item, ConflictEvent lede)
    {
        var result = item;
        if (item.Actor1 is null && lede.Actor1 is not null)
        {
            result = result with
            {
                Actor1 = lede.Actor1,
                AssocActor1 = lede.AssocActor1,
                Actor2 = item.Actor2 ?? lede.Actor2,
                AssocActor2 = item.Actor2 is null ? lede.AssocActor2 : item.AssocActor2,
            };
        }

        if (!item.Evidence.Spans.ContainsKey("date") && lede.Evidence.Spans.TryGetValue("date", out var dateSpan))
        {
            var spans = item.Evidence.Spans.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
            spans["date"] = dateSpan;
            result = result with { Date = lede.Date, DateText = lede.DateText, Evidence = new Evidence(spans) };
        }

        return result;
    }

    private static bool TwoArmedBlocs(List<ActorMention> mentions)
    {
        var first = mentions.Find(m => !m.Entry.IsCivilians);
        return first is not null && mentions.Exists(m => !m.Entry.IsCivilians && m.Entry.Camp != first.Entry.Camp && ActorRoleAssigner.Bloc(m.Entry.Camp) != ActorRoleAssigner.Bloc(first.Entry.Camp));
    }

    private static bool IsAllegation(DocumentFacts doc, SentenceFacts s) =>
        !doc.IsDispatch && HasWord(doc.View, s.Sentence.FirstToken, s.Sentence.EndToken, MassacreWords);

    private static bool HasWord(TokenView view, int from, int to, WordSet words)
    {
        for (var i = from; i < to; i++)
        {
            if (view.IsAny(i, words))
            {
                return true;
            }
        }

        return false;
    }

    // A paragraph continues the previous incident when it names no actor of its own and its triggers say the same kind of
    // thing, or when it only refers back to it ("the attack left one dead", "the gunmen used machineguns during the
    // attack"): no place of its own, every trigger a definite back-reference, no actor the incident did not already name.
    private static bool ContinuesPrevious(DocumentFacts doc, EventDraft previous, Segmentation.Paragraph p, List<SentenceFacts> sentences)
    {
        if (doc.IsDispatch || p.Index != previous.LastParagraph.Index + 1)
        {
            return false;
        }

        if (RefersBack(doc.View, previous, sentences) || OpensWithBackReference(doc.View, sentences) || OnlyOriginsOfIncidentTold(doc.View, sentences)
            || DuringIncidentTold(doc.View, sentences))
        {
            return true;
        }

        if (sentences.Any(s => s.Actors.Count > 0))
        {
            return false;
        }

        var (_, prevType, prevTags) = previous.Typing();
        var (_, type, tags) = EventTyping.Decide(doc.View, sentences);
        return type == prevType && tags.All(prevTags.Contains);
    }

    // "These airstrikes came after ...", "The attack left ...": a paragraph naming no place of its own whose subject is the
    // incident just told adds to it (its toll, its cause); it is not an incident of its own.
    private static bool OpensWithBackReference(TokenView view, List<SentenceFacts> sentences)
    {
        if (sentences.Any(s => s.Places.Count > 0) || sentences[0].Triggers.Count == 0)
        {
            return false;
        }

        var first = sentences[0].Triggers[0].First;
        return first - sentences[0].Sentence.FirstToken <= 3 && view.IsAny(first - 1, DemonstrativeWords);
    }

    // "The helicopters which carried out the raid took off from X base ...; clashes erupted at the site": a paragraph whose
    // only places are where the attackers came from, and which speaks of the incident just told ("the raid"), tells how that
    // incident went. The departure base is no incident's place, so it must not open an event of its own.
    private static bool OnlyOriginsOfIncidentTold(TokenView view, List<SentenceFacts> sentences)
    {
        var places = sentences.SelectMany(s => s.Places).ToList();
        return places.Count > 0 && places.All(r => LocationPicker.IsOrigin(view, r))
               && sentences.Any(s => s.Triggers.Any(t => IsBackReference(view, t.First)));
    }

    private static readonly WordSet IncidentNouns = new("operation", "attack", "raid", "airdrop", "clashes", "strike", "strikes", "airstrike", "airstrikes", "bombardment",
        "shelling", "fighting", "assault", "ambush", "landing", "incident");

    // "X also killed a fighter during the operation; he had lived in Y": a paragraph that tells more of the
    // incident just told ("during the operation"), and whose places, if any, are where someone came from or lived, adds to it.
    private static bool DuringIncidentTold(TokenView view, List<SentenceFacts> sentences)
    {
        if (!sentences.SelectMany(s => s.Places).All(r => LocationPicker.IsOrigin(view, r)))
        {
            return false;
        }

        foreach (var s in sentences)
        {
            for (var i = s.Sentence.FirstToken; i < s.Sentence.EndToken; i++)
            {
                if (view.IsAny(i, ["during", "in"]) && view.IsAny(i + 1, ["the", "this", "that", "same"])
                    && (view.IsAny(i + 2, IncidentNouns) || (view.IsAny(i + 2, ["same"]) && view.IsAny(i + 3, IncidentNouns))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly WordSet DemonstrativeWords = new("this", "these", "that", "those");

    private static readonly WordSet BackReferenceWords = new("the", "this", "that", "these", "those", "same");

    private static bool RefersBack(TokenView view, EventDraft previous, List<SentenceFacts> sentences)
    {
        if (sentences.Any(s => s.Places.Count > 0 || s.Triggers.Count == 0))
        {
            return false;
        }

        var known = previous.Sentences.SelectMany(s => s.Actors).Select(m => m.Entry.Name).ToHashSet(StringComparer.Ordinal);
        return sentences.All(s => s.Actors.All(m => known.Contains(m.Entry.Name)) && s.Triggers.All(t => IsBackReference(view, t.First)));
    }

    // "the attack", "this attack", "the same attack": a trigger after a definite determiner names an incident already told.
    public static bool IsBackReference(TokenView view, int trigger) =>
        view.IsAny(trigger - 1, BackReferenceWords) || (view.IsAny(trigger - 2, BackReferenceWords) && view.Tokens[trigger - 1].Kind == TokenKind.Word && !view.IsAny(trigger - 1, ["a", "an", "new", "another"]));

    private static ConflictEvent? Build(DocumentFacts doc, EventDraft d, DateSpan reportPeriod, Guid id)
    {
        var view = doc.View;
        var (cls, subType, tags) = EventTyping.Decide(view, d.Sentences);
        if (cls == TriggerClass.None)
        {
            return null;
        }

        // In a report, "an attack on positions, while air defences tried to foil it": what air defences meet came from the air.
        // (A coder's note names the weapon; there air defences firing is the clash itself.)
        if (!doc.IsDispatch && cls == TriggerClass.Violence && d.Sentences.Any(s => HasAirDefences(view, s)))
        {
            (cls, subType) = (TriggerClass.Remote, AcledSubEventType.AirDroneStrike);
        }

        var from = d.Sentences[0].Sentence.FirstToken;
        var to = d.Sentences[^1].Sentence.EndToken;
        var named = d.Sentences.SelectMany(s => s.Actors).Where(m => !ActorRoleAssigner.IsBackground(view, m) && !(subType != AcledSubEventType.AirDroneStrike && InFlight(view, m)))
                                                   .Select(m => ActorRoleAssigner.AsPresentSide(view, m)).ToList();
        var actorMentions = named.Where(m => (!ActorRoleAssigner.IsModifier(view, m) || cls >= TriggerClass.CivilianHarm) && !(m.Entry.IsCivilians && cls < TriggerClass.CivilianHarm)).ToList();
        var quantities = d.Sentences.SelectMany(s => s.Quantities).ToList();
        if (subType == AcledSubEventType.Arrests)
        {
            // An armed group arresting members of another ("QSD arrested an IS emir", "detained two members of AAS") is
            // coded by ACLED as a clash between them; one arresting its own ("arrested one of its commanders") as a
            // clash within the group.
            var arrested = named.Where(m => !m.Entry.IsCivilians && (!ActorRoleAssigner.IsModifier(view, m) || ActorRoleAssigner.IsMemberOf(view, m))).ToList();
            if (TwoArmedBlocs(arrested))
            {
                (cls, subType, actorMentions) = (TriggerClass.Clash, AcledSubEventType.ArmedClash, arrested);
            }
            else if (arrested.Select(m => m.Entry.Name).Distinct().Count() == 1 && arrested[0].Entry.Name != UnidentifiedGroup && Infighting.Within(view, from, d.Sentences[0].Sentence.EndToken))
            {
                (cls, subType) = (TriggerClass.Clash, AcledSubEventType.ArmedClash);
            }
        }

        var violent = cls >= TriggerClass.CivilianHarm;
        var civilians = violent && ActorRoleAssigner.TargetsCivilians(view, quantities, actorMentions, from, to);
        var roles = ActorRoleAssigner.Assign(view, actorMentions.Where(m => !m.Entry.IsCivilians).ToList(), violent, civilians);

        subType ??= cls switch
        {
            // ACLED's "government" is the Syrian state's forces; Turkey and its factions overtake territory as non-state actors do.
            TriggerClass.Territory => roles.Actor1 is { } a && (a.StartsWith("Military Forces of Syria", StringComparison.Ordinal) || a.StartsWith("Police Forces of Syria", StringComparison.Ordinal))
                ? AcledSubEventType.GovernmentRegainsTerritory
                : AcledSubEventType.NonStateActorOvertakesTerritory,
            TriggerClass.Violence => civilians && roles.Actor2 == "Civilians (Syria)" ? AcledSubEventType.Attack : AcledSubEventType.ArmedClash,
            _ => null,
        };

        if (subType is null)
        {
            return null;
        }

        // A battle has two sides: when the text names only one, ACLED codes the other as an unidentified armed group.
        if (subType.EventType == AcledEventType.Battles && roles.Actor1 is not null && roles.Actor2 is null)
        {
            roles = roles with { Actor2 = UnidentifiedGroup };
        }
        else if (subType.EventType == AcledEventType.Battles && roles.Actor1 is null && roles.Actor2 is not null)
        {
            // "gunmen attacked a regime checkpoint": only the side that was hit is named.
            roles = roles with { Actor1 = UnidentifiedGroup };
        }

        roles = UnnamedPerpetrator(view, subType, roles, actorMentions);
        // One group fighting itself ("clashed with each other"): ACLED codes it on both sides.
        if (subType.EventType == AcledEventType.Battles && roles.Actor1 is { } one && one != UnidentifiedGroup
            && (roles.Actor2 is null or UnidentifiedGroup || roles.Actor2 == "Civilians (Syria)")
            && actorMentions.TrueForAll(m => m.Entry.Name == one || m.Entry.Name == UnidentifiedGroup || m.Entry.IsCivilians)
            && Infighting.Within(view, from, d.Sentences[0].Sentence.EndToken))
        {
            roles = new ActorRoles(one, roles.Assoc1, one, []);
        }
        else if (subType.EventType == AcledEventType.Battles && Infighting.AmongOne(view, d.Sentences[0].Actors) is { } group)
        {
            roles = new ActorRoles(group, [], group, []);
        }

        var evidence = new Dictionary<string, TextSpan>(EvidenceKinds, StringComparer.Ordinal) { ["event"] = new(d.Sentences[0].Sentence.Start, d.Sentences[^1].Sentence.End) };
        var (date, dateSpan, dayDates) = EventDate(d, doc, reportPeriod);
        roles = roles.InEra(date);
        if (dateSpan is not null)
        {
            evidence["date"] = dateSpan;
        }

        var places = d.Sentences.SelectMany(s => s.Places).ToList();
        var q = EventQuantities(doc.IsDispatch ? view : null, quantities, subType.EventType != AcledEventType.StrategicDevelopments, evidence);
        Aggregate? aggregate = null;
        var incidents = (q.TryGetValue(Quantities.Names.Operations, out var ops) ? ops.Best : null)
                        ?? (q.TryGetValue("convoys", out var convoys) ? convoys.Best : null);
        Location? location;
        if (incidents is > 1 && (places.Count > 1 || dayDates.Count > 1))
        {
            var locations = places.Select(ToLocation).ToList();
            aggregate = new Aggregate(incidents.Value, locations, dayDates);
            var admins = locations.Select(l => l.Admin1).Distinct().ToList();
            location = admins.Count == 1 && admins[0] is { } admin ? new Location(admin, null, admin, null, null, null, GeoPrecision.Region) : null;
        }
        else
        {
            var primary = LocationPicker.Pick(view, places);
            location = primary is null ? null : LocationPicker.Named(places, primary) ?? ToLocation(primary);
            if (primary is not null)
            {
                evidence["location"] = new TextSpan(primary.Start, primary.End);
            }

            if (location?.Point is null && doc.FallbackArea is { } area)
            {
                // A name the gazetteer does not know keeps its name, at the area's point and region precision.
                location = primary is null ? area : new Location(primary.Name, null, area.Admin1, area.Admin2, area.Admin3, area.Point, GeoPrecision.Region);
            }

            location = LocationPicker.InNamedGovernorate(location, doc.NamedGovernorate);
        }

        if (HasWord(view, from, to, JointWords) && !tags.Contains("joint operation"))
        {
            tags = [.. tags, "joint operation"];
        }

        return new ConflictEvent
        {
            Id = id,
            SubEventType = subType,
            Tags = [.. tags],
            Date = date,
            DateText = date.IsUnresolved && dateSpan is not null ? doc.Text[dateSpan.Start..dateSpan.End] : null,
            Actor1 = roles.Actor1,
            AssocActor1 = [.. roles.Assoc1],
            Actor2 = roles.Actor2,
            AssocActor2 = [.. roles.Assoc2],
            Location = location,
            Quantities = q,
            Aggregate = aggregate,
            Evidence = new Evidence(evidence),
            Confidence = Confidence(roles, location, dateSpan is not null),
        };
    }

    // Mines, IEDs and remnants of war, kidnappings and attacks on civilians by someone the text does not name: ACLED codes
    // the perpetrator as an unidentified armed group. For a mine or an IED, an armed group the sentence names as the
    // object of a preposition or a verb ("a vehicle of the militia", "a car carrying soldiers", "an area held by the
    // regime") is its target or the owner of the ground, not the one who laid it; a group that is the subject of the
    // sentence or the agent ("planted by X") stays the perpetrator.
    private static ActorRoles UnnamedPerpetrator(TokenView view, AcledSubEventType subType, ActorRoles roles, List<ActorMention> mentions)
    {
        if (subType == AcledSubEventType.RemoteExplosiveLandmineIed)
        {
            if (roles.Actor1 is not { } a1)
            {
                return roles with { Actor1 = UnidentifiedGroup };
            }

            if (a1 == UnidentifiedGroup || !mentions.Where(m => m.Entry.Name == a1).All(m => IsObject(view, m)))
            {
                return roles;
            }

            return new ActorRoles(UnidentifiedGroup, [], a1, roles.Assoc1);
        }

        if ((subType == AcledSubEventType.AbductionForcedDisappearance || subType == AcledSubEventType.Attack) && roles.Actor1 is null)
        {
            return roles with { Actor1 = UnidentifiedGroup };
        }

        return roles;
    }

    private static readonly WordSet ObjectMarkers = new("of", "carrying", "carried", "targeting", "targeted", "against", "on", "at", "in", "near", "for", "with", "hit", "killing", "killed", "injuring", "injured", "wounding", "wounded", "among", "transporting", "belonging", "to", "from");
    private static readonly WordSet Articles = new("the", "a", "an");

    private static bool IsObject(TokenView view, ActorMention m)
    {
        var k = m.FirstToken - 1;
        while (view.IsAny(k, Articles))
        {
            k--;
        }

        // "controlled by the regime", "held by X": ground the group holds, not an act it did.
        if (view.Is(k, "by") && view.IsAny(k - 1, ["controlled", "held", "control", "run"]))
        {
            return true;
        }

        return view.IsAny(k, ObjectMarkers);
    }

    private static (DateSpan Date, TextSpan? Evidence, List<DateOnly> Days) EventDate(EventDraft d, DocumentFacts doc, DateSpan reportPeriod)
    {
        var mentions = d.Sentences.SelectMany(s => s.Dates).ToList();
        var days = mentions.Where(m => m.Kind != DateKind.Period && m.Span.Precision == TimePrecision.Day).Select(m => m.Span.Start).Distinct().Order().ToList();
        if (days.Count > 1 && d.Sentences.Select(s => s.Sentence.Paragraph).Distinct().Count() > 1)
        {
            // Several incidents listed by day: the event covers them all.
            var span = new DateSpan(days[0], days[^1], days[^1].DayNumber - days[0].DayNumber <= 7 ? TimePrecision.Week : TimePrecision.Month);
            return (span, new TextSpan(mentions[0].Start, mentions[^1].End), days);
        }

        var first = mentions.FirstOrDefault(m => !m.Span.IsUnresolved) ?? mentions.FirstOrDefault();
        if (first is not null)
        {
            return (first.Span, new TextSpan(first.Start, first.End), days);
        }

        // No date of its own: a dispatch reports the day before it was published; a longer report, its period.
        if (doc.IsDispatch && doc.Published is { } p)
        {
            return (new DateSpan(p.AddDays(-1), p.AddDays(-1), TimePrecision.Week), null, days);
        }

        return (reportPeriod, null, days);
    }

    // event, date, location, fatalities and a few more quantities: room for them all without growing.
    private const int EvidenceKinds = 8;

    private static Quantities EventQuantities(TokenView? view, List<QuantityMention> mentions, bool violent, Dictionary<string, TextSpan> evidence)
    {
        var result = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        var coded = mentions.LastOrDefault(m => m.Coded && m.Name == Quantities.Names.Fatalities);
        if (coded is not null)
        {
            var share = coded.Value.Best is { } total && view is not null ? SplitTotals.Share(view, total) : null;
            result[Quantities.Names.Fatalities] = share is { } n ? Quantity.Exactly(n, coded.Value.Text) : coded.Value;
            evidence["fatalities"] = new TextSpan(coded.Start, coded.End);
        }
        else
        {
            var killed = mentions.Where(m => m.Name == Quantities.Names.Fatalities && !m.Coded).ToList();
            if (killed.Count > 0)
            {
                result[Quantities.Names.Fatalities] = Sum(killed);
                evidence["fatalities"] = new TextSpan(killed[0].Start, killed[^1].End);
            }
            else if (violent)
            {
                // ACLED codes a violent event with no reported deaths as 0.
                result[Quantities.Names.Fatalities] = new Quantity(0, null, null);
            }
        }

        foreach (var m in mentions)
        {
            if (m.Name != Quantities.Names.Fatalities && !m.Name.Contains('_', StringComparison.Ordinal) && !result.ContainsKey(m.Name) && m.Name != "shells")
            {
                result[m.Name] = m.Value;
                evidence.TryAdd(m.Name, new TextSpan(m.Start, m.End));
            }
        }

        return new Quantities(result);
    }

    private static Quantity Sum(List<QuantityMention> mentions)
    {
        if (mentions.Count == 1)
        {
            return mentions[0].Value;
        }

        // Summed in 64 bits: tolls of billions are nonsense, but a text may print them, and a sum past int gives no bound.
        int? Add(Func<Quantity, int?> f)
        {
            if (!mentions.All(m => f(m.Value) is not null))
            {
                return null;
            }

            var total = mentions.Sum(m => (long)f(m.Value)!.Value);
            return total <= int.MaxValue ? (int)total : null;
        }

        var low = Add(q => q.Low);
        var best = Add(q => q.Best);
        var high = Add(q => q.High);
        return low is null && best is null && high is null ? mentions[0].Value : new Quantity(low, best, high, string.Join("; ", mentions.Select(m => m.Value.Text)));
    }

    private static Location ToLocation(PlaceReference p) =>
        p.Location is { } l
            ? (l.Name == p.Name ? l : new Location(p.Name, l.PlaceId, l.Admin1, l.Admin2, l.Admin3, l.Point, l.Precision))
            : new Location(p.Name, null, null, null, null, null, p.Precision);

    private static double Confidence(ActorRoles roles, Location? location, bool dated) =>
        Math.Round(0.4 + (roles.Actor1 is null ? 0 : 0.2) + (location?.Point is null ? 0 : 0.2) + (dated ? 0.2 : 0), 2);
}

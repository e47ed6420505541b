using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Extraction.Assembly;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Extraction.Arabic;

/// <summary>An event read from Arabic text, and the day words it was dated by when no day could be fixed.</summary>
public sealed record ArabicEvent(ConflictEvent Event, bool Undated, string? DateText);

/// <summary>
/// Reads events from Arabic text, clause by clause: a clause with a trigger gives one event per place it names
/// (a list of villages, one event each), with the clause's actors (or the paragraph's last ones), counts, and day.
/// Days are fixed only by the text's own dates or the publication date; a day the text gives relatively
/// ("أمس الاثنين 23 أيلول 2019") also fixes the publication date for the rest of the text.
/// </summary>
public sealed class ArabicReader(IGeocoder geocoder)
{
    private const string Unidentified = "Unidentified Armed Group (Syria)";
    private const string CiviliansName = "Civilians (Syria)";

    public List<ArabicEvent> Read(string text, DateOnly? published, Func<int, Guid> ids, Func<int, bool>? inArabicParagraph = null, ArabicToken[]? tokenized = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ids);
        var tokens = tokenized ?? ArabicTokenizer.Tokenize(text);
        var known = KnownNames(text, tokens);
        var clauses = ArabicClauses.Split(tokens, text);
        var allDates = ArabicDates.Find(tokens, 0, tokens.Length);
        published ??= allDates.Select(ArabicDates.ImpliedPublication).FirstOrDefault(d => d is not null);
        var writingYear = published is null ? ArabicDates.WritingYear(tokens) : 0;
        var events = new List<ArabicEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var paragraph = -1;
        ArabicActorMention[] lastActors = [];
        (DateOnly? Day, ArabicDate? Words) lastDate = (null, null);
        foreach (var clause in clauses)
        {
            if (inArabicParagraph is not null && !inArabicParagraph(tokens[clause.First].Start))
            {
                continue;
            }

            if (clause.Paragraph == 0 && IsTitle(tokens, clauses, text))
            {
                continue;
            }

            if (clause.Paragraph != paragraph)
            {
                (paragraph, lastActors, lastDate) = (clause.Paragraph, [], (null, null));
            }

            var (from, to) = (clause.First, clause.End);
            var excluded = new bool[tokens.Length];
            var actors = ArabicActors.Find(tokens, from, to);
            foreach (var a in actors)
            {
                Array.Fill(excluded, true, a.First, a.Length);
            }

            var dates = ArabicDates.Find(tokens, from, to);
            foreach (var d in dates)
            {
                ExcludeSpan(tokens, excluded, from, to, d.Start, d.End);
            }

            var triggers = Triggers(tokens, from, to, excluded);
            var cues = ArabicCues.Find(tokens, from, to, excluded);
            if (dates.Count > 0)
            {
                lastDate = (ArabicDates.Resolve(dates[0], published, writingYear), dates[0]);
            }

            var own = Own(tokens, actors);
            if (own.Any(a => !a.Actor.IsCivilians))
            {
                lastActors = own;
            }

            var trigger = ArabicTriggers.Decide(triggers);
            if (trigger is null || cues.Contains(ArabicCues.Cue.Denial) || cues.Contains(ArabicCues.Cue.NotEvent))
            {
                continue;
            }

            var places = ArabicPlaces.Find(tokens, from, to, text, known, excluded);
            var earlier = EarlierCueAt(tokens, from, to);
            var sites = places.Where(p => !p.IsRegion && !p.IsReference && p.First > earlier).ToList();
            if (sites.Count == 0)
            {
                sites = places.Where(p => p.IsRegion && p.First > earlier).Take(2).ToList();
            }

            if (sites.Count == 0)
            {
                continue;
            }

            var roles = AssignRoles(tokens, own.Any(a => !a.Actor.IsCivilians) ? own : [.. lastActors, .. own.Where(a => a.Actor.IsCivilians)], trigger);
            // ACLED codes Israel's missile strikes in Syria as air strikes: they are fired from aircraft.
            if (trigger.SubType == AcledSubEventType.ShellingArtilleryMissileAttack && own.Concat(lastActors).Any(a => a.Actor.Camp == "israel"))
            {
                trigger = trigger with { SubType = AcledSubEventType.AirDroneStrike };
            }

            var subType = trigger.SubType ?? (roles.Actor2 == CiviliansName ? AcledSubEventType.Attack : AcledSubEventType.ArmedClash);
            if (subType.EventType == AcledEventType.Battles && roles.Actor1 is not null && roles.Actor2 is null)
            {
                roles = roles with { Actor2 = Unidentified };
            }

            var (fatalities, injured, countAt) = Counts(tokens, from, to, cues);
            // A count the clause gives once belongs to the place named nearest to it; the others are coded without one.
            var counted = sites.Count == 0 ? 0 : sites.IndexOf(sites.MinBy(s => Math.Abs(s.First - countAt))!);
            var region = Context(places);
            for (var k = 0; k < sites.Count; k++)
            {
                var site = sites[k];
                var key = $"{subType.Label}|{site.Name}|{roles.Actor1}|{lastDate.Day}|{(lastDate.Day is null && lastDate.Words is { } dw ? text[dw.Start..dw.End] : null)}";
                if (!seen.Add(key))
                {
                    continue;
                }

                var quantities = new Dictionary<string, Quantity>(StringComparer.Ordinal);
                if (fatalities is { } f && (k == counted || f == 0))
                {
                    quantities[Quantities.Names.Fatalities] = Quantity.Exactly(f);
                }
                else if (trigger.Class >= TriggerClass.CivilianHarm && fatalities is null && !cues.Contains(ArabicCues.Cue.NoCasualties))
                {
                    quantities[Quantities.Names.Fatalities] = new Quantity(0, null, null);
                }

                if (injured is { } n && (k == counted || n == 0))
                {
                    quantities["injured"] = Quantity.Exactly(n);
                }

                var evidence = new Dictionary<string, TextSpan>(StringComparer.Ordinal)
                {
                    ["event"] = new(tokens[from].Start, tokens[to - 1].End),
                    ["location"] = new(tokens[site.First].Start, tokens[site.End - 1].End),
                };
                if (lastDate.Words is { } words)
                {
                    evidence["date"] = new TextSpan(words.Start, words.End);
                }

                var day = lastDate.Day;
                var location = Locate(site, region);
                var era = day is { } eventDay ? DateSpan.OnDay(eventDay) : published is { } p ? Fallback(p) : DateSpan.Unresolved;
                roles = roles.InEra(era);
                var e = new ConflictEvent
                {
                    Id = ids(events.Count),
                    SubEventType = subType,
                    // The store needs a date: an undated event carries a placeholder and says so in its tags, for the coder to date it.
                    Tags = day is null && published is null ? [.. trigger.Tags, "undated"] : [.. trigger.Tags],
                    Date = day is { } d ? DateSpan.OnDay(d) : Fallback(published),
                    Actor1 = roles.Actor1,
                    AssocActor1 = [.. roles.Assoc1],
                    Actor2 = roles.Actor2,
                    Location = location,
                    Quantities = new Quantities(quantities),
                    Evidence = new Evidence(evidence),
                    Confidence = Math.Round(0.4 + (roles.Actor1 is null ? 0 : 0.2) + (location.Point is null ? 0 : 0.2) + (day is null ? 0 : 0.2), 2),
                };
                var undated = day is null && published is null;
                events.Add(new ArabicEvent(e, undated, lastDate.Words is { } w ? text[w.Start..w.End] : null));
            }
        }

        return events;
    }

    // Without a day of its own, an event is dated by the week before publication; without a publication date it stays undated,
    // and this span (the conflict's first day) only fills the required field: the contract prints such a date as null.
    private static DateSpan Fallback(DateOnly? published) =>
        published is { } p ? new DateSpan(p.AddDays(-7), p, TimePrecision.Week) : new DateSpan(ConflictStart, ConflictStart, TimePrecision.Month);

    /// <summary>The day the Syrian uprising began: the placeholder behind an undated event, never printed as its date.</summary>
    public static readonly DateOnly ConflictStart = new(2011, 3, 15);

    private IReadOnlyList<(int First, int End)> KnownNames(string text, ArabicToken[] tokens)
    {
        var result = new List<(int, int)>();
        var matches = geocoder.FindNames(text);
        var t = 0;
        foreach (var m in matches)
        {
            while (t < tokens.Length && tokens[t].End <= m.Start)
            {
                t++;
            }

            var first = t;
            var end = t;
            while (end < tokens.Length && tokens[end].Start < m.End)
            {
                end++;
            }

            if (end > first && tokens[first].IsWord && NameKeyLength(m.Text) >= 3)
            {
                result.Add((first, end));
            }
        }

        return result;
    }

    private static int NameKeyLength(string name) => name.Count(ArabicLetters.IsArabicLetter);

    private Location Locate(ArabicPlace site, string? region)
    {
        var precision = site.IsRegion ? GeoPrecision.Region : GeoPrecision.Place;
        var query = site.IsRegion ? RegionArea(site.Name) : site.Name;
        // A village in a named countryside is looked for there only: a namesake elsewhere would put it on the wrong map.
        var resolved = query is null ? null
            : region is not null && !site.IsRegion ? geocoder.Resolve(new PlaceQuery(query, precision, region)) : geocoder.Resolve(new PlaceQuery(query, precision));
        if (resolved is null)
        {
            return new Location(site.Name, null, null, null, null, null, null);
        }

        // The Arabic name as written stays the location's name: the coder sees what the text said, the gazetteer's point and admin areas beside it.
        return new Location(site.Name, resolved.PlaceId, resolved.Admin1, resolved.Admin2, resolved.Admin3, resolved.Point, site.IsRegion ? GeoPrecision.Region : resolved.Precision);
    }

    // "ريف إدلب الجنوبي" → "إدلب", "محافظة الحسكة" → "الحسكة": the area a region phrase lies in.
    private static string? RegionArea(string region)
    {
        var words = region.Split(' ');
        return words.Length < 2 ? null : string.Join(' ', words.Skip(1).Where(w => !ArabicPlaceWords.NameAdjectives.Contains(ArabicLetters.Normalize(w))));
    }

    // The first region of the clause narrows its villages ("قرى ... بريف إدلب الجنوبي").
    private static string? Context(List<ArabicPlace> places) => places.Where(p => p.IsRegion).Select(p => RegionArea(p.Name)).FirstOrDefault(a => a is not null);

    private static void ExcludeSpan(ArabicToken[] tokens, bool[] excluded, int from, int to, int start, int end)
    {
        for (var i = from; i < to; i++)
        {
            excluded[i] |= tokens[i].Start >= start && tokens[i].End <= end;
        }
    }

    // Triggers are read inside actor names too ("مسيرة تركية" names Turkey and a drone); the places then skip their words.
    private static List<Trigger> Triggers(ArabicToken[] tokens, int from, int to, bool[] excluded)
    {
        var found = new List<Trigger>();
        for (var i = from; i < to; i++)
        {
            var (trigger, length) = ArabicTriggers.Lexicon.Match(tokens, i, to);
            // "رادار كاشف للطيران": aviation as the object of a dative is no air strike.
            if (length > 0 && trigger is not null && !(trigger.Tags.Contains("airstrike") && tokens[i].Norm.StartsWith("لل", StringComparison.Ordinal)))
            {
                found.Add(trigger);
                Array.Fill(excluded, true, i, length);
                i += length - 1;
            }
        }

        return found;
    }

    // A first line without a full stop, followed by more, is the headline: it sums up what the body reports.
    private static bool IsTitle(ArabicToken[] tokens, List<ArabicClause> clauses, string text)
    {
        var first = clauses.Where(c => c.Paragraph == 0).ToList();
        if (first.Count == 0 || !clauses.Exists(c => c.Paragraph > 0))
        {
            return false;
        }

        // The line's own text, to its line break: the clauses stop short of the full stop, so they cannot tell whether it has one.
        var start = tokens[first[0].First].Start;
        var end = text.IndexOf('\n', start) is var nl and >= 0 ? nl : text.Length;
        var line = text.AsSpan(start, end - start).TrimEnd();
        return line.Length < 250 && !line.EndsWith(".") && !line.EndsWith("؟") && !line.EndsWith("!");
    }

    private static int EarlierCueAt(ArabicToken[] tokens, int from, int to)
    {
        var at = -1;
        for (var i = from; i < to; i++)
        {
            if (ArabicCues.Lexicon.Match(tokens, i, to) is (ArabicCues.Cue.Earlier, > 0))
            {
                at = i;
            }
        }

        return at;
    }

    // Actors not named as holding the area; an actor joined by "و" to a holder holds it too ("لسيطرة القوات التركية والفصائل الموالية لها").
    private static ArabicActorMention[] Own(ArabicToken[] tokens, List<ArabicActorMention> actors)
    {
        var own = new List<ArabicActorMention>();
        var previousContext = false;
        foreach (var a in actors)
        {
            var context = IsContext(tokens, a) || (previousContext && tokens[a.First].HasConjunction);
            if (!context)
            {
                own.Add(a);
            }

            previousContext = context;
        }

        return [.. own];
    }

    // "الخاضعة لسيطرة القوات التركية", "مناطق نفوذ قسد": who holds the area, not who acted.
    private static bool IsContext(ArabicToken[] tokens, ArabicActorMention a)
    {
        for (var i = a.First - 1; i >= 0 && i >= a.First - 2; i--)
        {
            if (tokens[i].IsWord && tokens[i].Forms.Any(f => f is "سيطره" or "نفوذ" or "مناطق" or "تسيطر" or "يسيطر"))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Roles(string? Actor1, IReadOnlyList<string> Assoc1, string? Actor2)
    {
        // Each actor under the name it bears on the event's date, as ActorRoles.InEra does for English reports.
        public Roles InEra(DateSpan date) => new(ActorEras.For(Actor1, date), [.. Assoc1.Select(a => ActorEras.For(a, date)!)], ActorEras.For(Actor2, date));
    }

    // Actor1 acts; a name after a target word ("عنصر من"، "مواقع"، "تجمعات"، "لـ") is acted upon; a second actor of actor1's camp is its associate.
    private static Roles AssignRoles(ArabicToken[] tokens, IReadOnlyList<ArabicActorMention> mentions, Trigger trigger)
    {
        string? actor1 = null;
        string? camp = null;
        string? actor2 = null;
        var assoc = new List<string>();
        // A name joined by "و" to a target is a target too ("عنصر من قوات النظام والمسلحين الموالين لها").
        var targets = new HashSet<ArabicActorMention>();
        for (var i = 0; i < mentions.Count; i++)
        {
            if (IsTarget(tokens, mentions[i]) || (i > 0 && targets.Contains(mentions[i - 1]) && tokens[mentions[i].First].HasConjunction && mentions[i].First == mentions[i - 1].First + mentions[i - 1].Length))
            {
                targets.Add(mentions[i]);
            }
        }

        foreach (var m in mentions.Where(m => !targets.Contains(m) && !m.Actor.IsCivilians))
        {
            if (actor1 is null)
            {
                (actor1, camp) = (m.Actor.Name, m.Actor.Camp);
            }
            else if (m.Actor.Camp == camp && m.Actor.Name != actor1 && !assoc.Contains(m.Actor.Name))
            {
                assoc.Add(m.Actor.Name);
            }
            else if (m.Actor.Camp != camp && actor2 is null && trigger.Class is TriggerClass.Clash or TriggerClass.Violence)
            {
                actor2 = m.Actor.Name;
            }
        }

        foreach (var m in mentions.Where(m => targets.Contains(m) || m.Actor.IsCivilians))
        {
            if (actor2 is null && m.Actor.Name != actor1 && m.Actor.Camp != camp)
            {
                actor2 = m.Actor.Name;
            }
        }

        if (actor1 is null && actor2 is not null && trigger.Class is TriggerClass.Clash or TriggerClass.Violence or TriggerClass.Remote && trigger.SubType != AcledSubEventType.ShellingArtilleryMissileAttack && trigger.SubType != AcledSubEventType.AirDroneStrike)
        {
            actor1 = Unidentified;
        }

        if (trigger.SubType == AcledSubEventType.Arrests && actor2 is null)
        {
            actor2 = CiviliansName;
        }

        return new Roles(actor1, assoc, actor2);
    }

    private static bool IsTarget(ArabicToken[] tokens, ArabicActorMention m)
    {
        var first = tokens[m.First];
        if (first.Norm.StartsWith('ل') && !first.Norm.StartsWith("ال", StringComparison.Ordinal) && first.Forms.Count > 1)
        {
            return true;
        }

        for (var i = m.First - 1; i >= 0 && i >= m.First - 2; i--)
        {
            var w = tokens[i].WithoutConjunction;
            if (w is "عنصر" or "عناصر" or "عنصرين" or "مقاتل" or "مقاتلين" or "تجمعات" or "مواقع" or "موقع" or "نقاط" or "نقطه" or "تمركزات" or "مقرات" or "مقر" or "ضد" or "قياديا" or "قيادي" or "دوريه" or "سياره" or "حاجز" or "عسكريين" or "جنود" or "ضابط")
            {
                return true;
            }
        }

        return false;
    }

    // Deaths and injuries the clause states: "مقتل عنصر" (1), "مقتل 3 عناصر", "ارتفع تعداد الذين قضوا إلى 8 على الأقل", "سقوط قتيل".
    private static (int? Fatalities, int? Injured, int At) Counts(ArabicToken[] tokens, int from, int to, HashSet<ArabicCues.Cue> cues)
    {
        int? dead = null;
        int? hurt = null;
        var at = from;
        for (var i = from; i < to; i++)
        {
            var kind = CasualtyWords.Match(tokens, i, to);
            if (kind.Length == 0)
            {
                continue;
            }

            var j = i + kind.Length;
            // "باستشهاد ومقتل 4": chained death words share their count; "مقتل وجرح 27" mixes both and is not coded.
            var mixed = false;
            while (j < to && CasualtyWords.Match(tokens, j, to) is var next && next.Length > 0)
            {
                mixed |= next.Value != kind.Value;
                j += next.Length;
            }

            var count = Count(tokens, i, j, to);
            i = j - 1;
            if (count is null || mixed)
            {
                continue;
            }

            if (kind.Value)
            {
                at = dead is null ? i : at;
                dead ??= count;
            }
            else
            {
                hurt ??= count;
            }
        }

        if (cues.Contains(ArabicCues.Cue.NoCasualties))
        {
            dead ??= 0;
            hurt ??= 0;
        }

        return (dead, hurt, at);
    }

    private static int? Count(ArabicToken[] tokens, int word, int after, int to)
    {
        // "محاولة اغتيال": an attempt kills no one.
        if (word > 0 && tokens[word - 1].WithoutConjunction is "محاوله")
        {
            return null;
        }

        var (value, next) = ArabicNumbers.After(tokens, after, to);
        if (value >= 0)
        {
            return value + Enumerated(tokens, next, to);
        }

        // "مقتله"، "إصابتها": one person, named by the pronoun.
        if (tokens[after - 1].Stem is "مقتله" or "مقتلها" or "استشهاده" or "اصابته" or "اصابتها")
        {
            return 1;
        }

        // "أدى لمقتل عناصر النقطة جميعهم والبالغ عددهم 7 عناصر".
        for (var k = after; k < to && k < after + 8; k++)
        {
            if (tokens[k].Stem is "عددهم" or "عددهن" && ArabicNumbers.After(tokens, k + 1, to) is ( >= 0, _) stated)
            {
                return stated.Value;
            }
        }

        if (after < to && ArabicNumbers.PersonCount(tokens[after]) is var n and > 0)
        {
            return n;
        }

        // "قتيل", "سقوط قتيلين": the phrase's last word is its own count.
        if (ArabicNumbers.PersonCount(tokens[after - 1]) is var self and > 0)
        {
            return self;
        }

        // "5 عناصر قتلوا", "3 قتلى": the number before.
        if (word > 0 && tokens[word - 1].IsNumber)
        {
            return tokens[word - 1].Number;
        }

        return word > 1 && tokens[word - 2].IsNumber ? tokens[word - 2].Number : null;
    }

    // "13 عسكريا ومدنيين اثنين", "3 عناصر و5 مدنيين": the parts listed after a first count.
    private static int Enumerated(ArabicToken[] tokens, int k, int to)
    {
        var extra = 0;
        if (k < to && tokens[k].IsWord && !tokens[k].HasConjunction)
        {
            k++;
        }

        while (k + 1 < to)
        {
            if (tokens[k].Norm == "و" && tokens[k + 1].IsNumber)
            {
                extra += tokens[k + 1].Number;
                k += 3;
            }
            else if (tokens[k].HasConjunction && ArabicNumbers.TryWord(tokens[k + 1], out var n) && ArabicNumbers.PersonCount(tokens[k]) == 0 && !ArabicNumbers.TryWord(tokens[k], out _))
            {
                extra += n;
                k += 2;
            }
            else
            {
                break;
            }
        }

        return extra;
    }

    // True for death words, false for injury words.
    private static readonly ArabicLexicon<bool> CasualtyWords = new(new Dictionary<string, bool>
    {
        ["مقتل"] = true, ["قتل"] = true, ["قتيل"] = true, ["قتيلين"] = true, ["قتلى"] = true, ["قضى"] = true, ["قضوا"] = true, ["استشهد"] = true, ["استشهاد"] = true,
        ["استشهدوا"] = true, ["مصرع"] = true, ["لقي حتفه"] = true, ["لقوا حتفهم"] = true, ["وفاة"] = true, ["فارق الحياة"] = true, ["قتلوا"] = true, ["سقوط قتيل"] = true, ["سقوط قتيلين"] = true,
        ["ارتفع تعداد الذين استشهدوا"] = true, ["ارتفع تعداد الذين قضوا"] = true, ["ارتفع عدد القتلى"] = true, ["راح ضحيته"] = true, ["راح ضحيتها"] = true, ["اغتيال"] = true, ["اغتيل"] = true, ["مقتله"] = true, ["مقتلها"] = true, ["استشهاده"] = true,
        ["إصابة"] = false, ["إصابات"] = false, ["أصيب"] = false, ["أصيبوا"] = false, ["جرح"] = false, ["جرحى"] = false, ["جريح"] = false, ["إصابة آخرين"] = false, ["بجراح"] = false, ["إصابته"] = false, ["إصابتها"] = false,
    });
}

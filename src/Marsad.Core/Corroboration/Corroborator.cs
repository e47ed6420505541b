namespace Marsad.Core.Corroboration;

/// <summary>
/// Finds the events that report the same incident. Blocking keeps it near-linear: an event is only
/// compared with events of the same sub-type family starting within a few days, in the same or a
/// neighbouring grid cell (or, without a point, in the same admin area). Matches are then joined
/// best-first into groups, never putting two reports from one source in the same group.
/// </summary>
public sealed class Corroborator(CorroborationOptions options)
{
    private const double CellLatDegrees = 0.12;
    private const double CellLonDegrees = 0.15;

    public CorroborationResult Run(IReadOnlyList<EventSignature> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var scorer = new PairScorer(options);
        var families = events.Select(e => SubTypeFamilies.Of(e.SubEventType)).ToArray();
        var familyIds = families.Distinct(StringComparer.Ordinal).Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        var spatial = new Dictionary<long, List<int>>();
        var byArea = new Dictionary<(int Family, int Day, string Area), List<int>>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Undated)
            {
                continue; // indexed under no day: it meets no candidate on dates
            }

            var family = familyIds[families[i]];
            var cell = Cell(e);
            for (var day = e.Start.DayNumber; day <= LastIndexedDay(e); day++)
            {
                if (cell is { } c)
                {
                    Add(spatial, Key(family, day, c.Lat, c.Lon), i);
                }

                // Every event with an area is also found by area, so a report placed only by its district still meets one with a point.
                if (e.AdminArea is not null)
                {
                    Add(byArea, (family, day, e.AdminArea), i);
                }
            }
        }

        var matches = new List<(int A, int B, double Score)>();
        long compared = 0;
        // An event spanning several days sits in several day buckets; this stamps each candidate once per event.
        var seenBy = new int[events.Count];
        Array.Fill(seenBy, -1);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Undated)
            {
                continue;
            }

            var family = familyIds[families[i]];
            var firstDay = e.Start.DayNumber - options.MaxDayGap;
            var lastDay = LastIndexedDay(e) + options.MaxDayGap;
            var cell = Cell(e);
            for (var day = firstDay; day <= lastDay; day++)
            {
                if (cell is { } c)
                {
                    for (var dLat = -1; dLat <= 1; dLat++)
                    {
                        for (var dLon = -1; dLon <= 1; dLon++)
                        {
                            if (spatial.TryGetValue(Key(family, day, c.Lat + dLat, c.Lon + dLon), out var bucket))
                            {
                                compared += Compare(i, bucket, onlyUnlocated: false);
                            }
                        }
                    }
                }

                if (e.AdminArea is not null && byArea.TryGetValue((family, day, e.AdminArea), out var areaBucket))
                {
                    // A located event already met the located ones through the grid.
                    compared += Compare(i, areaBucket, onlyUnlocated: cell is not null);
                }
            }
        }

        var decisive = ResolveAmbiguousReports(events, matches, scorer);
        return new CorroborationResult(Group(events, decisive, scorer), compared, decisive.Count);

        int Compare(int i, List<int> bucket, bool onlyUnlocated)
        {
            var count = 0;
            foreach (var j in bucket)
            {
                if (j <= i || seenBy[j] == i || (onlyUnlocated && events[j].Latitude is not null))
                {
                    continue; // each pair once
                }

                seenBy[j] = i;
                count++;
                if (scorer.Score(events[i], events[j]) is { } score && score >= options.Threshold)
                {
                    matches.Add((i, j, score));
                }
            }

            return count;
        }
    }

    /// <summary>
    /// A report that matches two reports which cannot be the same incident (one naming no actor, beside
    /// two clashes with different actors in one village that day) could belong to either. It keeps its
    /// best match and the matches compatible with it; when the best does not clearly beat the
    /// alternative, it is left for a coder rather than guessed.
    /// </summary>
    private static List<(int A, int B, double Score)> ResolveAmbiguousReports(IReadOnlyList<EventSignature> events, List<(int A, int B, double Score)> matches, PairScorer scorer)
    {
        const double clearMargin = 0.05;
        var partners = new Dictionary<int, List<(int Other, double Score)>>();
        foreach (var (a, b, score) in matches)
        {
            AddPartner(a, b, score);
            AddPartner(b, a, score);
        }

        var dropped = new HashSet<(int, int)>();
        foreach (var (report, list) in partners)
        {
            if (list.Count < 2)
            {
                continue;
            }

            list.Sort((x, y) => y.Score.CompareTo(x.Score));
            var best = list[0];
            var rivals = list.Skip(1).Where(q => scorer.Score(events[best.Other], events[q.Other]) is null).ToList();
            if (rivals.Count == 0)
            {
                continue;
            }

            var keepBest = best.Score - rivals[0].Score >= clearMargin;
            foreach (var (other, _) in keepBest ? rivals : list)
            {
                dropped.Add((Math.Min(report, other), Math.Max(report, other)));
            }
        }

        return dropped.Count == 0 ? matches : [.. matches.Where(m => !dropped.Contains((Math.Min(m.A, m.B), Math.Max(m.A, m.B))))];

        void AddPartner(int report, int other, double score)
        {
            if (!partners.TryGetValue(report, out var list))
            {
                partners[report] = list = [];
            }

            list.Add((other, score));
        }
    }

    /// <summary>An event is indexed under every day it spans, up to a month: a report dated "this month" can still meet a day-precise one.</summary>
    private static int LastIndexedDay(EventSignature e) => Math.Min(e.End.DayNumber, e.Start.DayNumber + 31);

    private static IReadOnlyList<IReadOnlyList<Guid>> Group(IReadOnlyList<EventSignature> events, List<(int A, int B, double Score)> matches, PairScorer scorer)
    {
        var parent = new int[events.Count];
        var members = new List<int>?[events.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        matches.Sort((x, y) => y.Score.CompareTo(x.Score));
        foreach (var (a, b, _) in matches)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb)
            {
                continue;
            }

            var ma = members[ra] ??= [ra];
            var mb = members[rb] ??= [rb];
            // Every report in the joined group must be compatible with every other: a report that names no actor
            // must not bridge two incidents that differ in their actors, nor a group hold one source twice.
            if (ma.Any(x => mb.Any(y => scorer.Score(events[x], events[y]) is null)))
            {
                continue;
            }

            if (ma.Count < mb.Count)
            {
                (ra, rb, ma, mb) = (rb, ra, mb, ma);
            }

            parent[rb] = ra;
            ma.AddRange(mb);
            members[rb] = null;
        }

        // Each joined group's members are kept at its root; a group is listed by its first report, its reports in input order.
        return [.. members.Where(m => m is { Count: > 1 }).Select(m => m!.Order().ToList()).OrderBy(m => m[0]).Select(m => (IReadOnlyList<Guid>)[.. m.Select(i => events[i].Id)])];

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }
    }

    private static (int Lat, int Lon)? Cell(EventSignature e) =>
        e.Latitude is { } lat && e.Longitude is { } lon ? ((int)Math.Floor((lat + 90) / CellLatDegrees), (int)Math.Floor((lon + 180) / CellLonDegrees)) : null;

    private static long Key(int family, int day, int lat, int lon) => ((long)family << 48) | ((long)day << 24) | ((long)(lat & 0xFFF) << 12) | (long)(lon & 0xFFF);

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(value);
    }
}

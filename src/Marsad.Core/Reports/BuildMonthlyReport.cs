using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Analytics;
using Marsad.Core.Events;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Reports;

/// <summary>
/// The monthly report use case: the month's aggregates, the events behind them, the claims, persons
/// and allegations their documents carry, and the consistency checks, gathered into one
/// <see cref="MonthlyReport"/> that any format can render.
/// </summary>
public sealed class BuildMonthlyReport(IMarsadStore store, TimeProvider time)
{
    private static readonly Registers.RegisterQuery AllRecords = new() { Limit = int.MaxValue };

    public async Task<MonthlyReport> RunAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var month = request.Month;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var reference = request.ReferenceDate ?? (today < month.Last ? today : month.Last);
        // The public's report counts published events only and reads every record through the access policy.
        var role = request.Role;
        var internalReport = role.SeesUnpublished();
        var includeUnreviewed = request.IncludeUnreviewed && internalReport;
        var filter = new AnalyticsFilter
        {
            Actor = request.Actor, Admin1 = request.Admin1, IncludeUnreviewed = includeUnreviewed, Status = internalReport ? null : EventStatus.Published,
        };
        var analytics = await store.Analytics.MonthAsync(month, filter, request.Since, cancellationToken);
        var secrets = role.SeesConfidentialSources() ? ConfidentialNames.None
            : new ConfidentialNames((await store.Sources.ListAsync(Role.Admin, cancellationToken)).Where(s => s.Confidential).Select(s => s.Name));
        var events = new List<ConflictEvent>();
        foreach (var e in analytics.Events)
        {
            if (await store.Events.FindAsync(e.Id, role, cancellationToken) is { } seen)
            {
                events.Add(seen.Event);
            }
        }

        var labels = events.Select((e, i) => (e.Id, Label: "E" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToDictionary(x => x.Id, x => x.Label);
        string[] Refs(IEnumerable<Guid> ids) => [.. ids.Where(labels.ContainsKey).Select(id => labels[id])];

        var documentIds = events.SelectMany(e => e.DocumentIds).ToHashSet();
        // Sources named as a reader finds them: title and outlet, with the short id 'marsad documents show' takes.
        // The public view of the sources register names only outlets that are not confidential.
        var outlets = (await store.Sources.ListAsync(Access.Role.Public, cancellationToken)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var shortIds = await store.Ids.ShortenAsync(Ids.IdKind.Document, documentIds, cancellationToken);
        var documents = new Dictionary<Guid, string>();
        var arabicTexts = new Dictionary<Guid, string>();
        foreach (var id in documentIds)
        {
            var document = await store.Documents.FindAsync(id.ToString("D"), cancellationToken);
            if (document is { Language: Extraction.Arabic.LanguageDetector.Arabic })
            {
                // An Arabic report's own words for the place, beside the canonical names (ArabicNames).
                arabicTexts[id] = await store.Extractions.CleanTextAsync(id, cancellationToken) ?? document.CleanText;
            }

            // A confidential source's document is not named below editor: its title can give the source away.
            var hidden = document?.SourceName is { } source && secrets.Occurs(source);
            var outlet = document?.SourceName is { } name && outlets.Contains(name) ? name : null;
            var named = hidden ? RoleRules.ConfidentialSourceName
                : string.Join(", ", new[] { document?.Title is { } t ? $"“{secrets.Scrub(t)}”" : null, outlet }.OfType<string>());
            documents[id] = named.Length == 0 ? $"document {shortIds[id]}" : $"{named} (document {shortIds[id]})";
        }

        // Each event read from an Arabic report shows the Arabic names beside the canonical ones; its evidence points into its first document.
        var arabic = events.Where(e => e.DocumentIds.Length > 0 && arabicTexts.ContainsKey(e.DocumentIds[0]))
            .Select(e => (e.Id, Names: Names.ArabicNames.Of(e, arabicTexts[e.DocumentIds[0]], Review.PlainValues.PlainPlace.Default.NameOf)))
            .Where(x => x.Names is not null).ToDictionary(x => x.Id, x => x.Names!);
        var headline = Headline(analytics, request, Refs);
        var sections = new List<ReportSection>();
        foreach (var theme in new[] { ReportSections.Movements, ReportSections.Security, ReportSections.Strikes, ReportSections.Other })
        {
            var lines = events.Where(e => ReportSections.Of(e) == theme).Select(e => new ReportLine(EventPhrases.Describe(e, arabic.GetValueOrDefault(e.Id)), [labels[e.Id]])).ToList();
            if (lines.Count > 0 || theme != ReportSections.Other)
            {
                sections.Add(new ReportSection(theme, lines));
            }
        }

        bool Counts(EventStatus status) => status != EventStatus.Rejected && (includeUnreviewed || status != EventStatus.Extracted);
        bool Relevant(IEnumerable<Guid> docs, DateOnly? date) => docs.Any(documentIds.Contains)
            || (request.Actor is null && request.Admin1 is null && date is { } d && d >= month.First && d <= month.Last);

        var claims = (await store.Registers.ListAsync<Claim>(AllRecords, role, cancellationToken)).Select(c => c.Record)
            .Where(c => Counts(c.Status) && c.Verdict is Verdict.False or Verdict.Misleading && Relevant(c.DocumentIds, c.Date)).ToList();
        sections.Add(new ReportSection(ReportSections.FalseClaims, [.. claims.Select(c => new ReportLine(
            $"{c.Claimant} claimed {Quote(c.Statement)}{(c.Date is { } d ? $" (reported {EventPhrases.Iso(d)})" : "")}: found {c.Verdict.ToString().ToLowerInvariant()}{(c.VerdictReason is { } why ? $" — {why.TrimEnd('.')}" : "")}.",
            [Short("claim", c.Id), .. Refs(c.EventIds)]))]));

        var persons = (await store.Registers.ListAsync<Person>(AllRecords, role, cancellationToken)).Select(p => p.Record)
            .Where(p => Counts(p.ReviewStatus) && FateUnknown(p) && Relevant(p.DocumentIds, p.LastSeen?.End)).ToList();
        sections.Add(new ReportSection(ReportSections.FateUnknown, [.. persons.Select(p => new ReportLine(
            $"{p.Name}{(p.GroupSize is { } size ? $" ({QuantityRange.Of(size)} people)" : "")}: {p.Status.ToString().ToLowerInvariant()}, fate {p.Fate ?? "unknown"}{(p.HeldBy is { } by ? $", held by {by} (as reported)" : "")}.",
            [Short("person", p.Id), .. Refs(p.EventIds)]))]));

        var allegations = (await store.Registers.ListAsync<Allegation>(AllRecords, role, cancellationToken)).Select(a => a.Record)
            .Where(a => Counts(a.ReviewStatus) && a.Status is InvestigationStatus.Alleged or InvestigationStatus.InvestigationRequested
                && (Relevant(a.DocumentIds, null) || (request.Actor is not null && string.Equals(a.AllegedPerpetrator, request.Actor, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        sections.Add(new ReportSection(ReportSections.NoInvestigation, [.. allegations.Select(a => new ReportLine(Allegation(a, reference), [Short("allegation", a.Id)]))]));

        var checks = await ChecksAsync(analytics, events, labels, documents, cancellationToken);
        string? Arabic(ConflictEvent e, string? actor, Func<Names.ArabicNames, string?> pick) =>
            actor is null ? null : EventPhrases.WithArabic(actor, arabic.GetValueOrDefault(e.Id) is { } n ? pick(n) : null);
        var rows = events.Select(e => new ReportEventRow(
            labels[e.Id], e.Id, EventPhrases.Dates(e).Replace("on ", "", StringComparison.Ordinal), $"{e.EventType.Label} / {e.SubEventType.Label}",
            string.Join("; ", new[] { Arabic(e, e.Actor1, a => a.Actor1), string.Join(", ", e.AssocActor1), Arabic(e, e.Actor2, a => a.Actor2) }.Where(a => !string.IsNullOrEmpty(a))),
            EventPhrases.Places(e, arabic.GetValueOrDefault(e.Id)), string.Join(", ", e.Quantities.Select(q => $"{EventPhrases.QuantityLabel(q.Key)} {QuantityRange.Of(q.Value)}")),
            $"{Name(e.Status)}{(e.Grade is { } g ? ", " + Name(g) : "")}",
            string.Join("; ", e.DocumentIds.Select(d => documents[d])))).ToList();

        var scope = string.Join(", ", new[] { request.Actor, request.Admin1 }.OfType<string>());
        var title = $"{(internalReport ? "Internal: " : "")}{(includeUnreviewed ? "Draft: " : "")}{(scope.Length > 0 ? scope + ": " : "")}{month.Title}";
        var subtitle = analytics.OperationMonth is { } n && request.Actor is not null
            ? $"The {EventPhrases.Ordinal(n)} consecutive month of {request.Actor} operations (since {EventPhrases.Iso(analytics.OperationsSince!.Value)})"
            : $"Monthly report, {EventPhrases.Iso(month.First)} to {EventPhrases.Iso(month.Last)}";
        var notes = new List<string>
        {
            "Each event counts in one month only: the month holding the larger part of its dates (for an aggregate with listed dates, the month holding most of them); an aggregate event (a sentence summing up several incidents) counts once, with its incidents and totals.",
            "Figures keep their ranges: a sum with no stated ceiling reads \"at least\", one with only a ceiling reads \"at most\".",
            $"Months without investigation are counted to {EventPhrases.Iso(reference)}.",
        };
        if (internalReport)
        {
            subtitle += $" — internal report for the team (role {RoleNames.Name(role)}): it counts records not yet published{(role.SeesConfidentialSources() ? " and names confidential sources" : "")}; not for publication";
        }

        // Undated events (a document with no publication date) belong to no month: the report says how many there are.
        var undated = await store.Analytics.UndatedCountAsync(filter, cancellationToken);
        if (undated > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{undated} event{(undated == 1 ? " is" : "s are")} undated (the document gives no date to resolve the text's words) and counted in no month; 'marsad documents set-date' dates them."));
        }

        if (includeUnreviewed)
        {
            notes.Add("This draft counts unreviewed proposals (status extracted) as well as reviewed events.");
        }

        return new MonthlyReport(title, subtitle, month, request.Actor, request.Admin1, reference, includeUnreviewed, headline, sections, rows, checks,
            Chart(analytics), MapPoints(events, labels), notes);
    }

    private static List<ReportFigure> Headline(MonthlyAnalytics analytics, ReportRequest request, Func<IEnumerable<Guid>, string[]> refs)
    {
        var c = CultureInfo.InvariantCulture;
        var total = analytics.Current.Total;
        var all = refs(total.EventIds);
        var figures = new List<ReportFigure>();
        if (analytics.OperationMonth is { } n && request.Actor is not null)
        {
            figures.Add(new ReportFigure("Month of operations", $"{EventPhrases.Ordinal(n)} consecutive month (since {EventPhrases.Iso(analytics.OperationsSince!.Value)})", all));
        }

        figures.Add(new ReportFigure("Events", string.Create(c, $"{total.Events} ({total.Incidents} incidents); {analytics.Previous.Events} in {analytics.Month.Previous.Title}"), all));
        foreach (var (name, range) in total.Quantities)
        {
            var previous = analytics.Previous.Quantity(name);
            figures.Add(new ReportFigure(char.ToUpperInvariant(EventPhrases.QuantityLabel(name)[0]) + EventPhrases.QuantityLabel(name)[1..],
                $"{range}; {previous} in {analytics.Month.Previous.Title}",
                refs(analytics.Events.Where(e => e.Quantities.ContainsKey(name)).Select(e => e.Id))));
        }

        if (analytics.SinceStart is { } since)
        {
            figures.Add(new ReportFigure($"Since {EventPhrases.Iso(since.Since)}",
                string.Create(c, $"{since.Events} events, {since.Fatalities} killed (reviewed record, {ReportMonth.Of(since.Since)} to {since.Through})"), all));
        }

        return figures;
    }

    private async Task<List<ReportCheck>> ChecksAsync(MonthlyAnalytics analytics, List<ConflictEvent> events, Dictionary<Guid, string> labels, Dictionary<Guid, string> documents, CancellationToken cancellationToken)
    {
        var checks = new List<ReportCheck>();
        foreach (var check in await store.Analytics.DocumentChecksAsync(documents.Keys, cancellationToken))
        {
            checks.Add(new ReportCheck(false, check.Kind, check.Message, documents[check.DocumentId],
                [.. events.Where(e => e.DocumentIds.Contains(check.DocumentId)).Select(e => labels[e.Id])]));
        }

        foreach (var e in events.Where(e => e.Aggregate is { Dates.Length: > 0 }))
        {
            var a = e.Aggregate!;
            var stated = e.Quantities.Values.Select(q => q.Best).FirstOrDefault(b => b == a.Incidents) ?? a.Incidents;
            checks.Add(new ReportCheck(a.Dates.Length == stated, "count_against_dates",
                string.Create(CultureInfo.InvariantCulture, $"{stated} incidents stated, {a.Dates.Length} dates listed"), labels[e.Id], [labels[e.Id]]));
        }

        foreach (var (name, range) in analytics.Current.Total.Quantities.Where(q => q.Value.High is null || q.Value.Low < q.Value.High))
        {
            checks.Add(new ReportCheck(true, "range", $"{EventPhrases.QuantityLabel(name)}: {range} — the sources give a range, not one figure", "this report",
                [.. analytics.Events.Where(e => e.Quantities.ContainsKey(name)).Select(e => labels[e.Id])]));
        }

        if (!analytics.Filter.IncludeUnreviewed)
        {
            var unreviewed = (await store.Analytics.EventsAsync(analytics.Month.First, analytics.Month.Last, analytics.Filter with { IncludeUnreviewed = true }, cancellationToken))
                .Count(e => e.CountingMonth == analytics.Month) - analytics.Events.Count;
            checks.Add(new ReportCheck(unreviewed == 0, "unreviewed",
                unreviewed == 0 ? "every event of the month in the record has been reviewed" : string.Create(CultureInfo.InvariantCulture, $"{unreviewed} unreviewed proposals of this month are not counted"), "the record", []));
        }

        return checks;
    }

    /// <summary>Every ISO week that touches the month (empty ones too, so the weeks read as a timeline), and the incidents with no day of their own by type.</summary>
    private static ReportChartData Chart(MonthlyAnalytics analytics)
    {
        var month = analytics.Current;
        var weeks = new List<DateOnly>();
        for (var monday = month.From.AddDays(-(((int)month.From.DayOfWeek + 6) % 7)); monday <= month.To; monday = monday.AddDays(7))
        {
            weeks.Add(monday);
        }

        var types = month.ByType.Keys.Order(StringComparer.Ordinal).ToList();
        var counts = new Dictionary<(DateOnly, string), int>();
        foreach (var (week, byType) in month.IncidentsByWeekAndType)
        {
            foreach (var (type, n) in byType)
            {
                counts[(week, type)] = n;
            }
        }

        var undated = types.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        foreach (var e in analytics.Events.Where(e => Aggregator.IncidentDays(e, month.From, month.To).Count == 0))
        {
            undated[e.EventType] += e.Incidents;
        }

        return new ReportChartData(weeks, types, counts, undated);
    }

    private static List<ReportMapPoint> MapPoints(List<ConflictEvent> events, Dictionary<Guid, string> labels)
    {
        var points = new List<ReportMapPoint>();
        foreach (var e in events)
        {
            var places = e.Aggregate is { Places.Length: > 0 } a ? a.Places.AsEnumerable() : e.Location is { } l ? [l] : [];
            foreach (var place in places.Where(p => p.Point is not null).DistinctBy(p => (p.Point!.Latitude, p.Point.Longitude)))
            {
                points.Add(new ReportMapPoint(labels[e.Id], place.Point!.Latitude, place.Point.Longitude, e.EventType.Label, EventPhrases.PlaceName(place) ?? ""));
            }
        }

        return points;
    }

    private static bool FateUnknown(Person p) =>
        p.Status is PersonStatus.Missing or PersonStatus.Abducted or PersonStatus.Detained
        && (p.Fate is null || p.Fate.Contains("unknown", StringComparison.OrdinalIgnoreCase));

    private static string Allegation(Allegation a, DateOnly reference)
    {
        var since = a.Date?.Start ?? a.History[0].Since;
        var months = OperationCalendar.WholeMonthsBetween(since, reference);
        var killed = a.Quantities.TryGetValue(Quantities.Names.Fatalities, out var f) ? $"; {QuantityRange.Of(f)} killed" : "";
        var place = a.Location is { } l ? $" at {EventPhrases.PlaceName(l)}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{(a.Kind is { } k ? char.ToUpperInvariant(k[0]) + k[1..] : "Violation")}{place} on {EventPhrases.Iso(since)}, alleged against {a.AllegedPerpetrator ?? "an unnamed party"}{killed}: {months} months without investigation (status: {Name(a.Status).Replace('_', ' ')}). {a.Summary}");
    }

    private static string Quote(string statement) => "“" + statement.TrimEnd('.') + "”";

    private static string Short(string kind, Guid id) => $"{kind} {id.ToString("D")[..8]}";

    private static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonSerializer.Serialize(value, Storage.Json.MarsadJson.Options).Trim('"');
}

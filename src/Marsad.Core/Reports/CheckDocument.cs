using System.Globalization;
using Marsad.Core.Analytics;
using Marsad.Core.Sources;
using Marsad.Core.Storage;
using Marsad.Domain.Events;
using Marsad.Extraction;

namespace Marsad.Core.Reports;

/// <summary>One finding of <c>marsad check</c>: where (inside the document, or against the record), what, and whether it is a mismatch.</summary>
public sealed record DocumentCheckFinding(string Scope, string Kind, string Message, bool Mismatch);

/// <summary>
/// <c>marsad check DOCUMENT</c>: the figures a document disagrees with — inside itself (the engine's
/// checks: headline against body, stated counts against listed dates) and against the record (each event
/// the document reports, compared quantity by quantity with the stored event it became, or else with the
/// stored event of the same sub-type, actor and dates).
/// </summary>
public sealed class CheckDocument(IMarsadStore store, ExtractionEngine engine)
{
    public async Task<IReadOnlyList<DocumentCheckFinding>> RunAsync(DocumentInput input, Guid? storedDocumentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = engine.Extract(SourceNamesNotPlaces.With(input, await SourceNamesNotPlaces.ReadAsync(store.Sources, cancellationToken)));
        var findings = result.Errors.Select(e => new DocumentCheckFinding("document", "error", e, Mismatch: true)).ToList();
        findings.AddRange(result.Checks.Select(c => new DocumentCheckFinding("document", c.Kind, c.Message, Mismatch: true)));
        if (result.Checks.Length == 0 && result.Errors.Length == 0)
        {
            findings.Add(new DocumentCheckFinding("document", "figures", "no figure in the document contradicts another", Mismatch: false));
        }

        var linked = new List<ConflictEvent>();
        if (storedDocumentId is { } id)
        {
            var ids = (await store.Records.OfDocumentAsync(id, cancellationToken)).Where(r => r.Kind == "event").Select(r => r.Id).ToList();
            linked.AddRange((await store.Records.GetManyAsync<ConflictEvent>(ids, cancellationToken)).Values.Select(r => r.Value)
                .Where(e => e.Status != EventStatus.Rejected));
        }

        foreach (var reported in result.Events)
        {
            var match = Best(reported, linked) ?? Best(reported, await NearbyAsync(reported, cancellationToken));
            var what = EventPhrases.Describe(reported);
            if (match is null)
            {
                findings.Add(new DocumentCheckFinding("record", "not_in_record", $"no event in the record matches: {what}", Mismatch: false));
                continue;
            }

            var differences = reported.Quantities.Keys.Union(match.Quantities.Keys)
                .Where(name => !Equals(reported.Quantities.GetValueOrDefault(name) is { } a ? QuantityRange.Of(a) : null, match.Quantities.GetValueOrDefault(name) is { } b ? QuantityRange.Of(b) : null))
                .Select(name => string.Create(CultureInfo.InvariantCulture,
                    $"{EventPhrases.QuantityLabel(name)}: document {Show(reported, name)}, record {Show(match, name)}"))
                .ToList();
            findings.Add(differences.Count == 0
                ? new DocumentCheckFinding("record", "agrees", $"event {match.Id.ToString("D")[..8]}: {what}", Mismatch: false)
                : new DocumentCheckFinding("record", "record_mismatch", $"event {match.Id.ToString("D")[..8]} ({reported.SubEventType.Label}, {EventPhrases.Dates(reported)}): {string.Join("; ", differences)}", Mismatch: true));
        }

        return findings;
    }

    private async Task<List<ConflictEvent>> NearbyAsync(ConflictEvent reported, CancellationToken cancellationToken)
    {
        var rows = await store.Analytics.EventsAsync(reported.Date.Start, reported.Date.End,
            new AnalyticsFilter { SubEventType = reported.SubEventType.Label, IncludeUnreviewed = true }, cancellationToken);
        var stored = await store.Records.GetManyAsync<ConflictEvent>([.. rows.Select(r => r.Id)], cancellationToken);
        return [.. stored.Values.Select(s => s.Value)];
    }

    /// <summary>The stored event that is this report: same sub-type, overlapping dates, the same first actor when both name one; the closest dates win.</summary>
    private static ConflictEvent? Best(ConflictEvent reported, IEnumerable<ConflictEvent> candidates) =>
        candidates.Where(c => c.SubEventType == reported.SubEventType && c.Date.Start <= reported.Date.End && c.Date.End >= reported.Date.Start
                && (c.Actor1 is null || reported.Actor1 is null || string.Equals(c.Actor1, reported.Actor1, StringComparison.OrdinalIgnoreCase))
                && c.Tags.Intersect(reported.Tags).Count() == Math.Min(c.Tags.Length, reported.Tags.Length))
            .OrderBy(c => Math.Abs(c.Date.Start.DayNumber - reported.Date.Start.DayNumber) + Math.Abs(c.Date.End.DayNumber - reported.Date.End.DayNumber))
            .FirstOrDefault();

    private static string Show(ConflictEvent e, string name) => e.Quantities.GetValueOrDefault(name) is { } q ? QuantityRange.Of(q).ToString() : "not stated";
}

using Marsad.Domain.Common;
using Marsad.Domain.Records;
using Marsad.Extraction.Recognition.Dates;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// Alleged violations: a sentence naming a massacre (or an alleged violation) with calls to investigate becomes an
/// allegation with its date, place, perpetrator ("committed by X"), figures and investigation status; "no
/// investigation" or "unanswered" elsewhere in the report adds that the request has had no answer.
/// </summary>
internal static class AllegationAssembler
{
    private static readonly string[] ViolationWords = ["massacre", "massacres", "war crime", "war crimes", "violation", "violations", "unlawful"];

    public static List<Allegation> Assemble(DocumentFacts doc, DateOnly? published, Func<string, int, Guid> ids)
    {
        var result = new List<Allegation>();
        var v = doc.View;
        var unanswered = doc.Text.Contains("no investigation", StringComparison.OrdinalIgnoreCase) || doc.Text.Contains("unanswered", StringComparison.OrdinalIgnoreCase);
        foreach (var s in doc.Sentences)
        {
            var from = s.Sentence.FirstToken;
            var to = s.Sentence.EndToken;
            if (s.Stance.Commentary || doc.Paragraphs[s.Sentence.Paragraph].IsHeading || !HasAny(v, from, to, ViolationWords) || !HasAny(v, from, to, ["investigate", "investigation", "investigations", "accountable", "inquiry"]))
            {
                continue;
            }

            var date = s.Dates.FirstOrDefault(d => d.Kind == DateKind.Calendar) ?? s.Dates.FirstOrDefault(d => d.Kind != DateKind.Period);
            var perpetrator = s.Actors.FirstOrDefault(m => v.Is(m.FirstToken - 1, "by") || v.IsSequence(m.FirstToken - 2, ["by", "the"]))
                              ?? s.Actors.FirstOrDefault(m => !Assembly.ActorRoleAssigner.IsModifier(v, m) && !v.IsAny(m.EndToken, ["operatives", "members", "fighters"]));
            var place = s.Places.FirstOrDefault();
            var quantities = new Dictionary<string, Quantity>(StringComparer.Ordinal);
            foreach (var q in s.Quantities)
            {
                quantities.TryAdd(q.Name, q.Value);
            }

            // The history's steps need days: with neither the violation's date nor the document's, none is invented.
            var history = new List<InvestigationStep>();
            if ((date is { Span.IsUnresolved: false } ? date.Span.Start : published) is { } since)
            {
                history.Add(new(InvestigationStatus.Alleged, since));
                var requested = published is { } p && p >= since ? p : since;
                history.Add(new InvestigationStep(InvestigationStatus.InvestigationRequested, requested, unanswered ? "no investigation announced; appeals unanswered" : null));
            }
            var evidence = new Dictionary<string, TextSpan> { ["allegation"] = new(s.Sentence.Start, s.Sentence.End) };
            if (place is not null)
            {
                evidence["location"] = new TextSpan(place.Start, place.End);
            }

            result.Add(new Allegation
            {
                Id = ids(nameof(Allegation), result.Count),
                Summary = v.Slice(from, to),
                Kind = HasAny(v, from, to, ["massacre", "massacres"]) ? "massacre" : "violation",
                Date = date is { Span.IsUnresolved: false } ? date.Span : null,
                Location = place is null ? null : place.Location is { } l ? new Location(place.Name, l.PlaceId, l.Admin1, l.Admin2, l.Admin3, l.Point, l.Precision) : new Location(place.Name, null, null, null, null, null, place.Precision),
                AllegedPerpetrator = perpetrator?.Entry.Name,
                Quantities = new Quantities(quantities),
                History = [.. history],
                Evidence = new Evidence(evidence),
            });
        }

        return result;
    }

    private static bool HasAny(Text.TokenView v, int from, int to, ReadOnlySpan<string> words)
    {
        for (var i = from; i < to; i++)
        {
            if (v.IsAny(i, words))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Globalization;
using Marsad.Domain.Common;

namespace Marsad.Core.Corroboration;

/// <summary>
/// Scores whether two reports describe one incident, from how close their days, places, actors,
/// sub-types and death tolls are. Hard conflicts (same source, days or places too far apart,
/// wholly different actors) rule a pair out whatever else agrees.
/// </summary>
public sealed class PairScorer(CorroborationOptions options)
{
    private const double DateWeight = 0.25, PlaceWeight = 0.30, ActorWeight = 0.20, TypeWeight = 0.10, FatalityWeight = 0.15;

    /// <summary>The score in 0..1, or null when the pair cannot be one incident.</summary>
    public double? Score(EventSignature a, EventSignature b) => Evaluate(a, b, reasons: null);

    /// <summary>The decision with its reasons in words, for coders and the audit trail.</summary>
    public MatchDecision Explain(EventSignature a, EventSignature b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var reasons = new List<string>();
        var score = Evaluate(a, b, reasons);
        return new MatchDecision(a.Id, b.Id, score ?? 0, score >= options.Threshold, reasons);
    }

    private double? Evaluate(EventSignature a, EventSignature b, List<string>? reasons)
    {
        if (ShareSource(a, b))
        {
            reasons?.Add("same source: a source reports an incident once");
            return null;
        }

        if (a.Undated || b.Undated)
        {
            reasons?.Add("undated: no date to compare until the document's date is set");
            return null;
        }

        var gap = DayGap(a, b);
        if (gap > options.MaxDayGap)
        {
            reasons?.Add(Say($"{gap} days apart"));
            return null;
        }

        var date = gap switch { 0 => a.Start == b.Start && a.End == b.End ? 1.0 : 0.8, 1 => 0.55, _ => 0.25 };
        reasons?.Add(gap == 0 ? "same days" : Say($"{gap} day(s) apart"));

        double place;
        if (a.Latitude is { } lat1 && a.Longitude is { } lon1 && b.Latitude is { } lat2 && b.Longitude is { } lon2)
        {
            var km = new GeoPoint(lat1, lon1).DistanceKm(new GeoPoint(lat2, lon2));
            if (km > options.MaxDistanceKm)
            {
                reasons?.Add(Say($"{km:0.0} km apart"));
                return null;
            }

            place = km <= 2 ? 1 : km <= 5 ? 0.8 : km <= 8 ? 0.5 : 0.25;
            reasons?.Add(Say($"{km:0.0} km apart"));
        }
        else if (a.AdminArea is not null && string.Equals(a.AdminArea, b.AdminArea, StringComparison.Ordinal))
        {
            place = 0.6;
            reasons?.Add($"same area ({a.AdminArea})");
        }
        else
        {
            place = 0.3;
            reasons?.Add("place unknown for one report");
        }

        var actors = ActorAgreement(a, b);
        if (actors is null)
        {
            reasons?.Add("different actors");
            return null;
        }

        reasons?.Add(actors switch { 1 => "same actors", >= 0.7 => "an actor in common", _ => "actors unknown for one report" });
        var type = string.Equals(a.SubEventType, b.SubEventType, StringComparison.Ordinal) ? 1.0 : 0.6;
        if (type < 1)
        {
            reasons?.Add($"{a.SubEventType} / {b.SubEventType}");
        }

        var deaths = FatalityAgreement(a.Fatalities, b.Fatalities);
        if (a.Fatalities is not null && b.Fatalities is not null)
        {
            reasons?.Add(Say($"fatalities {a.Fatalities} / {b.Fatalities}"));
        }

        return DateWeight * date + PlaceWeight * place + ActorWeight * actors.Value + TypeWeight * type + FatalityWeight * deaths;
    }

    private static bool ShareSource(EventSignature a, EventSignature b)
    {
        foreach (var source in a.Sources)
        {
            foreach (var other in b.Sources)
            {
                if (string.Equals(source, other, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int DayGap(EventSignature a, EventSignature b)
    {
        if (a.End < b.Start)
        {
            return b.Start.DayNumber - a.End.DayNumber;
        }

        return b.End < a.Start ? a.Start.DayNumber - b.End.DayNumber : 0;
    }

    /// <summary>1 for the same pair of actors, 0.7 for one in common, 0.5 when a side is unknown, null when they differ outright.</summary>
    private static double? ActorAgreement(EventSignature a, EventSignature b)
    {
        int knownA = (a.Actor1 is null ? 0 : 1) + (a.Actor2 is null ? 0 : 1);
        int knownB = (b.Actor1 is null ? 0 : 1) + (b.Actor2 is null ? 0 : 1);
        if (knownA == 0 || knownB == 0)
        {
            return 0.5;
        }

        var common = 0;
        if (a.Actor1 is not null && (a.Actor1 == b.Actor1 || a.Actor1 == b.Actor2))
        {
            common++;
        }

        if (a.Actor2 is not null && a.Actor2 != a.Actor1 && (a.Actor2 == b.Actor1 || a.Actor2 == b.Actor2))
        {
            common++;
        }

        return common == 0 ? null : common == Math.Max(knownA, knownB) ? 1 : 0.7;
    }

    /// <summary>Reports round death tolls ("nearly 20" for 17), so close counts still agree; far-apart counts count against.</summary>
    private static double FatalityAgreement(int? a, int? b)
    {
        if (a is null || b is null)
        {
            return 0.5;
        }

        var difference = Math.Abs(a.Value - b.Value);
        return difference == 0 ? 1 : difference <= Math.Max(2, 0.3 * Math.Max(a.Value, b.Value)) ? 0.7 : 0;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Reports;

/// <summary>Which themed section an event belongs in, from its sub-type and tags (the first that fits wins).</summary>
public static class ReportSections
{
    public const string Movements = "Movements and reinforcements";
    public const string Security = "Security operations and arrests";
    public const string Strikes = "Strikes and fatalities";
    public const string Other = "Other events";
    public const string FalseClaims = "Claims found false";
    public const string FateUnknown = "Persons whose fate is unknown";
    public const string NoInvestigation = "Allegations without investigation";

    private static readonly string[] MovementTags = ["convoy", "reinforcement", "deployment", "withdrawal", "prisoner transfer", "patrol"];
    private static readonly string[] SecurityTags = ["joint operation", "raid", "exercise", "security operation", "arrest"];

    public static string Of(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Tags.Any(t => SecurityTags.Contains(t, StringComparer.OrdinalIgnoreCase)) || e.SubEventType == AcledSubEventType.Arrests)
        {
            return Security;
        }

        if (e.Tags.Any(t => MovementTags.Contains(t, StringComparer.OrdinalIgnoreCase))
            || e.SubEventType == AcledSubEventType.HeadquartersOrBaseEstablished || e.SubEventType == AcledSubEventType.NonViolentTransferOfTerritory)
        {
            return Movements;
        }

        var killed = e.Quantities.TryGetValue(Quantities.Names.Fatalities, out var f) && (f.Best ?? f.Low ?? 0) > 0;
        return e.EventType == AcledEventType.ExplosionsRemoteViolence || e.EventType == AcledEventType.Battles
            || e.EventType == AcledEventType.ViolenceAgainstCivilians || killed ? Strikes : Other;
    }
}

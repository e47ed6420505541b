using Marsad.Domain.Events;

namespace Marsad.Core.Exchange.Formats;

/// <summary>
/// ACLED's actor kinds (inter codes) for events Marsad wrote itself, read from the canonical actor names, which
/// follow ACLED's naming: 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters,
/// 6 protesters, 7 civilians, 8 external or other forces, 0 no actor. Imported rows keep the codes their source gave.
/// </summary>
public static class ActorKinds
{
    public static int InterCode(string? actor) => actor switch
    {
        null => 0,
        _ when actor.StartsWith("Civilians", StringComparison.Ordinal) => 7,
        _ when actor.StartsWith("Protesters", StringComparison.Ordinal) => 6,
        _ when actor.StartsWith("Rioters", StringComparison.Ordinal) => 5,
        _ when actor.Contains("Forces of Syria", StringComparison.Ordinal) => 1,
        _ when actor.Contains("Forces of ", StringComparison.Ordinal) || actor.StartsWith("Global Coalition", StringComparison.Ordinal) => 8,
        _ when actor.Contains("Communal Militia", StringComparison.Ordinal) || actor.Contains("Ethnic Militia", StringComparison.Ordinal) => 4,
        _ when actor.Contains("Militia", StringComparison.Ordinal) || actor.StartsWith("Unidentified", StringComparison.Ordinal) => 3,
        _ => 2,
    };

    /// <summary>ACLED's interaction code: the two inter codes, smaller first (an actor alone: its code times ten).</summary>
    public static int Interaction(int inter1, int inter2) =>
        inter2 == 0 ? inter1 * 10 : inter1 == 0 ? inter2 * 10 : Math.Min(inter1, inter2) * 10 + Math.Max(inter1, inter2);

    public static bool TargetsCivilians(ConflictEvent e) =>
        e.EventType == AcledEventType.ViolenceAgainstCivilians || InterCode(e.Actor2) == 7;
}

using Marsad.Domain.Events;

namespace Marsad.Core.Corroboration;

/// <summary>
/// Sub-event types that different outlets may use for one incident ("shelling" in one report,
/// "airstrike" in another) form a family; only events of the same family are compared at all.
/// </summary>
public static class SubTypeFamilies
{
    private static readonly Dictionary<string, string> Families = new(StringComparer.Ordinal)
    {
        [AcledSubEventType.ArmedClash.Label] = "battle",
        [AcledSubEventType.GovernmentRegainsTerritory.Label] = "battle",
        [AcledSubEventType.NonStateActorOvertakesTerritory.Label] = "battle",
        [AcledSubEventType.AirDroneStrike.Label] = "remote",
        [AcledSubEventType.ShellingArtilleryMissileAttack.Label] = "remote",
        [AcledSubEventType.RemoteExplosiveLandmineIed.Label] = "explosive",
        [AcledSubEventType.SuicideBomb.Label] = "explosive",
        [AcledSubEventType.Grenade.Label] = "explosive",
        [AcledSubEventType.Attack.Label] = "civilians",
        [AcledSubEventType.AbductionForcedDisappearance.Label] = "civilians",
        [AcledSubEventType.SexualViolence.Label] = "civilians",
        [AcledSubEventType.PeacefulProtest.Label] = "demonstration",
        [AcledSubEventType.ProtestWithIntervention.Label] = "demonstration",
        [AcledSubEventType.ExcessiveForceAgainstProtesters.Label] = "demonstration",
        [AcledSubEventType.ViolentDemonstration.Label] = "demonstration",
        [AcledSubEventType.MobViolence.Label] = "demonstration",
    };

    /// <summary>The family of a sub-event type label; a type without a family is its own.</summary>
    public static string Of(string subEventType) => Families.TryGetValue(subEventType, out var family) ? family : subEventType;
}

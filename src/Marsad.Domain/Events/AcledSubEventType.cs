namespace Marsad.Domain.Events;

/// <summary>ACLED's 25 sub-event types, each under its one event type, in ACLED's own words. A closed set.</summary>
public sealed record AcledSubEventType
{
    private AcledSubEventType(AcledEventType eventType, string label)
    {
        EventType = eventType;
        Label = label;
    }

    public AcledEventType EventType { get; }

    public string Label { get; }

    public static AcledSubEventType ArmedClash { get; } = new(AcledEventType.Battles, "Armed clash");
    public static AcledSubEventType GovernmentRegainsTerritory { get; } = new(AcledEventType.Battles, "Government regains territory");
    public static AcledSubEventType NonStateActorOvertakesTerritory { get; } = new(AcledEventType.Battles, "Non-state actor overtakes territory");

    public static AcledSubEventType ChemicalWeapon { get; } = new(AcledEventType.ExplosionsRemoteViolence, "Chemical weapon");
    public static AcledSubEventType AirDroneStrike { get; } = new(AcledEventType.ExplosionsRemoteViolence, "Air/drone strike");
    public static AcledSubEventType SuicideBomb { get; } = new(AcledEventType.ExplosionsRemoteViolence, "Suicide bomb");
    public static AcledSubEventType ShellingArtilleryMissileAttack { get; } = new(AcledEventType.ExplosionsRemoteViolence, "Shelling/artillery/missile attack");
    public static AcledSubEventType RemoteExplosiveLandmineIed { get; } = new(AcledEventType.ExplosionsRemoteViolence, "Remote explosive/landmine/IED");
    public static AcledSubEventType Grenade { get; } = new(AcledEventType.ExplosionsRemoteViolence, "Grenade");

    public static AcledSubEventType SexualViolence { get; } = new(AcledEventType.ViolenceAgainstCivilians, "Sexual violence");
    public static AcledSubEventType Attack { get; } = new(AcledEventType.ViolenceAgainstCivilians, "Attack");
    public static AcledSubEventType AbductionForcedDisappearance { get; } = new(AcledEventType.ViolenceAgainstCivilians, "Abduction/forced disappearance");

    public static AcledSubEventType PeacefulProtest { get; } = new(AcledEventType.Protests, "Peaceful protest");
    public static AcledSubEventType ProtestWithIntervention { get; } = new(AcledEventType.Protests, "Protest with intervention");
    public static AcledSubEventType ExcessiveForceAgainstProtesters { get; } = new(AcledEventType.Protests, "Excessive force against protesters");

    public static AcledSubEventType ViolentDemonstration { get; } = new(AcledEventType.Riots, "Violent demonstration");
    public static AcledSubEventType MobViolence { get; } = new(AcledEventType.Riots, "Mob violence");

    public static AcledSubEventType Agreement { get; } = new(AcledEventType.StrategicDevelopments, "Agreement");
    public static AcledSubEventType Arrests { get; } = new(AcledEventType.StrategicDevelopments, "Arrests");
    public static AcledSubEventType ChangeToGroupActivity { get; } = new(AcledEventType.StrategicDevelopments, "Change to group/activity");
    public static AcledSubEventType DisruptedWeaponsUse { get; } = new(AcledEventType.StrategicDevelopments, "Disrupted weapons use");
    public static AcledSubEventType HeadquartersOrBaseEstablished { get; } = new(AcledEventType.StrategicDevelopments, "Headquarters or base established");
    public static AcledSubEventType LootingPropertyDestruction { get; } = new(AcledEventType.StrategicDevelopments, "Looting/property destruction");
    public static AcledSubEventType NonViolentTransferOfTerritory { get; } = new(AcledEventType.StrategicDevelopments, "Non-violent transfer of territory");
    public static AcledSubEventType Other { get; } = new(AcledEventType.StrategicDevelopments, "Other");

    public static IReadOnlyList<AcledSubEventType> All { get; } =
    [
        ArmedClash, GovernmentRegainsTerritory, NonStateActorOvertakesTerritory,
        ChemicalWeapon, AirDroneStrike, SuicideBomb, ShellingArtilleryMissileAttack, RemoteExplosiveLandmineIed, Grenade,
        SexualViolence, Attack, AbductionForcedDisappearance,
        PeacefulProtest, ProtestWithIntervention, ExcessiveForceAgainstProtesters,
        ViolentDemonstration, MobViolence,
        Agreement, Arrests, ChangeToGroupActivity, DisruptedWeaponsUse, HeadquartersOrBaseEstablished,
        LootingPropertyDestruction, NonViolentTransferOfTerritory, Other,
    ];

    /// <summary>The sub-type with this exact ACLED label, or null.</summary>
    public static AcledSubEventType? FromLabel(string? label) => All.FirstOrDefault(t => string.Equals(t.Label, label, StringComparison.Ordinal));

    public override string ToString() => Label;
}

namespace Marsad.Domain.Records;

/// <summary>What is known of a person's situation. New values are appended so stored numbers never shift.</summary>
public enum PersonStatus
{
    Detained,
    Abducted,
    Missing,
    Killed,
    Injured,
    Released,

    /// <summary>Death confirmed (by family, a death certificate, a holder's admission) without a killing being reported.</summary>
    ConfirmedDead,

    /// <summary>The person's remains were found or identified.</summary>
    RemainsFound,
}

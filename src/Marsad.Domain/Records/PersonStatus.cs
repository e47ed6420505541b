namespace Marsad.Domain.Records;

/// <summary>What is known of a person's situation.</summary>
public enum PersonStatus
{
    Detained,
    Abducted,
    Missing,
    Killed,
    Injured,
    Released,
}

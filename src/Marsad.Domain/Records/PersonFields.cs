using System.Collections.Frozen;

namespace Marsad.Domain.Records;

/// <summary>
/// The sensitive fields of a <see cref="Person"/>, by their stored (snake_case) names: the ones only editors
/// read unless an editor lists them in <see cref="Person.PublicFields"/> or marks the whole record public.
/// </summary>
public static class PersonFields
{
    /// <summary>The exact place of the last sighting.</summary>
    public const string LastSeenAt = "last_seen_at";

    /// <summary>The places in the status history (where abducted, released, found).</summary>
    public const string HistoryPlaces = "history_places";

    public const string DateOfBirth = "date_of_birth";

    public const string FamilyDetails = "family_details";

    public const string Contacts = "contacts";

    public static FrozenSet<string> Sensitive { get; } = FrozenSet.ToFrozenSet([LastSeenAt, HistoryPlaces, DateOfBirth, FamilyDetails, Contacts], StringComparer.Ordinal);
}

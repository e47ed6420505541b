using Marsad.Core.Access;
using Marsad.Domain.Common;
using Marsad.Domain.Records;

namespace Marsad.Core.Registers.Persons;

/// <summary>
/// A person as a role may see them. Below editor, each sensitive field (<see cref="PersonFields"/>) an editor has
/// not released is withheld: dates of birth, family details and contacts are dropped, exact places are cut down to
/// their governorate. The public, on a record not marked public, also loses fate, holder and aliases. Applied in
/// the query layer, so no output format ever holds the withheld values.
/// </summary>
public static class PersonMask
{
    public static (Person Person, IReadOnlyList<string> Withheld) For(Person person, Role role)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (role.SeesSensitivePersonFields())
        {
            return (person, []);
        }

        var withheld = new List<string>();
        bool Withhold(string field, bool present)
        {
            var hide = present && !person.IsReleased(field);
            if (hide)
            {
                withheld.Add(field);
            }

            return hide;
        }

        var masked = person;
        if (Withhold(PersonFields.LastSeenAt, person.LastSeenAt is not null))
        {
            masked = masked with { LastSeenAt = Coarse(person.LastSeenAt) };
        }

        if (Withhold(PersonFields.HistoryPlaces, person.History.Any(s => s.Place is not null)))
        {
            masked = masked with { History = [.. person.History.Select(s => new PersonStatusStep(s.Status, s.When, Coarse(s.Place), s.Note))] };
        }

        if (Withhold(PersonFields.DateOfBirth, person.DateOfBirth is not null))
        {
            masked = masked with { DateOfBirth = null };
        }

        if (Withhold(PersonFields.FamilyDetails, person.FamilyDetails is not null))
        {
            masked = masked with { FamilyDetails = null };
        }

        if (Withhold(PersonFields.Contacts, person.Contacts is not null))
        {
            masked = masked with { Contacts = null };
        }

        // The public meets a record an editor has not marked public only by name, status, group size and dates:
        // fate and holder are free text that often names the place of detention, and an alias can identify.
        if (role == Role.Public && person.Sensitive)
        {
            if (Withhold(PublicOnlyFields.Fate, person.Fate is not null))
            {
                masked = masked with { Fate = null };
            }

            if (Withhold(PublicOnlyFields.HeldBy, person.HeldBy is not null))
            {
                masked = masked with { HeldBy = null };
            }

            if (Withhold(PublicOnlyFields.Aliases, person.Aliases.Length > 0))
            {
                masked = masked with { Aliases = [] };
            }

            masked = masked with { Evidence = Evidence.None };
        }

        // The evidence spans point into report text that may name the exact place; they go with the places.
        if (withheld.Contains(PersonFields.LastSeenAt) || withheld.Contains(PersonFields.HistoryPlaces))
        {
            masked = masked with { Evidence = Evidence.None };
        }

        return (masked, withheld);
    }

    /// <summary>Fields withheld from the public only (the team reads them): they are not editor-releasable one by one.</summary>
    private static class PublicOnlyFields
    {
        public const string Fate = "fate";
        public const string HeldBy = "held_by";
        public const string Aliases = "aliases";
    }

    /// <summary>Only the governorate of an exact place (or nothing, when the governorate is not known).</summary>
    private static Location? Coarse(Location? place) =>
        place?.Admin1 is { } admin1 ? new Location(admin1, null, admin1, null, null, null, GeoPrecision.Region) : null;
}

using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Access;

/// <summary>What the public may know of a person: the name, what happened to them, and how many for a group. Nothing else.</summary>
public sealed record PublicPerson(Guid Id, string Name, PersonStatus Status, Quantity? GroupSize);

/// <summary>
/// Persons, claims and allegations as a role may see them: the public gets published records only, and
/// persons only as <see cref="PublicPerson"/>. Every page and API reads these registers through here, so
/// masking rules (sensitive fields, editors' release of a record) have one place to live.
/// </summary>
public static class RecordViews
{
    public static bool Visible(EventStatus reviewStatus, Role role) => role.SeesUnpublished() || reviewStatus == EventStatus.Published;

    public static object Person(Person person, Role role)
    {
        ArgumentNullException.ThrowIfNull(person);
        return role.SeesUnpublished() ? person : new PublicPerson(person.Id, person.Name, person.Status, person.GroupSize);
    }

    public static async Task<IReadOnlyList<object>> PersonsAsync(IMarsadStore store, Role role, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = await store.Records.ListAsync<Person>(int.MaxValue, cancellationToken);
        return [.. all.Where(p => Visible(p.Value.ReviewStatus, role)).Take(limit).Select(p => Person(p.Value, role))];
    }

    public static async Task<IReadOnlyList<Claim>> ClaimsAsync(IMarsadStore store, Role role, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = await store.Records.ListAsync<Claim>(int.MaxValue, cancellationToken);
        return [.. all.Where(c => Visible(c.Value.Status, role)).Take(limit).Select(c => c.Value)];
    }

    public static async Task<IReadOnlyList<Allegation>> AllegationsAsync(IMarsadStore store, Role role, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = await store.Records.ListAsync<Allegation>(int.MaxValue, cancellationToken);
        return [.. all.Where(a => Visible(a.Value.ReviewStatus, role)).Take(limit).Select(a => a.Value)];
    }
}

using Marsad.Core.Registers;
using Marsad.Core.Storage;
using Marsad.Domain.Records;

namespace Marsad.Core.Access;

/// <summary>
/// Persons, claims and allegations for the dashboard and API, read through the registers' query layer
/// (<see cref="IRegisterQueries"/>), so the web applies exactly the rules the CLI does: published records
/// only for the public, sensitive person fields withheld below editor unless an editor released them,
/// confidential sources masked.
/// </summary>
public static class RecordViews
{
    public static Task<IReadOnlyList<Person>> PersonsAsync(IMarsadStore store, Role role, int limit, CancellationToken cancellationToken = default) =>
        ListAsync<Person>(store, role, limit, cancellationToken);

    public static Task<IReadOnlyList<Claim>> ClaimsAsync(IMarsadStore store, Role role, int limit, CancellationToken cancellationToken = default) =>
        ListAsync<Claim>(store, role, limit, cancellationToken);

    public static Task<IReadOnlyList<Allegation>> AllegationsAsync(IMarsadStore store, Role role, int limit, CancellationToken cancellationToken = default) =>
        ListAsync<Allegation>(store, role, limit, cancellationToken);

    private static async Task<IReadOnlyList<T>> ListAsync<T>(IMarsadStore store, Role role, int limit, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        var items = await store.Registers.ListAsync<T>(new RegisterQuery { Limit = limit }, role, cancellationToken);
        return [.. items.Select(i => i.Record)];
    }
}

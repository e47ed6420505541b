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

    /// <summary>A register filtered (status, text) as the role may see it, each record as the registers' export writes it (fields, version, sources, what was withheld).</summary>
    public static async Task<System.Text.Json.Nodes.JsonArray> FilteredAsync<T>(IMarsadStore store, Role role, RegisterQuery query, DateOnly today, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        var items = await store.Registers.ListAsync<T>(query, role, cancellationToken);
        return [.. items.Select(i => (System.Text.Json.Nodes.JsonNode?)Exchange.RegisterExporter.JsonOf(i, today))];
    }

    /// <summary>One record by its id or a 6+ character prefix, as the role may see it; null when there is none the role may see.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject?> OneAsync<T>(IMarsadStore store, Role role, string idOrPrefix, DateOnly today, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.Registers.FindAsync<T>(idOrPrefix, role, cancellationToken) is { } item ? Exchange.RegisterExporter.JsonOf(item, today) : null;
    }

    /// <summary>The filtered register as CSV or JSON, written by the same exporter as <c>marsad persons list --format csv</c>.</summary>
    public static async Task<string> ExportAsync<T>(IMarsadStore store, Role role, RegisterQuery query, string format, DateOnly today, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        var items = await store.Registers.ListAsync<T>(query, role, cancellationToken);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        if (format == "csv")
        {
            Exchange.RegisterExporter.WriteCsv(writer, items, today);
        }
        else
        {
            Exchange.RegisterExporter.WriteJson(writer, items, today);
        }

        return writer.ToString();
    }
}

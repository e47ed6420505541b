using Marsad.Core.Storage;
using Marsad.Domain.Audit;

namespace Marsad.Core.Audit;

/// <summary>
/// Seals rows of a <see cref="SealedTable"/> just written, inside the writer's transaction: reads them back as stored
/// (so the sealed form is exactly what verify will read) and appends one revision per row.
/// </summary>
internal static class RowSealer
{
    public static async Task SealAsync(WriteSession session, SealedTable table, string where, IReadOnlyList<(string Name, object? Value)> parameters, ChangeContext context, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var rows = new List<(Guid Id, string Json)>();
        var select = session.Command($"{table.SelectSql} WHERE {where}");
        foreach (var (name, value) in parameters)
        {
            select.AddParameter(name, value);
        }

        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(SealedRow.Read(table, reader));
            }
        }

        var known = await KnownAsync(session, table.EntityType, rows.Select(r => r.Id).ToList(), cancellationToken);
        await RevisionWriter.AppendManyAsync(session,
            [.. rows.Select(r => (table.EntityType, r.Id, known.Contains(r.Id) ? RevisionAction.Update : RevisionAction.Insert, r.Json, SealedRow.State(r.Json)))],
            context, at, cancellationToken);
    }

    /// <summary>Which of these rows the chain already names (their revision is then an update), asked a few hundred at a time.</summary>
    private static async Task<HashSet<Guid>> KnownAsync(WriteSession session, string entityType, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var known = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
        {
            var names = chunk.Select((_, i) => "@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var query = session.Command($"SELECT DISTINCT entity_id FROM revisions WHERE entity_type = @type AND entity_id IN ({string.Join(", ", names)})");
            query.AddParameter("@type", entityType);
            for (var i = 0; i < chunk.Length; i++)
            {
                query.AddParameter(names[i], chunk[i].ToString("D"));
            }

            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                known.Add(Guid.Parse(reader.GetString(0)));
            }
        }

        return known;
    }

    /// <summary>The author of writes that no person's command names (registers of sources and accounts kept by an administrator).</summary>
    public static ChangeContext Administrator(string reason) => new(string.IsNullOrWhiteSpace(Environment.UserName) ? "administrator" : Environment.UserName, reason);
}

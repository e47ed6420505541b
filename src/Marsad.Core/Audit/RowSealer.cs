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

        foreach (var (id, json) in rows)
        {
            var known = session.Command("SELECT COUNT(*) FROM revisions WHERE entity_type = @type AND entity_id = @id");
            known.AddParameter("@type", table.EntityType).AddParameter("@id", id.ToString("D"));
            var action = Convert.ToInt64(await known.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0
                ? RevisionAction.Update : RevisionAction.Insert;
            await RevisionWriter.AppendAsync(session, table.EntityType, id, action, context, json, SealedRow.State(json), at, cancellationToken);
        }
    }

    /// <summary>The author of writes that no person's command names (registers of sources and accounts kept by an administrator).</summary>
    public static ChangeContext Administrator(string reason) => new(string.IsNullOrWhiteSpace(Environment.UserName) ? "administrator" : Environment.UserName, reason);
}

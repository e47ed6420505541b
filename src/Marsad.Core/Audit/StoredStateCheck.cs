using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Audit;

/// <summary>
/// The second half of <c>audit verify</c>: every stored row is the state its last revision sealed, every sealed entity
/// still has its row, and what is derived from a sealed record (an event's status, fatalities, merge and query columns,
/// its document links) is re-derived from the sealed payload and compared. Each failure names the table and column.
/// </summary>
internal sealed class StoredStateCheck(DbConnection connection, IReadOnlyDictionary<(string Type, string Id), (long Seq, string State)> lastState)
{
    private const int MaxFailures = 1000;
    private readonly HashSet<(string Type, string Id)> _seen = [];
    private readonly List<AuditFailure> _failures = [];

    public async Task<IReadOnlyList<AuditFailure>> RunAsync(CancellationToken cancellationToken)
    {
        var links = await LinksAsync(cancellationToken);
        foreach (var kind in RecordKinds.All)
        {
            await CheckRecordsAsync(kind, links, cancellationToken);
        }

        foreach (var (type, id) in links.Keys.Where(k => !_seen.Contains(k)))
        {
            Add(new AuditFailure(0, type, id, "record_documents links a record that does not exist: the link was added outside Marsad"));
        }

        foreach (var table in SealedTable.All)
        {
            await CheckSealedTableAsync(table, cancellationToken);
        }

        var tracked = RecordKinds.All.Select(k => k.EntityType).Concat(SealedTable.All.Select(t => t.EntityType)).ToHashSet(StringComparer.Ordinal);
        foreach (var ((type, id), (seq, _)) in lastState)
        {
            if (tracked.Contains(type) && !_seen.Contains((type, id)))
            {
                Add(new AuditFailure(seq, type, id, $"the sealed {type} has no row: it was deleted outside Marsad"));
            }
        }

        return [.. _failures.OrderBy(f => f.Sequence).ThenBy(f => f.EntityId, StringComparer.Ordinal)];
    }

    private async Task CheckRecordsAsync(RecordKind kind, Dictionary<(string, string), HashSet<string>> links, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(null, $"SELECT * FROM {kind.Table}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(columns["id"]);
            var payload = reader.GetString(columns["payload"]);
            _seen.Add((kind.EntityType, id));
            if (!lastState.TryGetValue((kind.EntityType, id), out var sealedState))
            {
                Add(new AuditFailure(0, kind.EntityType, id, $"the stored {kind.EntityType} has no revision: it was added outside Marsad"));
                continue;
            }

            if (!string.Equals(sealedState.State, RevisionHasher.Sha256Hex(payload), StringComparison.Ordinal))
            {
                Add(new AuditFailure(sealedState.Seq, kind.EntityType, id, $"{kind.Table}.payload: the stored {kind.EntityType} differs from the state this revision sealed: it was changed outside Marsad"));
                continue;
            }

            object record;
            try
            {
                record = JsonSerializer.Deserialize(payload, kind.ClrType, MarsadJson.Options) ?? throw new JsonException("null payload");
            }
            catch (JsonException ex)
            {
                Add(new AuditFailure(sealedState.Seq, kind.EntityType, id, $"{kind.Table}.payload cannot be read: {ex.Message}"));
                continue;
            }

            var expected = kind.Columns(record).Append(new("status", kind.Status(record)));
            foreach (var (name, value) in expected)
            {
                if (columns.TryGetValue(name, out var ordinal) && !string.Equals(Normal(value), Normal(reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal)), StringComparison.Ordinal))
                {
                    Add(new AuditFailure(sealedState.Seq, kind.EntityType, id, $"{kind.Table}.{name} differs from the sealed payload: the column was changed outside Marsad"));
                }
            }

            var sealedLinks = kind.Documents(record).Select(d => d.ToString("D")).ToHashSet(StringComparer.Ordinal);
            var storedLinks = links.GetValueOrDefault((kind.EntityType, id)) ?? [];
            if (!sealedLinks.SetEquals(storedLinks))
            {
                Add(new AuditFailure(sealedState.Seq, kind.EntityType, id, "record_documents (its document links) differ from the sealed payload: a link was added or removed outside Marsad"));
            }
        }
    }

    private async Task CheckSealedTableAsync(SealedTable table, CancellationToken cancellationToken)
    {
        var mismatched = new List<(long Seq, Guid Id, string Json)>();
        await using (var command = connection.Sql(null, table.SelectSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (id, json) = SealedRow.Read(table, reader);
                var key = (table.EntityType, id.ToString("D"));
                _seen.Add(key);
                if (!lastState.TryGetValue(key, out var sealedState))
                {
                    Add(new AuditFailure(0, table.EntityType, key.Item2, $"the {table.Table} row has no revision: it was added outside Marsad"));
                }
                else if (!string.Equals(sealedState.State, SealedRow.State(json), StringComparison.Ordinal) && !IsLegacyDocument(table, sealedState.State, reader))
                {
                    mismatched.Add((sealedState.Seq, id, json));
                }
            }
        }

        foreach (var (seq, id, json) in mismatched)
        {
            await using var command = connection.Sql(null, "SELECT changes FROM revisions WHERE seq = @seq");
            command.AddParameter("@seq", seq);
            var sealedJson = await command.ExecuteScalarAsync(cancellationToken) as string ?? "";
            var columns = SealedRow.Differences(table, sealedJson, json).Select(c => $"{table.Table}.{c}");
            Add(new AuditFailure(seq, table.EntityType, id.ToString("D"), $"{string.Join(", ", columns)} differ from the state this revision sealed: changed outside Marsad"));
        }
    }

    /// <summary>Documents stored before whole rows were sealed carry the hash of their clean text alone.</summary>
    private static bool IsLegacyDocument(SealedTable table, string sealedState, DbDataReader reader) =>
        table == SealedTable.Documents
        && string.Equals(sealedState, RevisionHasher.Sha256Hex(reader.GetString(table.Columns.ToList().IndexOf("clean_text"))), StringComparison.Ordinal);

    private async Task<Dictionary<(string, string), HashSet<string>>> LinksAsync(CancellationToken cancellationToken)
    {
        var links = new Dictionary<(string, string), HashSet<string>>();
        await using var command = connection.Sql(null, "SELECT record_kind, record_id, document_id FROM record_documents");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!links.TryGetValue(key, out var set))
            {
                links[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(reader.GetString(2));
        }

        return links;
    }

    private static string? Normal(object? value) => value switch
    {
        null or DBNull => null,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        long or int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private void Add(AuditFailure failure)
    {
        if (_failures.Count < MaxFailures)
        {
            _failures.Add(failure);
        }
    }
}

using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Storage;

namespace Marsad.Core.Events;

/// <summary>
/// The source names of events, as a role sees them, for a listing or an export: read from each event's own document
/// ids (its payload's <c>document_ids</c>, which record_documents mirrors link for link, as the audit's stored-state
/// check verifies), each document's source looked up once and kept. A page's new documents are read in one query;
/// a correlated lookup of the link table for every row, in date order, cost more than the rest of reading the row.
/// The kept names are bounded (<see cref="MaxKept"/>), so a million-event stream holds no more than a page's worth.
/// </summary>
internal sealed class DocumentSourceNames(Role role)
{
    private const int MaxKept = 100_000;
    private const int Chunk = 500;
    private readonly Dictionary<Guid, string?> _names = [];

    /// <summary>Each payload's source names, sorted (ordinal) and distinct, read inside <paramref name="tx"/> when given.</summary>
    public async Task<IReadOnlyList<string>[]> ForAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<ReadOnlyMemory<byte>> payloads, CancellationToken cancellationToken)
    {
        var documents = new Guid[payloads.Count][];
        var missing = new HashSet<Guid>();
        if (_names.Count > MaxKept)
        {
            _names.Clear();
        }

        for (var i = 0; i < payloads.Count; i++)
        {
            documents[i] = DocumentIds(payloads[i].Span);
            foreach (var document in documents[i])
            {
                if (!_names.ContainsKey(document))
                {
                    missing.Add(document);
                }
            }
        }

        foreach (var chunk in missing.Chunk(Chunk))
        {
            await ReadAsync(connection, tx, chunk, cancellationToken);
        }

        var result = new IReadOnlyList<string>[payloads.Count];
        for (var i = 0; i < payloads.Count; i++)
        {
            result[i] = Names(documents[i]);
        }

        return result;
    }

    private IReadOnlyList<string> Names(Guid[] documents)
    {
        if (documents.Length == 0)
        {
            return [];
        }

        if (documents.Length == 1)
        {
            return _names.GetValueOrDefault(documents[0]) is { } only ? [only] : [];
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (_names.GetValueOrDefault(document) is { } name)
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    private async Task ReadAsync(DbConnection connection, DbTransaction? tx, Guid[] documents, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        var parameters = documents.Select((_, i) => "@d" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        command.CommandText = $"""
            SELECT d.id, s.name, COALESCE(s.confidential, 0)
            FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE d.id IN ({string.Join(", ", parameters)})
            """;
        for (var i = 0; i < documents.Length; i++)
        {
            command.AddParameter(parameters[i], documents[i].ToString("D"));
            // A document the database does not hold (a link cannot name one) gives no name.
            _names[documents[i]] = null;
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var confidential = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) != 0;
            _names[Guid.Parse(reader.GetString(0))] = confidential && !role.SeesConfidentialSources()
                ? RoleRules.ConfidentialSourceName
                : reader.GetStringOrNull(1) ?? RecordSourceNames.Unnamed;
        }
    }

    /// <summary>The payload's top-level <c>document_ids</c>, read without reading the rest of the event.</summary>
    private static Guid[] DocumentIds(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(RecordKind.DocumentsField))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return [];
            }

            var ids = new List<Guid>(1);
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                ids.Add(reader.GetGuid());
            }

            return [.. ids];
        }

        return [];
    }
}

using System.Data.Common;
using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Storage;

namespace Marsad.Core.Events;

/// <summary>
/// The source names of events, as a role sees them, for a listing or an export: read from each event's own document
/// ids (its payload's <c>document_ids</c>, which record_documents mirrors link for link, as the audit's stored-state
/// check verifies), each document's source looked up once and kept. A page's new documents are read in one query;
/// a correlated lookup of the link table for every row, in date order, cost more than the rest of reading the row.
/// The kept names are bounded (<see cref="MaxKept"/>), so a million-event stream holds no more than a page's worth.
/// With a <see cref="Shared"/> set (one per state of the database, see <see cref="EventQueries"/>), the pages read in
/// that state look each document up once between them, not once a page.
/// </summary>
/// With <c>atHead</c>, each lookup also reads the audit chain's head in the same statement: one read at another head
/// (or finding none of its documents) leaves <see cref="Consistent"/> false and adds nothing to the shared set.
internal sealed class DocumentSourceNames(Role role, DocumentSourceNames.Shared? shared = null, long? atHead = null)
{
    private const int MaxKept = 100_000;
    private const int Chunk = 500;
    private readonly Dictionary<Guid, string?> _names = [];

    /// <summary>False once a lookup was read at another head than the one asked for (always true without one).</summary>
    public bool Consistent { get; private set; } = true;

    /// <summary>
    /// Documents' sources as stored (name and whether it is confidential, before any role's mask), for every listing
    /// read in one state of the database: it is dropped with the state, at the next commit, so it never outlives what
    /// it was read from. Bounded like the names of one listing.
    /// </summary>
    internal sealed class Shared
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (string? Name, bool Confidential)> _sources = new();
        private int _count;

        public bool TryGet(Guid document, out (string? Name, bool Confidential) source) => _sources.TryGetValue(document, out source);

        public void Add(Guid document, (string? Name, bool Confidential) source)
        {
            if (Volatile.Read(ref _count) < MaxKept && _sources.TryAdd(document, source))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }

    /// <summary>The source names of each event's documents (its payload's, see <see cref="ListingFields"/>), sorted (ordinal) and distinct, read inside <paramref name="tx"/> when given.</summary>
    public async Task<IReadOnlyList<string>[]> ForAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<Guid[]> documents, CancellationToken cancellationToken)
    {
        var missing = new HashSet<Guid>();
        if (_names.Count > MaxKept)
        {
            _names.Clear();
        }

        for (var i = 0; i < documents.Count; i++)
        {
            foreach (var document in documents[i])
            {
                if (_names.ContainsKey(document))
                {
                    continue;
                }

                if (shared is not null && shared.TryGet(document, out var source))
                {
                    _names[document] = Mask(source);
                }
                else
                {
                    missing.Add(document);
                }
            }
        }

        foreach (var chunk in missing.Chunk(Chunk))
        {
            await ReadAsync(connection, tx, chunk, cancellationToken);
        }

        var result = new IReadOnlyList<string>[documents.Count];
        for (var i = 0; i < documents.Count; i++)
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
            SELECT d.id, s.name, COALESCE(s.confidential, 0){(atHead is null ? "" : ", (SELECT COALESCE(MAX(seq), 0) FROM revisions)")}
            FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE d.id IN ({string.Join(", ", parameters)})
            """;
        var found = new Dictionary<Guid, (string? Name, bool Confidential)>(documents.Length);
        for (var i = 0; i < documents.Length; i++)
        {
            command.AddParameter(parameters[i], documents[i].ToString("D"));
        }

        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[Guid.Parse(reader.GetString(0))] = (reader.GetStringOrNull(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) != 0);
                if (atHead is { } head && reader.GetInt64(3) != head)
                {
                    Consistent = false;
                }
            }
        }

        if (atHead is not null && found.Count == 0)
        {
            Consistent = false;
        }

        var share = Consistent ? shared : null;

        foreach (var document in documents)
        {
            if (found.TryGetValue(document, out var source))
            {
                _names[document] = Mask(source);
                share?.Add(document, source);
            }
            else
            {
                // A document the database does not hold (a link cannot name one) gives no name.
                _names[document] = null;
            }
        }
    }

    /// <summary>The source's name as the role may read it.</summary>
    private string Mask((string? Name, bool Confidential) source) =>
        source.Confidential && !role.SeesConfidentialSources() ? RoleRules.ConfidentialSourceName : source.Name ?? RecordSourceNames.Unnamed;
}

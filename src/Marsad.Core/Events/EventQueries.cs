using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Audit;
using Marsad.Core.Corroboration;
using Marsad.Core.Events.Search;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Core.Events;

/// <summary>Event listing over ADO.NET, with the role's rules applied in SQL and in source masking.</summary>
internal sealed class EventQueries(SqlDialect dialect) : IEventQueries
{
    private const int StreamPageSize = 1000;
    private readonly ChangeWatch _watch = new(dialect);
    private DataState? _state;

    public async Task<IReadOnlyList<EventListItem>> ListAsync(EventQuery query, Role role, CancellationToken cancellationToken = default) =>
        [.. (await ListJsonAsync(query, role, withPlaceLines: false, cancellationToken)).Select(r => new EventListItem(JsonSerializer.Deserialize<ConflictEvent>(r.Payload.Span, MarsadJson.Options)!, r.Version, r.Sources))];

    public Task<IReadOnlyList<EventJson>> ListJsonAsync(EventQuery query, Role role, CancellationToken cancellationToken = default) =>
        ListJsonAsync(query, role, withPlaceLines: true, cancellationToken);

    private async Task<IReadOnlyList<EventJson>> ListJsonAsync(EventQuery query, Role role, bool withPlaceLines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await SyncTextIndexAsync(query, cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        // The state the change counter was last read with (a web request reads it for its cache key just before), else
        // a new one. Each page says the audit chain's head it was read at: equal to the state's, the state's confidential
        // names and longest span are the ones of the page's snapshot (every change of either writes a revision), so the
        // page needs no second look at the counter. A page read at another head tries once more with a fresh state.
        var state = _state is { Reading: not null } last ? last : await StateAsync(cancellationToken);
        var page = await ReadPageAsync(dialect, connection, null, query, role, state, new DocumentSourceNames(role, state.Sources, state.Head), cancellationToken, withPlaceLines);
        if (page.Head != state.Head && page.Head is not null)
        {
            state = await StateAsync(cancellationToken);
            page = await ReadPageAsync(dialect, connection, null, query, role, state, new DocumentSourceNames(role, state.Sources, state.Head), cancellationToken, withPlaceLines);
        }

        if (page.Head == state.Head && page.Consistent)
        {
            return page.Rows;
        }

        // An empty page tells no head: it stands if nothing was committed since the state was read.
        if (page.Head is null && page.Consistent && state.Reading is not null && await _watch.ReadAsync(cancellationToken) == state.Reading)
        {
            return page.Rows;
        }

        // Otherwise the names to scrub may not cover what the page shows (a source made confidential meanwhile, say):
        // both are read again in one snapshot.
        await using var tx = await dialect.BeginReadAsync(connection, cancellationToken);
        state = await ReadStateAsync(connection, tx, null, cancellationToken);
        return (await ReadPageAsync(dialect, connection, tx, query, role, state, new DocumentSourceNames(role), cancellationToken, withPlaceLines)).Rows;
    }

    /// <summary>Before a text search, the events changed since the last one (and, after a change of confidential names, all of them) are indexed.</summary>
    private Task SyncTextIndexAsync(EventQuery query, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(query.Text) ? Task.CompletedTask : EventTextIndex.SyncAsync(dialect, cancellationToken);

    public async Task<string> DataVersionAsync(Role role, CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(cancellationToken);
        return role.SeesUnpublished() ? state.Version : state.PublishedVersion;
    }

    /// <summary>
    /// What every listing needs besides its rows (the data's version, the confidential names, the longest event),
    /// kept while the database's change counter stands still, so a page costs one query.
    /// </summary>
    private sealed record DataState(ChangeWatch.Reading? Reading, string Version, ConfidentialNames Secrets, int LongestSpanDays, long Head, long PublishedHead)
    {
        /// <summary>Documents' sources as read in this state, shared by the listings that use it (kept only with a reading: see <see cref="StateAsync"/>).</summary>
        public DocumentSourceNames.Shared? Sources { get; } = Reading is null ? null : new();

        /// <summary>The version for the roles that see published events only: the head of the last revision that could reach them.</summary>
        public string PublishedVersion => PublishedHead.ToString(CultureInfo.InvariantCulture) + Version[Version.IndexOf('|', StringComparison.Ordinal)..];
    }

    private async Task<DataState> StateAsync(CancellationToken cancellationToken)
    {
        // The counter is read before the state: a commit in between leaves a state newer than its reading, never older.
        var reading = await _watch.ReadAsync(cancellationToken);
        if (reading is not null && _state is { } known && known.Reading == reading)
        {
            return known;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginReadAsync(connection, cancellationToken);
        var state = await ReadStateAsync(connection, tx, reading, cancellationToken);
        _state = state;
        return state;
    }

    private async Task<DataState> ReadStateAsync(DbConnection connection, DbTransaction? tx, ChangeWatch.Reading? reading, CancellationToken cancellationToken)
    {
        long head;
        int longest;
        await using (var command = connection.Sql(tx, $"SELECT COALESCE((SELECT MAX(seq) FROM revisions), 0), (SELECT MAX({dialect.DaysBetween("date_start", "date_end")}) FROM events)"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            head = reader.GetInt64(0);
            // The longest any event lasts, in days (an index answers it): events overlapping a date start at most this long before it.
            longest = reader.IsDBNull(1) ? 0 : (int)Math.Ceiling(reader.GetDouble(1));
        }

        var names = new List<string>();
        await using (var command = connection.Sql(tx, "SELECT name FROM sources WHERE confidential <> 0 ORDER BY name"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        var version = head.ToString(CultureInfo.InvariantCulture) + "|" + string.Join('|', names);
        return new DataState(reading, version, new ConfidentialNames(names), longest, head, await PublishedHeadAsync(connection, tx, head, cancellationToken));
    }

    /// <summary>
    /// The head of the last revision the published events can have felt, found from the state before: the revisions
    /// since are all of events that are not published now and were not published before (their changes name no
    /// "published": a withdrawal or a publication does), or the head itself. Without a state before, or after many
    /// revisions at once, the head: a published-only cache then starts again, never serves a stale page.
    /// </summary>
    private async Task<long> PublishedHeadAsync(DbConnection connection, DbTransaction? tx, long head, CancellationToken cancellationToken)
    {
        const int MostToRead = 1000;
        if (_state is not { } before || head < before.Head || head - before.Head > MostToRead)
        {
            return head;
        }

        if (head == before.Head)
        {
            return before.PublishedHead;
        }

        await using var command = connection.Sql(tx, """
            SELECT r.entity_type, r.changes, e.status FROM revisions r LEFT JOIN events e ON e.id = r.entity_id
            WHERE r.seq > @before AND r.seq <= @head
            """);
        command.AddParameter("@before", before.Head).AddParameter("@head", head);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(0) != "event" || reader.IsDBNull(2) || reader.GetString(2) == "published"
                || reader.GetString(1).Contains("published", StringComparison.Ordinal))
            {
                return head;
            }
        }

        return before.PublishedHead;
    }

    /// <summary>
    /// A page's rows, the audit chain's head the page was read at (null when it has no rows), and whether the source
    /// names looked up for it were read at that head too (see <see cref="DocumentSourceNames"/>).
    /// </summary>
    private sealed record Page(List<EventJson> Rows, long? Head, bool Consistent);

    /// <summary>The page's rows, then their source names (masked for the role) from the documents each names (see <see cref="DocumentSourceNames"/>).</summary>
    private static async Task<Page> ReadPageAsync(SqlDialect dialect, DbConnection connection, DbTransaction? tx, EventQuery query, Role role, DataState state, DocumentSourceNames names, CancellationToken cancellationToken, bool withPlaceLines = true)
    {
        var secrets = role.SeesConfidentialSources() ? ConfidentialNames.None : state.Secrets;
        var read = new List<(Guid Id, DateOnly Start, byte[] Payload, long Version)>();
        long? head = null;
        // An actor search looks at what the role may read: with names to redact, at the redacted payload (else the
        // answers would tell a confidential name, one prefix at a time). A text search has its own index (Search/).
        var visible = secrets.IsEmpty || query.Actor is null ? "payload" : AccessSql.Visible(dialect, connection, secrets);
        var postgis = (query.Within is not null || query.Near is not null) && await dialect.HasSpatialIndexAsync(connection, cancellationToken);
        await using (var command = Build(dialect, connection, query, role, state.LongestSpanDays, visible, secrets, postgis))
        {
            command.Transaction = tx;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read.Add((Guid.Parse(reader.GetString(2)), Day(reader.GetString(3)), secrets.Scrub(reader.GetFieldValue<byte[]>(0)), reader.GetInt64(1)));
                head = reader.GetInt64(4);
            }
        }

        var fields = new ListingFields[read.Count];
        for (var i = 0; i < read.Count; i++)
        {
            fields[i] = ListingFields.Read(read[i].Payload, withPlaceLines);
        }

        var sources = await names.ForAsync(connection, tx, [.. fields.Select(f => f.Documents)], cancellationToken);
        var rows = new List<EventJson>(read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            rows.Add(new EventJson(read[i].Id, read[i].Start, read[i].Payload, read[i].Version, sources[i], fields[i].PlaceLine));
        }

        return new Page(rows, head, names.Consistent);
    }

    /// <summary>Confidential source names the role may not see: scrubbed from payloads too (a grade's reason names its sources).</summary>
    private async Task<ConfidentialNames> SecretsAsync(Role role, CancellationToken cancellationToken) =>
        role.SeesConfidentialSources() ? ConfidentialNames.None : (await StateAsync(cancellationToken)).Secrets;

    public async Task<EventListItem?> FindAsync(Guid id, Role role, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        ConflictEvent? found = null;
        long version = 0;
        var visible = role.SeesUnpublished() ? "" : " AND status = 'published' AND merged_into IS NULL";
        var secrets = await SecretsAsync(role, cancellationToken);
        await using (var command = connection.Sql(null, "SELECT payload, version FROM events WHERE id = @id" + visible))
        {
            command.AddParameter("@id", id.ToString("D"));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                found = JsonSerializer.Deserialize<ConflictEvent>(secrets.Scrub(reader.GetFieldValue<byte[]>(0)), MarsadJson.Options)!;
                version = reader.GetInt64(1);
            }
        }

        if (found is null)
        {
            return null;
        }

        var sources = await RecordSourceNames.ForAsync(connection, "event", [id], role, cancellationToken);
        return new EventListItem(found, version, sources.TryGetValue(id, out var s) ? s : []);
    }

    public async IAsyncEnumerable<EventListItem> StreamAsync(EventQuery query, Role role, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in StreamJsonAsync(query, role, cancellationToken))
        {
            yield return new EventListItem(JsonSerializer.Deserialize<ConflictEvent>(row.Payload.Span, MarsadJson.Options)!, row.Version, row.Sources);
        }
    }

    public async IAsyncEnumerable<EventJson> StreamJsonAsync(EventQuery query, Role role, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await SyncTextIndexAsync(query, cancellationToken);
        // One connection and one read transaction for the whole stream: every page, and the confidential names it is
        // masked with, come from one state of the database, whatever is committed meanwhile. Keyset pages keep each
        // query short, and the dialect's long-read setting keeps memory flat however many events match.
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var longRead = await dialect.BeginLongReadAsync(connection, cancellationToken);
        await using var tx = await dialect.BeginReadAsync(connection, cancellationToken);
        var state = await ReadStateAsync(connection, tx, null, cancellationToken);
        var page = query with { Limit = StreamPageSize };
        var names = new DocumentSourceNames(role);
        while (true)
        {
            var rows = (await ReadPageAsync(dialect, connection, tx, page, role, state, names, cancellationToken, withPlaceLines: false)).Rows;
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < StreamPageSize)
            {
                yield break;
            }

            page = page with { After = new EventCursor(rows[^1].Start, rows[^1].Id) };
        }
    }

    public async Task<IReadOnlyList<EventDeletion>> DeletionsAsync(long after, DateTimeOffset? since, Role role, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        // For the public, an event that is no longer published is gone too; the team sees every status.
        // The public hears only of events it could have seen: one never published is not in its feed at all (its id
        // alone would tell that the team holds a record the public may not know of).
        var gone = role.SeesUnpublished() ? "(e.merged_into IS NOT NULL OR e.status = 'rejected')"
            : $"""
              (e.merged_into IS NOT NULL OR e.status <> 'published') AND EXISTS (SELECT 1 FROM revisions p WHERE p.entity_type = 'event'
                  AND p.entity_id = e.id AND {dialect.JsonValue("p.changes", "status.new")} = 'published')
              """;
        // Paged by the audit chain's sequence (the event's last revision): unique and monotonic, where a bulk merge stamps
        // thousands of events with one time. An event that changes again moves past the client's position and comes again.
        await using var command = connection.Sql(null, $"""
            SELECT e.id, e.status, e.merged_into, e.updated_at, r.seq
            FROM revisions r JOIN events e ON e.id = r.entity_id
            WHERE r.seq > @after AND r.entity_type = 'event' AND {gone} AND e.updated_at >= @since
              AND NOT EXISTS (SELECT 1 FROM revisions later WHERE later.entity_type = 'event' AND later.entity_id = r.entity_id AND later.seq > r.seq)
            ORDER BY r.seq LIMIT @limit
            """);
        command.AddParameter("@after", Math.Max(0, after)).AddParameter("@since", since is { } s ? RevisionHasher.FormatTime(s) : "").AddParameter("@limit", Math.Max(1, limit));
        var list = new List<EventDeletion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var mergedInto = reader.GetStringOrNull(2);
            var status = reader.GetString(1);
            var reason = mergedInto is not null ? "merged" : status == "rejected" ? "rejected" : "unpublished";
            list.Add(new EventDeletion(Guid.Parse(reader.GetString(0)), reason, mergedInto is null ? null : Guid.Parse(mergedInto), reader.GetString(3), reader.GetInt64(4)));
        }

        return list;
    }

    public async Task<IReadOnlyList<EventSignature>> SignaturesAsync(CancellationToken cancellationToken = default) =>
        [.. (await SnapshotAsync(cancellationToken)).Events.Select(e => e.Signature)];

    public async Task<EventSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginReadAsync(connection, cancellationToken);
        long head;
        await using (var command = connection.Sql(tx, "SELECT COALESCE(MAX(seq), 0) FROM revisions"))
        {
            head = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        // One pass in storage order, each event's document links joined in: no id-keyed map of a million links.
        // Names repeat across a million rows (outlets, actors, places), so each distinct one is kept once.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Shared(string? value) => value is null ? null : names.TryGetValue(value, out var known) ? known : names[value] = value;
        var events = new List<StandingEvent>();
        await using (var command = connection.Sql(tx, $"""
            SELECT e.id, e.sub_event_type, e.date_start, e.date_end, e.latitude, e.longitude, COALESCE(e.admin3, e.admin2, e.admin1), e.actor1, e.actor2, e.fatalities,
                   e.status, rd.document_id, COALESCE(s.name, d.id)
            FROM events e
            LEFT JOIN record_documents rd ON rd.record_kind = 'event' AND rd.record_id = e.id
            LEFT JOIN documents d ON d.id = rd.document_id
            LEFT JOIN sources s ON s.id = d.source_id
            WHERE e.merged_into IS NULL AND e.status <> 'rejected'
            ORDER BY e.{dialect.RowOrderColumn}
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            string? currentId = null;
            object[] row = [];
            var documents = new List<Guid>();
            var sources = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (id != currentId)
                {
                    Flush();
                    currentId = id;
                    row = new object[reader.FieldCount];
                    reader.GetValues(row);
                }

                if (!reader.IsDBNull(11))
                {
                    documents.Add(Guid.Parse(reader.GetString(11)));
                    sources.Add(Shared(reader.GetString(12))!);
                }
            }

            Flush();

            void Flush()
            {
                if (currentId is null)
                {
                    return;
                }

                var signature = new EventSignature(
                    Guid.Parse(currentId),
                    sources.Count > 0 ? [.. sources.Distinct(StringComparer.Ordinal)] : [currentId],
                    Shared((string)row[1])!,
                    Day((string)row[2]),
                    Day((string)row[3]),
                    row[4] is DBNull ? null : Convert.ToDouble(row[4], CultureInfo.InvariantCulture),
                    row[5] is DBNull ? null : Convert.ToDouble(row[5], CultureInfo.InvariantCulture),
                    Shared(row[6] as string),
                    Shared(row[7] as string),
                    Shared(row[8] as string),
                    row[9] is DBNull ? null : Convert.ToInt32(row[9], CultureInfo.InvariantCulture));
                events.Add(new StandingEvent(signature, Shared((string)row[10])!, [.. documents]));
                documents.Clear();
                sources.Clear();
            }
        }

        return new EventSnapshot(events, head);
    }

    public async Task<IReadOnlyList<string>> SourceNamesAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in documentIds.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var parameters = chunk.Select((_, i) => "@d" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            command.CommandText = $"SELECT COALESCE(s.name, d.id) FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE d.id IN ({string.Join(", ", parameters)})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.AddParameter(parameters[i], chunk[i].ToString("D"));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        return [.. names];
    }

    private static DbCommand Build(SqlDialect dialect, DbConnection connection, EventQuery query, Role role, int longestSpanDays, string visiblePayload, ConfidentialNames secrets, bool postgis)
    {
        // The audit chain's head in the same statement, so at the same snapshot as the rows (see ListJsonAsync).
        var sql = new StringBuilder("SELECT payload, version, id, date_start, (SELECT COALESCE(MAX(seq), 0) FROM revisions) FROM events WHERE COALESCE(merged_into, '') = ''");
        var command = connection.CreateCommand();

        void Where(string condition, string name, object? value)
        {
            sql.Append(" AND ").Append(condition);
            command.AddParameter(name, value);
        }

        if (!role.SeesUnpublished())
        {
            Where("status = @published", "@published", "published");
        }

        if (query.From is { } from)
        {
            Where("date_end >= @from", "@from", Iso(from));
            // Redundant for correctness, but it lets the date index read a window instead of everything before it.
            Where("date_start >= @fromStart", "@fromStart", Iso(from.AddDays(-longestSpanDays)));
        }

        if (query.To is { } to)
        {
            // An undated event ('' in the column) is before no day: a range never holds it.
            Where("date_start <> '' AND date_start <= @to", "@to", Iso(to));
        }

        if (query.EventType is not null)
        {
            Where("event_type = @type", "@type", query.EventType);
        }

        if (query.SubEventType is not null)
        {
            Where("sub_event_type = @subtype", "@subtype", query.SubEventType);
        }

        if (query.Actor is not null && secrets.Occurs(query.Actor))
        {
            // The role reads "confidential source" wherever such a name stood, so no actor it can see bears it; the
            // actor columns below hold the stored name and would answer otherwise.
            sql.Append(" AND 1 = 0");
        }
        else if (query.Actor is not null)
        {
            Where($"(actor1 = @actor OR actor2 = @actor OR {visiblePayload} {dialect.CaseInsensitiveLike} @actorJson ESCAPE '\\')", "@actor", query.Actor);
            command.AddParameter("@actorJson", "%" + EscapeLike(JsonSerializer.Serialize(query.Actor, MarsadJson.Options)) + "%");
        }

        if (query.Admin1 is not null)
        {
            Where("admin1 = @admin1", "@admin1", query.Admin1);
        }

        if (query.Admin2 is not null)
        {
            Where("admin2 = @admin2", "@admin2", query.Admin2);
        }

        if (query.Status is { } status)
        {
            Where("status = @status", "@status", JsonSerializer.Serialize(status, MarsadJson.Options).Trim('"'));
        }

        if (query.Grade is { } grade)
        {
            Where("grade = @grade", "@grade", JsonSerializer.Serialize(grade, MarsadJson.Options).Trim('"'));
        }

        if (query.Within is { } box)
        {
            sql.Append(" AND ").Append(SpatialSql.InBox(command, box, postgis));
        }

        if (query.Near is { } circle)
        {
            sql.Append(" AND ").Append(SpatialSql.InCircle(command, circle, postgis));
        }

        if (query.UpdatedSince is { } since)
        {
            Where("updated_at >= @since", "@since", RevisionHasher.FormatTime(since));
        }

        if (query.After is { } after)
        {
            // The bare "date_start >=" lets the date index start reading at the cursor. Without it (and with merged_into
            // tested through COALESCE above, so its index, which holds nearly every event under NULL, is no candidate),
            // SQLite read every standing event and sorted them all for each page: a stream of n events cost n²/1000.
            Where("date_start >= @afterDate AND (date_start > @afterDate OR (date_start = @afterDate AND id > @afterId))", "@afterDate", Column(after.Date));
            command.AddParameter("@afterId", after.Id.ToString("D"));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // The words the role can read, never the stored record (Search/EventTextIndex).
            sql.Append(" AND ").Append(EventTextIndex.Condition(dialect, command, query.Text, role, secrets));
        }

        sql.Append(" ORDER BY date_start, id LIMIT @limit");
        command.AddParameter("@limit", Math.Max(1, query.Limit));
        command.CommandText = sql.ToString();
        return command;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The date columns of an undated event hold '' (it lists first); in memory it is DateSpan.Unresolved's day.
    private static string Column(DateOnly date) => date == DateOnly.MinValue ? "" : Iso(date);

    private static DateOnly Day(string column) => column.Length == 0 ? DateOnly.MinValue : DateOnly.ParseExact(column, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

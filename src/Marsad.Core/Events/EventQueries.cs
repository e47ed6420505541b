using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Corroboration;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Core.Events;

/// <summary>Event listing over ADO.NET, with the role's rules applied in SQL and in source masking.</summary>
internal sealed class EventQueries(SqlDialect dialect) : IEventQueries
{
    public async Task<IReadOnlyList<EventListItem>> ListAsync(EventQuery query, Role role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = new List<(ConflictEvent Event, long Version)>();
        await using (var command = Build(connection, query, role))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((JsonSerializer.Deserialize<ConflictEvent>(reader.GetString(0), MarsadJson.Options)!, reader.GetInt64(1)));
            }
        }

        var sources = await SourcesAsync(connection, rows.Select(r => r.Event.Id).ToList(), role, cancellationToken);
        return [.. rows.Select(r => new EventListItem(r.Event, r.Version, sources.TryGetValue(r.Event.Id, out var s) ? s : []))];
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
        await using (var command = connection.Sql(tx, """
            SELECT e.id, e.sub_event_type, e.date_start, e.date_end, e.latitude, e.longitude, COALESCE(e.admin3, e.admin2, e.admin1), e.actor1, e.actor2, e.fatalities,
                   e.status, rd.document_id, COALESCE(s.name, d.id)
            FROM events e
            LEFT JOIN record_documents rd ON rd.record_kind = 'event' AND rd.record_id = e.id
            LEFT JOIN documents d ON d.id = rd.document_id
            LEFT JOIN sources s ON s.id = d.source_id
            WHERE e.merged_into IS NULL AND e.status <> 'rejected'
            ORDER BY e.rowid
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
                    DateOnly.ParseExact((string)row[2], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateOnly.ParseExact((string)row[3], "yyyy-MM-dd", CultureInfo.InvariantCulture),
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

    private static DbCommand Build(DbConnection connection, EventQuery query, Role role)
    {
        var sql = new StringBuilder("SELECT payload, version FROM events WHERE merged_into IS NULL");
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
        }

        if (query.To is { } to)
        {
            Where("date_start <= @to", "@to", Iso(to));
        }

        if (query.EventType is not null)
        {
            Where("event_type = @type", "@type", query.EventType);
        }

        if (query.SubEventType is not null)
        {
            Where("sub_event_type = @subtype", "@subtype", query.SubEventType);
        }

        if (query.Actor is not null)
        {
            Where("(actor1 = @actor OR actor2 = @actor OR payload LIKE @actorJson ESCAPE '\\')", "@actor", query.Actor);
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

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            Where("payload LIKE @text ESCAPE '\\'", "@text", "%" + EscapeLike(query.Text.Trim()) + "%");
        }

        sql.Append(" ORDER BY date_start, id LIMIT @limit");
        command.AddParameter("@limit", Math.Max(1, query.Limit));
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>Each event's sources by name, with confidential ones masked unless the role may see them.</summary>
    private static async Task<Dictionary<Guid, IReadOnlyList<string>>> SourcesAsync(DbConnection connection, List<Guid> ids, Role role, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var chunk in ids.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = chunk.Select((_, i) => "@e" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            command.CommandText = $"""
                SELECT rd.record_id, s.name, COALESCE(s.confidential, 0)
                FROM record_documents rd JOIN documents d ON d.id = rd.document_id LEFT JOIN sources s ON s.id = d.source_id
                WHERE rd.record_kind = 'event' AND rd.record_id IN ({string.Join(", ", names)})
                """;
            for (var i = 0; i < chunk.Length; i++)
            {
                command.AddParameter(names[i], chunk[i].ToString("D"));
            }

            var found = new Dictionary<Guid, SortedSet<string>>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = Guid.Parse(reader.GetString(0));
                var name = reader.GetStringOrNull(1) ?? "unnamed source";
                var confidential = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) != 0;
                if (!found.TryGetValue(id, out var set))
                {
                    found[id] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(confidential && !role.SeesConfidentialSources() ? RoleRules.ConfidentialSourceName : name);
            }

            foreach (var (id, set) in found)
            {
                result[id] = [.. set];
            }
        }

        return result;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Core.Storage;
using Marsad.Domain.Common;

namespace Marsad.Core.Analytics;

/// <summary>Analytics over ADO.NET: the date index for a period's events, the month totals table for running totals.</summary>
internal sealed class EventAnalytics(SqlDialect dialect, OperationCalendar calendar) : IEventAnalytics
{

    public async Task<int> UndatedCountAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Undated events are not in event_facts (they belong to no month): read the events table, '' marking no date.
        var sql = new StringBuilder("SELECT COUNT(*) FROM events WHERE date_start = '' AND merged_into IS NULL AND status <> 'rejected'");
        void Where(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            command.AddParameter(name, value);
        }

        if (!filter.IncludeUnreviewed)
        {
            sql.Append(" AND status <> 'extracted'");
        }

        if (filter.Actor is { } actor)
        {
            Where($"""
                (actor1 = @actor OR actor2 = @actor
                 OR EXISTS (SELECT 1 FROM {dialect.JsonArrayValues("payload", "assoc_actor1", "a1")} WHERE a1.value = @actor)
                 OR EXISTS (SELECT 1 FROM {dialect.JsonArrayValues("payload", "assoc_actor2", "a2")} WHERE a2.value = @actor))
                """, "@actor", actor);
        }

        ColumnFilters(filter, Where);

        command.CommandText = sql.ToString();
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<AnalyticsEvent>> EventsAsync(DateOnly from, DateOnly to, AnalyticsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await ReadAsync(from, to, filter, null, await MaxSpanAsync(cancellationToken), cancellationToken);
    }

    private async Task<long> MaxSpanAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var span = connection.Sql(null, "SELECT max_days FROM event_span_limit WHERE id = 1");
        return Convert.ToInt64(await span.ExecuteScalarAsync(cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>The events overlapping [from, to] that pass the filter and, when given, the SQL <paramref name="condition"/> on event_facts.</summary>
    /// <remarks>
    /// Read in parts at once, each on a connection of its own: the events that start before from and reach into it,
    /// spans all, from the spans' own index (version 47) over as many days before as the longest span (read by the key,
    /// those days' every event was read and most thrown away); then those starting in [from, to], one range of
    /// event_facts' key (neighbouring pages on SQLite, WITHOUT ROWID, and on PostgreSQL after CLUSTER: docs/scaling.md
    /// says why Marsad leaves that to a maintenance job), cut into runs of days, one for each core (up to four). Each
    /// part is in (date_start, id) order and wholly before the next, so the parts put end to end are the one ordered
    /// read. Turning a month's rows into events was most of the month's time on a large record, and one reader does it
    /// on one core. One query with UNION ALL was sorted whole by PostgreSQL instead.
    /// </remarks>
    private async Task<List<AnalyticsEvent>> ReadAsync(DateOnly from, DateOnly to, AnalyticsFilter filter, string? condition, long maxSpan, CancellationToken cancellationToken)
    {
        var parts = new List<Task<List<AnalyticsEvent>>>
        {
            ReadPartAsync("date_start >= @a AND date_start < @from AND date_end > date_start AND date_end >= @from",
                from.AddDays(-(int)Math.Min(maxSpan, 36500)), null, from, to, filter, condition, cancellationToken),
        };
        var days = to.DayNumber - from.DayNumber + 1;
        var runs = Math.Clamp(Math.Min(Environment.ProcessorCount, days / 7), 1, 4);
        var start = from;
        for (var i = 1; i <= runs; i++)
        {
            var end = i == runs ? to : from.AddDays(days * i / runs - 1);
            parts.Add(ReadPartAsync("date_start >= @a AND date_start <= @b AND date_end >= @from", start, end, from, to, filter, condition, cancellationToken));
            start = end.AddDays(1);
        }

        await Task.WhenAll(parts);
        var events = new List<AnalyticsEvent>(parts.Sum(p => p.Result.Count));
        foreach (var part in parts)
        {
            events.AddRange(part.Result);
        }

        return events;
    }

    /// <summary>One part of <see cref="ReadAsync"/>: the rows of event_facts in <paramref name="range"/> (over @a, @b and @from) that pass the filter, in key order.</summary>
    private async Task<List<AnalyticsEvent>> ReadPartAsync(string range, DateOnly a, DateOnly? b, DateOnly from, DateOnly to, AnalyticsFilter filter, string? condition, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder();
        Filters(filter, where, command);
        if (condition is not null)
        {
            // The conditions on event_facts a caller gives speak of the period as @from and @to.
            where.Append(" AND ").Append(condition);
            command.AddParameter("@to", Iso(to));
        }

        command.AddParameter("@a", Iso(a)).AddParameter("@from", Iso(from));
        if (b is { } last)
        {
            command.AddParameter("@b", Iso(last));
        }

        command.CommandText = $"""
            SELECT id, event_type, sub_event_type, date_start, date_end, actor1, actor2, admin1, admin2, status, grade, facts FROM event_facts
            WHERE {range}{where}
            ORDER BY date_start, id
            """;
        var events = new List<AnalyticsEvent>();
        // Rows often carry the same facts text (no quantities, the same few counts): each distinct text is parsed once
        // and its immutable parts shared by the events holding it.
        var factsOf = new Dictionary<string, Facts>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.GetString(11);
            if (!factsOf.TryGetValue(text, out var facts))
            {
                factsOf[text] = facts = Facts.Parse(text);
            }

            var e = new AnalyticsEvent(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                Day(reader.GetString(3)),
                Day(reader.GetString(4)),
                reader.GetStringOrNull(5),
                reader.GetStringOrNull(6),
                facts.AssociatedActors,
                reader.GetStringOrNull(7),
                reader.GetStringOrNull(8),
                EnumNames.Statuses[reader.GetString(9)],
                reader.GetStringOrNull(10) is { } g ? EnumNames.Grades[g] : null,
                facts.Quantities,
                facts.Incidents,
                facts.IncidentDates);
            if (filter.Actor is null || e.Involves(filter.Actor))
            {
                events.Add(e);
            }
        }

        return events;
    }

    public async Task<PeriodAggregates> PeriodAsync(DateOnly from, DateOnly to, AnalyticsFilter filter, CancellationToken cancellationToken = default) =>
        Aggregator.Aggregate(from, to, await EventsAsync(from, to, filter, cancellationToken));

    public async Task<RunningTotals> RunningTotalsAsync(DateOnly since, ReportMonth through, string? actor, string? admin1, bool includeUnreviewed, CancellationToken cancellationToken = default)
    {
        var months = await MonthlySeriesAsync(ReportMonth.Of(since), through, actor, admin1, includeUnreviewed, cancellationToken);
        return new RunningTotals(since, through, months.Sum(m => m.Events), months.Aggregate(QuantityRange.Zero, (sum, m) => sum.Plus(m.Fatalities)));
    }

    public async Task<IReadOnlyList<MonthTotals>> MonthlySeriesAsync(ReportMonth from, ReportMonth through, string? actor, string? admin1, bool includeUnreviewed, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, $"""
            SELECT month, SUM(events), SUM(fatalities_low), SUM(fatalities_best), SUM(fatalities_high), SUM(fatalities_open)
            FROM event_month_totals
            WHERE actor = @actor AND admin1 = @admin1 AND reviewed IN (1{(includeUnreviewed ? ", 0" : "")}) AND month >= @from AND month <= @to
            GROUP BY month ORDER BY month
            """);
        command.AddParameter("@actor", actor ?? "").AddParameter("@admin1", admin1 ?? "").AddParameter("@from", from.ToString()).AddParameter("@to", through.ToString());
        var months = new List<MonthTotals>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ReportMonth.TryParse(reader.GetString(0), out var month);
            months.Add(new MonthTotals(month, reader.GetInt64(1), new QuantityRange(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(5) > 0 ? null : reader.GetInt64(4))));
        }

        return months;
    }

    public async Task<MonthlyAnalytics> MonthAsync(ReportMonth month, AnalyticsFilter filter, DateOnly? since = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var aggregates = new DatabaseMonthTotals(dialect);
        var maxSpan = await MaxSpanAsync(cancellationToken);
        var plain = aggregates.Plain(filter);
        // On connections of their own at once (readers wait for no one): this month's events, which the report lists,
        // and of the month before only those whose month the rule decides (spans across months, listed dates; all of
        // them under an actor filter); its totals the database sums.
        var read = ReadAsync(month.First, month.Last, filter, null, maxSpan, cancellationToken);
        var undecidedBefore = ReadAsync(month.Previous.First, month.Previous.Last, filter, plain is null ? null : $"NOT {plain}", maxSpan, cancellationToken);
        var previous = aggregates.TotalsAsync(month.Previous, filter, maxSpan, CountingIn(month.Previous, undecidedBefore), cancellationToken);
        // An event overlapping both months counts in the one holding the larger part of it, never in both.
        var events = (await read).Where(e => e.CountingMonth == month).ToList();
        var current = Aggregator.Aggregate(month.First, month.Last, events);
        var start = since ?? calendar.StartOf(filter.Actor);
        RunningTotals? totals = null;
        if (start is { } s)
        {
            // The month totals know actor1/actor2 and governorate; finer filters have no running total.
            totals = filter.Admin2 is null && filter.EventType is null && filter.SubEventType is null && filter.Status is null && filter.Grade is null
                ? await RunningTotalsAsync(s, month, filter.Actor, filter.Admin1, filter.IncludeUnreviewed, cancellationToken)
                : null;
        }

        return new MonthlyAnalytics(month, filter, current, await previous, events, start,
            start is { } first ? OperationCalendar.OrdinalOf(month, first) : null, totals);
    }

    private static async Task<IReadOnlyList<AnalyticsEvent>> CountingIn(ReportMonth month, Task<List<AnalyticsEvent>> events) =>
        [.. (await events).Where(e => e.CountingMonth == month)];

    public async Task<IReadOnlyList<StoredCheck>> DocumentChecksAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var checks = new List<StoredCheck>();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var id in documentIds.Distinct().Order())
        {
            await using var command = connection.Sql(null, $"""
                SELECT {dialect.JsonValue("c.value", "kind")}, {dialect.JsonValue("c.value", "message")}
                FROM (SELECT result FROM extractions WHERE document_id = @doc ORDER BY extracted_at DESC, engine_version DESC LIMIT 1) x, {dialect.JsonArrayObjects("x.result", "checks", "c")}
                """);
            command.AddParameter("@doc", id.ToString("D"));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                checks.Add(new StoredCheck(id, reader.GetStringOrNull(0) ?? "check", reader.GetStringOrNull(1) ?? ""));
            }
        }

        return checks;
    }

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(e => e.GetString()).OfType<string>() : [];

    /// <summary>The payload's quantities object ({name: {low, best, high, text}}), read without the serializer.</summary>
    private static Quantities QuantitiesOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Quantities.Empty;
        }

        static int? Count(JsonElement q, string name) => q.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        return new Quantities(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, new Quantity(Count(p.Value, "low"), Count(p.Value, "best"), Count(p.Value, "high")))));
    }

    /// <summary>
    /// event_facts.facts: [quantities, assoc_actor1, assoc_actor2, aggregate incidents, aggregate dates], extracted
    /// when the event was written; an incident count that is not a number means one.
    /// </summary>
    private sealed record Facts(Quantities Quantities, IReadOnlyList<string> AssociatedActors, int Incidents, IReadOnlyList<DateOnly> IncidentDates)
    {
        public static Facts Parse(string text)
        {
            using var json = JsonDocument.Parse(text);
            var parts = json.RootElement;
            return new Facts(
                QuantitiesOf(parts[0]),
                [.. Strings(parts[1]), .. Strings(parts[2])],
                parts[3].ValueKind == JsonValueKind.Number ? parts[3].GetInt32() : 1,
                [.. Strings(parts[4]).Select(Day)]);
        }
    }

    /// <summary>An ISO day (YYYY-MM-DD) read by hand, as a month's read parses two a row; anything else goes to the framework's parser, which names what is wrong.</summary>
    private static DateOnly Day(string iso)
    {
        if (iso.Length == 10 && iso[4] == '-' && iso[7] == '-'
            && Digits(iso, 0, 4) is var year and > 0 && Digits(iso, 5, 2) is var month and >= 1 and <= 12
            && Digits(iso, 8, 2) is var day and >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The number the digits at [start, start + length) make, or -1 when one is not a digit.</summary>
    private static int Digits(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = value * 10 + (c - '0');
        }

        return value;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The filters event_facts holds as columns: the status (unreviewed left out unless asked for) and <see cref="ColumnFilters"/>.</summary>
    internal static void Filters(AnalyticsFilter filter, StringBuilder sql, DbCommand command)
    {
        if (!filter.IncludeUnreviewed)
        {
            sql.Append(" AND status <> 'extracted'");
        }

        ColumnFilters(filter, (condition, name, value) =>
        {
            sql.Append(" AND ").Append(condition);
            command.AddParameter(name, value);
        });
    }

    // The filters both tables (events and event_facts) hold as plain columns of the same names.
    private static void ColumnFilters(AnalyticsFilter filter, Action<string, string, object> where)
    {
        if (filter.Admin1 is { } admin1)
        {
            where("admin1 = @admin1", "@admin1", admin1);
        }

        if (filter.Admin2 is { } admin2)
        {
            where("admin2 = @admin2", "@admin2", admin2);
        }

        if (filter.EventType is { } type)
        {
            where("event_type = @type", "@type", type);
        }

        if (filter.SubEventType is { } subType)
        {
            where("sub_event_type = @subtype", "@subtype", subType);
        }

        if (filter.Status is { } status)
        {
            where("status = @status", "@status", EnumNames.Of(status));
        }

        if (filter.Grade is { } grade)
        {
            where("grade = @grade", "@grade", EnumNames.Of(grade));
        }
    }
}

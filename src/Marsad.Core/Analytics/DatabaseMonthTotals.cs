using System.Data.Common;
using System.Globalization;
using System.Text;
using Marsad.Core.Storage;

namespace Marsad.Core.Analytics;

/// <summary>
/// The month before's totals for a month's comparison, summed by the database over <c>event_facts</c> (count,
/// incidents, the range sum of each quantity, the event ids in (date_start, id) order), so the process neither reads
/// nor parses that month's events. Which month an event counts in stays the one rule of
/// <see cref="AnalyticsEvent.CountingMonth"/>: the database takes the events it cannot get wrong by the range of its
/// (date_start, id) key (one month's span, no listed dates: <see cref="Plain"/>); the rest (spans across months,
/// aggregates with listed dates, and every event when the actor filter asks for a case-insensitive match) the process
/// reads, decides and adds to the database's sums.
/// </summary>
/// <remarks>
/// The month's own breakdowns were summed here too (one statement: the events exploded into (dimension, key) rows by
/// UNION ALL, grouped, quantities joined), identical to the process's on both databases; on PostgreSQL it cost the
/// server more CPU per event (about 50 µs) than the process spends reading and adding up an event, and the month took
/// longer, so the process adds up the events it reads for the report anyway (<see cref="Aggregator"/>).
/// </remarks>
internal sealed class DatabaseMonthTotals(SqlDialect dialect)
{
    private const string Total = "total";

    private bool Postgres => dialect.Provider == DatabaseProvider.PostgreSql;

    /// <summary>
    /// event_facts.facts, [quantities, assoc_actor1, assoc_actor2, incidents, dates]: jsonb on PostgreSQL (parsed once,
    /// when written: Postgres/0045), text that SQLite's JSON functions read.
    /// </summary>
    private const string Facts = "facts";

    /// <summary>
    /// The events of [@from, @to] (one month) that count in it whatever the rule: their span lies within it and they
    /// list no dates. Null when every event goes by id (an actor filter).
    /// </summary>
    public string? Plain(AnalyticsFilter filter) =>
        filter.Actor is null ? $"(date_start >= @from AND date_end <= @to AND NOT {HasDates(Facts)})" : null;

    /// <summary>
    /// Only the month's totals (the month before, for comparison), its event ids in (date_start, id) order. The
    /// database's sum of the plain events starts at once; the events whose month the rule decided (<paramref name="decided"/>,
    /// read and parsed by the process meanwhile) are added to it here, so neither waits for the other.
    /// </summary>
    public async Task<Tally> TotalsAsync(ReportMonth month, AnalyticsFilter filter, long maxSpan, Task<IReadOnlyList<AnalyticsEvent>> decided, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var sql = $"""
            {Counted(filter)},
            shapes AS MATERIALIZED ({Shapes}),
            quants AS ({Quantities})
            SELECT 't' AS kind, '{Total}' AS d, '' AS k, NULL AS name, COUNT(*) AS a, SUM({Incidents("j")}) AS b, NULL AS c, NULL AS e, {OrderedConcat("date_start || ' ' || id")} AS ids FROM m
            UNION ALL
            SELECT 'q', '{Total}', '', q.name, {Sums("q")}, NULL FROM quants q GROUP BY q.name
            """;
        var rows = await ReadAsync(sql, month, filter, maxSpan, cancellationToken);
        var counts = rows.Single(r => r.Kind == 't');
        var plain = counts.Ids is { Length: > 0 } list ? list.Split(',') : [];
        var added = new Tally();
        var keyed = new List<string>();
        foreach (var e in (await decided).OrderBy(e => e.Start).ThenBy(e => e.Id.ToString("D"), StringComparer.Ordinal))
        {
            added.Add(e.Id, e.Incidents, e.Quantities);
            keyed.Add(Iso(e.Start) + " " + e.Id.ToString("D"));
        }

        var sums = Sums(rows).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        foreach (var (name, range) in added.Quantities)
        {
            sums[name] = sums.TryGetValue(name, out var sum) ? sum.Plus(range) : range;
        }

        return Tally.Of((int)counts.A + added.Events, (int)counts.B + added.Incidents, Merged(plain, keyed).Select(k => Guid.Parse(k.AsSpan(k.IndexOf(' ', StringComparison.Ordinal) + 1))), sums);
    }

    /// <summary>Two lists of "date_start id" keys, each in that order, as one (the keys are ASCII: ordinal order is the database's).</summary>
    private static IEnumerable<string> Merged(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            yield return j >= b.Count || (i < a.Count && string.CompareOrdinal(a[i], b[j]) <= 0) ? a[i++] : b[j++];
        }
    }

    private sealed record Row(char Kind, string D, string K, string? Name, long A, long B, long C, long E, string? Ids);

    private async Task<List<Row>> ReadAsync(string sql, ReportMonth month, AnalyticsFilter filter, long maxSpan, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder();
        EventAnalytics.Filters(filter, where, command);
        command.CommandText = sql.Replace("/*filters*/", where.ToString(), StringComparison.Ordinal);
        command.AddParameter("@lo", Iso(month.First.AddDays(-(int)Math.Min(maxSpan, 36500)))).AddParameter("@from", Iso(month.First)).AddParameter("@to", Iso(month.Last));
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(reader.GetString(0)[0], reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3),
                Long(reader, 4), Long(reader, 5), Long(reader, 6), Long(reader, 7), reader.GetStringOrNull(8)));
        }

        return rows;
    }

    /// <summary>
    /// The counted events as CTE m (id, date_start and facts j): the month's window by the key (as
    /// <see cref="EventAnalytics.EventsAsync"/> reads it), then the plain events passing the filter (none under an actor filter).
    /// </summary>
    private string Counted(AnalyticsFilter filter) => $"""
        WITH m AS MATERIALIZED (
            SELECT id, date_start, {Facts} AS j
            FROM event_facts
            WHERE date_start >= @lo AND date_start <= @to AND date_end >= @from
              AND {(Plain(filter) is { } plain ? plain + " /*filters*/" : "1 = 0")})
        """;

    /// <summary>
    /// Each distinct quantities object among the counted events and how many hold it: a month's tens of thousands of
    /// events share a few hundred of them (the same few counts), so each is taken apart once, not once per event.
    /// </summary>
    private string Shapes => $"SELECT {QuantitiesObject("j")} AS o, COUNT(*) AS n FROM m WHERE {IsObject("j")} GROUP BY {QuantitiesObject("j")}";

    /// <summary>Every (quantity, low, best, high) of the distinct objects, with n the events holding it.</summary>
    private string Quantities => $"""
        SELECT s.n, q.key AS name, {Number("q.value", "low")} AS low, {Number("q.value", "best")} AS best, {Number("q.value", "high")} AS high
        FROM shapes s, {Members("s.o", "q")}
        """;

    /// <summary>The range sums of a group (QuantityRange.Plus), each row standing for its n events: lows, bests (else lows), highs and how many had no high.</summary>
    private static string Sums(string q) =>
        $"SUM(COALESCE({q}.low, 0) * {q}.n), SUM(COALESCE({q}.best, {q}.low, 0) * {q}.n), SUM(COALESCE({q}.high, 0) * {q}.n), SUM(CASE WHEN {q}.high IS NULL THEN {q}.n ELSE 0 END)";

    private static IEnumerable<KeyValuePair<string, QuantityRange>> Sums(IEnumerable<Row> rows) =>
        rows.Where(r => r.Kind == 'q').Select(r => KeyValuePair.Create(r.Name!, new QuantityRange(r.A, r.B, r.E > 0 ? null : r.C)));

    private string HasDates(string j) => Postgres
        ? $"(CASE WHEN jsonb_typeof({j} -> 4) = 'array' THEN jsonb_array_length({j} -> 4) ELSE 0 END > 0)"
        : $"(COALESCE(json_array_length({j}, '$[4]'), 0) > 0)";

    private string Incidents(string j) => Postgres
        ? $"CASE WHEN jsonb_typeof({j} -> 3) = 'number' THEN ({j} ->> 3)::numeric::integer ELSE 1 END"
        : $"CASE WHEN json_type({j}, '$[3]') IN ('integer', 'real') THEN CAST(json_extract({j}, '$[3]') AS INTEGER) ELSE 1 END";

    private string IsObject(string j) => Postgres ? $"jsonb_typeof({j} -> 0) = 'object'" : $"json_type({j}, '$[0]') = 'object'";

    /// <summary>The facts' quantities object (its first element).</summary>
    private string QuantitiesObject(string j) => Postgres ? $"({j} -> 0)" : $"json_extract({j}, '$[0]')";

    /// <summary>A quantities object's members as rows alias(key, value).</summary>
    private string Members(string o, string alias) => Postgres
        ? $"jsonb_each({o}) {alias}(key, value)"
        : $"json_each({o}) {alias}";

    private string Number(string value, string field) => Postgres
        ? $"CASE WHEN jsonb_typeof({value} -> '{field}') = 'number' THEN ({value} ->> '{field}')::numeric::bigint END"
        : $"CASE WHEN json_type({value}, '$.{field}') IN ('integer', 'real') THEN CAST(json_extract({value}, '$.{field}') AS INTEGER) END";


    private string OrderedConcat(string value) => Postgres ? $"string_agg({value}, ',' ORDER BY date_start, id)" : $"group_concat({value}, ',' ORDER BY date_start, id)";

    private static long Long(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

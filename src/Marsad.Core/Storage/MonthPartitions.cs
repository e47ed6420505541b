namespace Marsad.Core.Storage;

/// <summary>
/// <c>marsad db partition</c> (PostgreSQL): events and revisions partitioned by month, a team's choice for a record of
/// many millions of events, where a month's reads and archiving a month gain and a look-up that names no month costs
/// the planner a pass over every partition (docs/scaling.md gives the numbers). Writers keep the partitions from then on.
/// </summary>
public static class MonthPartitions
{
    /// <summary>What the tables hold after the run: partitions of each, and whether this run made them.</summary>
    public sealed record Result(bool Changed, long EventPartitions, long RevisionPartitions);

    public static async Task<Result> PartitionAsync(IMarsadStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dialect = ((MarsadStore)store).Dialect;
        var changed = await dialect.PartitionTablesByMonthAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return new Result(changed, await CountAsync(connection, "events", cancellationToken), await CountAsync(connection, "revisions", cancellationToken));
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM pg_inherits WHERE inhparent = to_regclass('{table}')";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

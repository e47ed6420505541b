using System.Data.Common;
using System.Globalization;
using Marsad.Core.Storage;

namespace Marsad.Tests.Support;

/// <summary>
/// What a <c>marsad db copy</c> killed part way may leave on its target (the kill-point test and the bench's
/// <c>integrity</c> check the same): the tables filled in the copy's order, the first unfinished table holding whole
/// batches only (each batch is one transaction), every later table empty, no table holding more rows than the source,
/// and the target's audit chain a beginning of the source's (so a re-run carries on instead of refusing the target).
/// </summary>
public static class InterruptedCopy
{
    /// <summary>Null when <paramref name="target"/> holds a state an interrupted copy of <paramref name="source"/> may leave; else what is wrong.</summary>
    public static string? Problem(DbConnection source, DbConnection target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        string? unfinished = null;
        foreach (var table in DatabaseCopy.TableOrder)
        {
            var expected = Count(source, table) ?? 0;
            var held = Count(target, table) ?? 0; // a table the target's migrations have not made yet holds nothing
            if (held > expected)
            {
                return Text($"{table}: {held} rows, the source has {expected}");
            }

            if (unfinished is not null && held > 0)
            {
                return Text($"{table} holds {held} rows while {unfinished}, copied before it, is unfinished");
            }

            if (held < expected)
            {
                if (held % DatabaseCopy.ChunkRows != 0)
                {
                    return Text($"{table}: {held} of {expected} rows, not whole batches of {DatabaseCopy.ChunkRows} (a half-written batch)");
                }

                unfinished = table;
            }
        }

        var chain = Chain(target);
        var sourceChain = Chain(source);
        for (var i = 0; i < chain.Count; i++)
        {
            if (i >= sourceChain.Count || chain[i] != sourceChain[i])
            {
                return Text($"the target's revision {chain[i].Seq} is not the source's: its chain is not a beginning of the source's");
            }
        }

        return null;
    }

    /// <summary>Null when every copied table holds as many rows on the target as on the source (with the chain checked by <c>audit verify</c>, every row once).</summary>
    public static string? Incomplete(DbConnection source, DbConnection target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        foreach (var table in DatabaseCopy.TableOrder)
        {
            var expected = Count(source, table) ?? 0;
            var held = Count(target, table) ?? 0;
            if (held != expected)
            {
                return Text($"{table}: {held} rows on the target, {expected} on the source");
            }
        }

        return Chain(target).LastOrDefault() == Chain(source).LastOrDefault() ? null : "the target's chain head is not the source's";
    }

    private static long? Count(DbConnection connection, string table)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            // Not migrated yet. PostgreSQL aborts nothing here: the statement ran outside any transaction.
            return null;
        }
    }

    private static List<(long Seq, string Hash)> Chain(DbConnection connection)
    {
        var chain = new List<(long, string)>();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, hash FROM revisions ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                chain.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1)));
            }
        }
        catch (DbException)
        {
            // No revisions table yet: an empty chain.
        }

        return chain;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

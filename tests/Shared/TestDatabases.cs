using System.Collections.Concurrent;
using Marsad.Core.Storage;
using Npgsql;

namespace Marsad.Tests.Support;

/// <summary>
/// The databases a store test runs on: a SQLite file in the test's folder, or a new empty database on the PostgreSQL
/// server that <c>./test.sh</c> starts and names in <c>MARSAD_TEST_POSTGRES</c>. Without the variable a PostgreSQL
/// test is reported as skipped (never silently passed).
/// </summary>
public static class TestDatabases
{
    public const string Variable = "MARSAD_TEST_POSTGRES";

    // Databases (and their owner roles) this test process made, dropped when it exits: ./test.sh's throwaway cluster goes
    // anyway, but a developer's long-lived server would otherwise gather hundreds of them run after run.
    private static readonly ConcurrentQueue<(string Database, string? Role)> Created = new();
    private static int exitHooked;

    /// <summary>Both providers, for [Theory] [MemberData]: every store test runs once on each.</summary>
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    /// <summary>The server's connection string, or null when no test server was started.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>A target on <paramref name="provider"/>: the file in <paramref name="folder"/>, or a new PostgreSQL database.</summary>
    public static DatabaseTarget Target(DatabaseProvider provider, TempFolder folder, string file = "marsad.db") =>
        provider == DatabaseProvider.Sqlite ? new DatabaseTarget(DatabaseProvider.Sqlite, folder.File(file)) : new DatabaseTarget(DatabaseProvider.PostgreSql, CreatePostgres());

    /// <summary>
    /// Runs SQL straight against the database, past Marsad (a tamperer's edit); returns the rows affected. On PostgreSQL,
    /// SQLite's <c>rowid</c> is the identity column <c>row_order</c>.
    /// </summary>
    public static int Execute(DatabaseTarget target, string sql)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = Open(target);
        using var command = connection.CreateCommand();
        command.CommandText = target.Provider == DatabaseProvider.Sqlite ? sql : sql.Replace("rowid", "row_order", StringComparison.Ordinal);
        return command.ExecuteNonQuery();
    }

    /// <summary>One number read straight from the database (a count).</summary>
    public static long Scalar(DatabaseTarget target, string sql)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = Open(target);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The rows a query reads straight from the database, each as its values joined by '|' (null as "null").</summary>
    public static List<string> Rows(DatabaseTarget target, string sql)
    {
        using var connection = Open(target);
        return Rows(connection, sql);
    }

    /// <summary>The rows a query reads on <paramref name="connection"/>, each as its values joined by '|' (null as "null").</summary>
    public static List<string> Rows(System.Data.Common.DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>An open connection straight to the database, past Marsad, unpooled (a SQLite file is created when missing).</summary>
    public static System.Data.Common.DbConnection Open(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        System.Data.Common.DbConnection connection = target.Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target.Value};Pooling=False")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.Value) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A new, empty database on the test server; skips the test when there is none.</summary>
    public static string CreatePostgres()
    {
        var server = Server ?? throw Xunit.Sdk.SkipException.ForSkip($"{Variable} is not set: this test needs a PostgreSQL server (./test.sh starts a throwaway one)");

        var name = "marsad_t_" + Guid.NewGuid().ToString("N")[..20];
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        DropAtExit(name);

        // Each test's pool lets its idle connections go within seconds: hundreds of test databases share one server.
        return new NpgsqlConnectionStringBuilder(server) { Database = name, ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1 }.ConnectionString;
    }

    /// <summary>Drops <paramref name="database"/> (and then <paramref name="role"/>) on the test server when this process exits.</summary>
    public static void DropAtExit(string database, string? role = null)
    {
        Created.Enqueue((database, role));
        if (Interlocked.Exchange(ref exitHooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropCreated();
        }
    }

    private static void DropCreated()
    {
        if (Server is not { } server || Created.IsEmpty)
        {
            return;
        }

        try
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false, Timeout = 5 }.ConnectionString);
            connection.Open();
            while (Created.TryDequeue(out var made))
            {
                // FORCE ends what a test left connected (a server process it started, a pool not yet pruned).
                using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {made.Database} WITH (FORCE)", connection))
                {
                    drop.ExecuteNonQuery();
                }

                if (made.Role is not null)
                {
                    using var dropRole = new NpgsqlCommand($"DROP ROLE IF EXISTS {made.Role}", connection);
                    dropRole.ExecuteNonQuery();
                }
            }
        }
        catch (NpgsqlException)
        {
            // The server may be gone already (./test.sh stops its cluster); a database left behind fails no test.
        }
    }
}

using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Marsad.Core.Storage.Migrations;

/// <summary>
/// Versioned schema migrations: scripts named <c>NNNN_name.sql</c> embedded in each engine's provider assembly, each applied
/// once, in order, in its own transaction, and recorded in <c>schema_migrations</c>. A script is applied when its
/// version is not recorded, not only when it is above the highest: branches take numbers in advance, so a
/// database may meet 0006 before 0005 arrives, and 0005 must still run then.
/// </summary>
public sealed partial class Migrator(SqlDialect dialect, TimeProvider time)
{
    /// <summary>Resource name prefix of a provider's scripts (see the storage projects' csproj).</summary>
    private const string Prefix = "Marsad.Migrations.";

    /// <summary>The scripts a storage provider's assembly embeds, in version order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => (Resource: n, Match: ScriptName().Match(n[Prefix.Length..])))
            .Where(x => x.Match.Success)
            .Select(x => (int.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture), x.Match.Groups[2].Value, Read(assembly, x.Resource)))
            .OrderBy(x => x.Item1)];
    }

    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        // What is applied is read first, without a write lock: a migrated database (every run of every command) never
        // queues behind a writer such as a long corroboration, so readers start at once.
        var known = await AppliedAsync(connection, cancellationToken);
        if (known is null)
        {
            await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken);
            known = [];
        }

        var from = known.Count == 0 ? 0 : known.Max();
        var applied = new List<string>();
        foreach (var (version, name, sql) in Scripts(dialect.GetType().Assembly).Where(s => !known.Contains(s.Version)))
        {
            await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
            // Another process may have migrated while we waited for the write lock.
            if (await IsAppliedAsync(connection, tx, version, cancellationToken))
            {
                await tx.RollbackAsync(cancellationToken);
                continue;
            }

            await ExecuteAsync(connection, tx, sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @at)";
                record.AddParameter("@v", version).AddParameter("@n", name).AddParameter("@at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            applied.Add($"{version:0000}_{name}");
        }

        return new MigrationReport(from, await CurrentVersionAsync(connection, null, cancellationToken), applied);
    }

    /// <summary>
    /// The scripts this build has that the database has not recorded, read without writing anything: a hot standby or a
    /// read-only role can be asked, and a server that must not migrate learns whether it may serve.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var known = await AppliedAsync(connection, cancellationToken) ?? [];
        return [.. Scripts(dialect.GetType().Assembly).Where(s => !known.Contains(s.Version)).Select(s => $"{s.Version:0000}_{s.Name}")];
    }

    /// <summary>The versions recorded, or null when there is no record yet (a new database).</summary>
    private static async Task<HashSet<int>?> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations";
        var versions = new HashSet<int>();
        DbDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (DbException)
        {
            return null;
        }

        await using var _ = reader;
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction tx, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @v";
        command.AddParameter("@v", version);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? tx, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}

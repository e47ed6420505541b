using Marsad.Core.Audit;
using Microsoft.Data.Sqlite;

namespace Marsad.Core.Storage;

/// <summary>
/// <c>marsad backup</c> / <c>restore</c>: the whole record copied to or from one file through SQLite's online backup API,
/// which copies a consistent snapshot while others keep reading and writing. A restore first verifies the file's audit
/// chain and every sealed row, so a tampered or half-copied backup never replaces the record.
/// </summary>
public static class DatabaseBackup
{
    public static async Task<AuditVerification> BackupAsync(IMarsadStore store, string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var source = SqlitePath(store.Target);
        var full = Path.GetFullPath(file);
        if (File.Exists(full))
        {
            throw new IOException($"{full} exists; a backup never overwrites a file");
        }

        // Written beside the target and renamed at the end: a killed backup leaves no file that looks complete.
        var partial = full + ".partial";
        File.Delete(partial);
        Copy(source, partial);
        File.Move(partial, full);
        return await VerifyFileAsync(full, cancellationToken);
    }

    public static async Task<AuditVerification> RestoreAsync(IMarsadStore store, string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var target = SqlitePath(store.Target);
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"{full} does not exist", full);
        }

        var verification = await VerifyFileAsync(full, cancellationToken);
        if (verification.FirstFailure is { } failure)
        {
            throw new InvalidDataException($"{full} does not verify ({failure.EntityType} {failure.EntityId}: {failure.Problem}); nothing was restored");
        }

        // The backup API replaces the target's pages in one transaction: readers see the old record or the new one.
        Copy(full, target);
        return await store.Audit.VerifyAsync(null, cancellationToken);
    }

    private static async Task<AuditVerification> VerifyFileAsync(string file, CancellationToken cancellationToken)
    {
        var target = new DatabaseTarget(DatabaseProvider.Sqlite, file);
        var copy = await MarsadStore.OpenAsync(new Sqlite.SqliteStorageProvider().CreateDialect(target), target, TimeProvider.System, migrate: false, cancellationToken);
        return await copy.Audit.VerifyAsync(null, cancellationToken);
    }

    private static void Copy(string from, string to)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 60 }.ToString());
        source.Open();
        destination.Open();
        // SQLite answers a backup step with BUSY, and calls no busy handler for the source, while another connection
        // holds the source briefly (a commit, a checkpoint, the last pooled connection closing the WAL): the step is
        // tried again, as the backup API asks, for up to a minute before the copy is given up.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                source.BackupDatabase(destination);
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && waited.Elapsed < BusyLimit)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static readonly TimeSpan BusyLimit = TimeSpan.FromMinutes(1);

    private static string SqlitePath(DatabaseTarget target) => target.Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(target.Value)
        : throw new NotSupportedException("backup and restore copy SQLite databases; for PostgreSQL use pg_dump and pg_restore");
}

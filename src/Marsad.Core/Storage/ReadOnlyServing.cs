namespace Marsad.Core.Storage;

/// <summary>
/// Serving a database that must not be written: a streaming replica (PostgreSQL's hot standby refuses every write) or a
/// copy opened for the public site. Such a server never migrates, so it serves only a schema this build knows whole.
/// </summary>
public static class ReadOnlyServing
{
    /// <summary>Throws <see cref="StoreUnavailableException"/> naming what is missing when the database's schema is behind this build.</summary>
    public static async Task RequireCurrentSchemaAsync(IMarsadStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<string> pending;
        try
        {
            pending = await store.PendingMigrationsAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new StoreUnavailableException($"database {store.Target.Display}: {ex.Message}", ex);
        }

        if (pending.Count > 0)
        {
            throw new StoreUnavailableException(
                $"database {store.Target.Display} lacks {pending.Count} migration(s) of this build (first {pending[0]}); a read-only server does not migrate: run 'marsad db migrate' against the primary and let the replica catch up");
        }
    }
}

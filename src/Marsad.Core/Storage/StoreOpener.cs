namespace Marsad.Core.Storage;

/// <summary>
/// Opens the store a target names through the registered provider that accepts it: the one place a target becomes a
/// dialect, whatever host asks (the CLI's <c>--db</c>, <c>db copy</c>'s two databases, a backup's file).
/// </summary>
public sealed class StoreOpener(IEnumerable<IStorageProvider> providers, TimeProvider time)
{
    private readonly IStorageProvider[] _providers = [.. providers];

    public TimeProvider Time => time;

    /// <summary>
    /// Opens the database <paramref name="target"/> names, creating and migrating it when <paramref name="migrate"/> is
    /// true (the default: a new file is migrated on first use).
    /// </summary>
    public Task<IMarsadStore> OpenAsync(DatabaseTarget target, bool migrate = true, CancellationToken cancellationToken = default) =>
        MarsadStore.OpenAsync(DialectOf(target), target, time, migrate, cancellationToken);

    /// <summary>The dialect for a database that is not (or not only) a Marsad record: a public mirror's.</summary>
    internal SqlDialect DialectOf(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var provider = Array.Find(_providers, p => p.Accepts(target))
            ?? throw new StoreUnavailableException($"database {target.Display}: no {target.Provider} storage provider is registered in this host");
        return provider.CreateDialect(target);
    }
}

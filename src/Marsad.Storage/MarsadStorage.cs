using Marsad.Core.Storage;
using Marsad.Core.Storage.Postgres;
using Marsad.Core.Storage.Sqlite;

namespace Marsad.Storage;

/// <summary>
/// The storage providers this build carries, for <see cref="Microsoft.Extensions.DependencyInjection.StorageServiceCollectionExtensions.AddMarsadStorage"/> and
/// for code that opens a store without a service container (tests, the bench).
/// </summary>
public static class MarsadStorage
{
    public static IReadOnlyList<IStorageProvider> Providers { get; } = [new SqliteStorageProvider(), new PostgresStorageProvider()];

    /// <summary>Opens stores through every provider of this build, on <paramref name="time"/>.</summary>
    public static StoreOpener Opener(TimeProvider time) => new(Providers, time);

    /// <summary>Opens (and, when <paramref name="migrate"/>, creates and migrates) the database <paramref name="target"/> names.</summary>
    public static Task<IMarsadStore> OpenAsync(DatabaseTarget target, TimeProvider time, bool migrate = true, CancellationToken cancellationToken = default) =>
        Opener(time).OpenAsync(target, migrate, cancellationToken);
}

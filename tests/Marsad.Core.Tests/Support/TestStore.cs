using Marsad.Core.Storage;

namespace Marsad.Core.Tests.Support;

/// <summary>A migrated store: a SQLite file in a temp folder, or a new database on the PostgreSQL test server.</summary>
internal static class TestStore
{
    public static Task<IMarsadStore> OpenAsync(TempFolder folder, TimeProvider? time = null) =>
        MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.File("marsad.db")), time ?? FixedClock.At(2021, 1, 23));

    /// <summary>A migrated store on <paramref name="provider"/>; a PostgreSQL test is skipped when no test server was started.</summary>
    public static Task<IMarsadStore> OpenAsync(DatabaseProvider provider, TempFolder folder, TimeProvider? time = null) =>
        MarsadStorage.OpenAsync(TestDatabases.Target(provider, folder), time ?? FixedClock.At(2021, 1, 23));
}

using Marsad.Core.Storage;

namespace Marsad.Core.Tests.Support;

/// <summary>A migrated SQLite store in a temp folder.</summary>
internal static class TestStore
{
    public static Task<IMarsadStore> OpenAsync(TempFolder folder, TimeProvider? time = null) =>
        MarsadStore.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.File("marsad.db")), time ?? FixedClock.At(2021, 1, 23));
}

using Marsad.Core.Storage;
using Marsad.Core.Storage.Migrations;
using Marsad.Core.Tests.Support;

namespace Marsad.Core.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public async Task A_new_database_is_migrated_on_first_use_and_a_second_run_applies_nothing()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var latest = Migrator.Scripts("Sqlite").Max(s => s.Version);
        var again = await store.MigrateAsync();
        Assert.Empty(again.Applied);
        Assert.Equal(latest, again.ToVersion);
        Assert.Equal(0, await store.Documents.CountAsync());
    }

    [Fact]
    public void Migration_scripts_are_numbered_without_gaps()
    {
        // 5, 6 and 8 are reserved for branches developed in parallel (perf, registers, web); a branch
        // without them may skip them. Once every branch is merged this exemption can go.
        int[] reserved = [5, 6, 8];
        var versions = Migrator.Scripts("Sqlite").Select(s => s.Version).ToList();
        Assert.NotEmpty(versions);
        var expected = Enumerable.Range(1, versions.Max()).Where(v => versions.Contains(v) || !reserved.Contains(v));
        Assert.Equal(expected, versions);
    }

    [Fact]
    public async Task A_missing_folder_or_a_directory_path_is_a_clear_error()
    {
        using var folder = new TempFolder();
        var missing = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            MarsadStore.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.File("nope/marsad.db")), TimeProvider.System));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        var directory = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            MarsadStore.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.Path), TimeProvider.System));
        Assert.Contains("is a directory", directory.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_a_clear_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("notes.db", new string('x', 5000));
        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            MarsadStore.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, path), TimeProvider.System));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite, "marsad.db")]
    [InlineData("data/record.db", DatabaseProvider.Sqlite, "data/record.db")]
    [InlineData("Host=127.0.0.1;Database=marsad", DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=marsad")]
    [InlineData("postgres://u@127.0.0.1/marsad", DatabaseProvider.PostgreSql, "postgres://u@127.0.0.1/marsad")]
    public void The_db_option_names_the_engine(string? value, DatabaseProvider provider, string expected)
    {
        var target = DatabaseTarget.Parse(value);
        Assert.Equal(provider, target.Provider);
        Assert.Equal(expected, target.Value);
    }

    [Fact]
    public void A_postgres_password_is_never_displayed() =>
        Assert.DoesNotContain("s3cret", DatabaseTarget.Parse("Host=db;Username=m;Password=s3cret").Display, StringComparison.Ordinal);
}

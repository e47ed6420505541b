using Marsad.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Core.Tests.Storage;

/// <summary>
/// A host registers Core and one connection (AddMarsadCore, AddMarsadStorage) and gets the store of the engine the
/// connection names: a file path is SQLite, a connection string or postgres:// URL is PostgreSQL.
/// </summary>
public sealed class StorageRegistrationTests
{
    private static ServiceProvider Host(string? connection) =>
        new ServiceCollection().AddMarsadCore().AddMarsadStorage(connection).BuildServiceProvider();

    [Fact]
    public async Task A_file_path_opens_a_migrated_sqlite_store()
    {
        using var folder = new TempFolder();
        var file = folder.File("registered.db");
        await using var services = Host(file);

        var store = await services.OpenMarsadStoreAsync();

        Assert.Equal(DatabaseProvider.Sqlite, store.Target.Provider);
        Assert.Equal(Path.GetFullPath(file), store.Target.Display);
        Assert.Equal(0L, await store.Audit.CountAsync());
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task A_postgres_connection_opens_a_postgres_store()
    {
        var connection = TestDatabases.CreatePostgres();
        await using var services = Host(connection);

        var store = await services.OpenMarsadStoreAsync();

        Assert.Equal(DatabaseProvider.PostgreSql, store.Target.Provider);
        Assert.Equal(0L, await store.Audit.CountAsync());
    }

    [Fact]
    public async Task A_postgres_url_is_given_to_the_postgres_provider()
    {
        // Nothing listens on port 9 of loopback: the PostgreSQL provider was chosen if the open fails connecting there.
        await using var services = Host("postgres://marsad:secret-word@127.0.0.1:9/none");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => services.OpenMarsadStoreAsync());

        Assert.Equal(DatabaseProvider.PostgreSql, services.GetRequiredService<DatabaseTarget>().Provider);
        Assert.DoesNotContain("secret-word", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_without_a_storage_provider_is_told_so()
    {
        using var folder = new TempFolder();
        await using var services = new ServiceCollection().AddMarsadCore().AddSingleton(DatabaseTarget.Parse(folder.File("none.db"))).BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => services.OpenMarsadStoreAsync());

        Assert.Contains("no Sqlite storage provider", failure.Message, StringComparison.Ordinal);
    }
}

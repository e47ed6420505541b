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
        var latest = Migrator.Scripts(typeof(Marsad.Core.Storage.Sqlite.SqliteDialect).Assembly).Max(s => s.Version);
        var again = await store.MigrateAsync();
        Assert.Empty(again.Applied);
        Assert.Equal(latest, again.ToVersion);
        Assert.Equal(0, await store.Documents.CountAsync());
    }

    [Fact]
    public void Migration_scripts_have_distinct_numbers_in_order()
    {
        // Numbers are handed to branches in advance, so a branch may lack a lower one until the merge.
        var versions = Migrator.Scripts(typeof(Marsad.Core.Storage.Sqlite.SqliteDialect).Assembly).Select(s => s.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(1, versions[0]);
        Assert.Equal(versions.Distinct().Order(), versions);
    }

    [Fact]
    public async Task A_script_numbered_below_the_highest_applied_still_runs_when_the_database_lacks_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("m.db");
        await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, path), TimeProvider.System);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE extraction_proposals; DELETE FROM schema_migrations WHERE version = 4";
            command.ExecuteNonQuery();
        }

        var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, path), TimeProvider.System, migrate: false);
        var report = await store.MigrateAsync();

        Assert.Equal(["0004_extraction_proposals"], report.Applied);
        Assert.Empty((await store.MigrateAsync()).Applied);
    }

    [Fact]
    public async Task A_missing_folder_or_a_directory_path_is_a_clear_error()
    {
        using var folder = new TempFolder();
        var missing = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.File("nope/marsad.db")), TimeProvider.System));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        var directory = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.Path), TimeProvider.System));
        Assert.Contains("is a directory", directory.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_a_clear_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("notes.db", new string('x', 5000));
        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, path), TimeProvider.System));
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

    [Theory]
    [InlineData("Host=db;Username=m;Password=s3cret")]
    [InlineData("postgres://m:s3cret@db:5432/marsad")]
    [InlineData("postgresql://m@db/marsad?password=s3cret&sslmode=require")]
    public void A_postgres_password_is_never_displayed(string value) =>
        Assert.DoesNotContain("s3cret", DatabaseTarget.Parse(value).Display, StringComparison.Ordinal);

    [Fact]
    public void A_postgres_url_becomes_the_connection_string_it_means()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Marsad.Core.Storage.Postgres.PostgresDialect.ToConnectionString("postgres://team%40ngo:p%3Ass@db.example:6543/marsad?sslmode=require&application_name=review"));
        Assert.Equal("db.example", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("team@ngo", builder.Username);
        Assert.Equal("p:ss", builder.Password);
        Assert.Equal("marsad", builder.Database);
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal("review", builder.ApplicationName);
    }

    [Fact]
    public void Each_engine_has_every_migration_number()
    {
        // One migrator, a folder per engine: a version added for one engine and forgotten for the other would leave their schemas apart.
        Assert.Equal(Migrator.Scripts(typeof(Marsad.Core.Storage.Sqlite.SqliteDialect).Assembly).Select(s => s.Version), Migrator.Scripts(typeof(Marsad.Core.Storage.Postgres.PostgresDialect).Assembly).Select(s => s.Version));
    }

    [Fact]
    public async Task A_new_postgres_database_is_migrated_on_first_use_and_a_second_run_applies_nothing()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(DatabaseProvider.PostgreSql, folder);
        var again = await store.MigrateAsync();
        Assert.Empty(again.Applied);
        Assert.Equal(Migrator.Scripts(typeof(Marsad.Core.Storage.Postgres.PostgresDialect).Assembly).Max(s => s.Version), again.ToVersion);
        Assert.Equal(0, await store.Documents.CountAsync());
    }
}

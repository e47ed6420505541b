namespace Marsad.Tests.Support;

// The sites are shared with the bench (tests/Shared/LeakWalk); here they are xUnit fixtures as well.
public sealed partial class DemoSite : IAsyncLifetime
{
}

public sealed partial class LeakSite : IAsyncLifetime
{
}

/// <summary>One demo site for every test class in the collection: building it runs the demo once.</summary>
[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "demo site";
}

[CollectionDefinition(Name)]
public sealed class LeakSiteCollection : ICollectionFixture<LeakSite>
{
    public const string Name = "leak site";
}

/// <summary>
/// The leak site served from PostgreSQL (built on SQLite, planted, then copied to a new database on the test server):
/// built only when <c>MARSAD_TEST_POSTGRES</c> names one; without it the tests that need it are reported as skipped.
/// </summary>
public sealed class PostgresLeakSite : IAsyncLifetime
{
    private LeakSite? _site;

    public LeakSite Site => _site ?? throw Xunit.Sdk.SkipException.ForSkip($"{TestDatabases.Variable} is not set: the leak walk on PostgreSQL needs a test server (./test.sh starts a throwaway one)");

    public async ValueTask InitializeAsync()
    {
        if (TestDatabases.Server is null)
        {
            return;
        }

        _site = LeakSite.OnPostgres(TestDatabases.CreatePostgres());
        await _site.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresLeakSiteCollection : ICollectionFixture<PostgresLeakSite>
{
    public const string Name = "leak site on postgresql";
}

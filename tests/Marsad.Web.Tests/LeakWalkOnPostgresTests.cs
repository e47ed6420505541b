using Marsad.Core.Storage;

namespace Marsad.Web.Tests;

/// <summary>
/// The leak walk and the text oracle of <see cref="LeakWalkTests"/> over the same planted site served from PostgreSQL
/// (skipped without <c>MARSAD_TEST_POSTGRES</c>): masking, search and filters run other SQL there, so each is walked again.
/// </summary>
[Collection(PostgresLeakSiteCollection.Name)]
public sealed class LeakWalkOnPostgresTests(PostgresLeakSite fixture)
{
    [Fact]
    public async Task No_route_role_format_or_query_parameter_gives_a_planted_secret_to_a_role_that_may_not_read_it_on_postgresql()
    {
        var site = fixture.Site;
        Assert.Equal(DatabaseProvider.PostgreSql, site.Site.Store.Target.Provider);
        var walk = await LeakWalk.RunAsync(site, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"leak walk on PostgreSQL: {walk.Routes} routes x {walk.Roles} roles, {walk.Variants} format/parameter variants, {walk.Requests} requests, {walk.Leaks.Count} leaks");
        Assert.Empty(walk.Unwalked);
        Assert.Empty(walk.Leaks);
        Assert.Equal(LeakWalk.Planted.Order(StringComparer.Ordinal), walk.SeenByEditor.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_cli_command_format_or_role_prints_a_planted_secret_to_a_role_that_may_not_read_it_on_postgresql()
    {
        var walk = await CliLeakWalk.RunAsync(fixture.Site, TestContext.Current.CancellationToken);
        Assert.Empty(walk.Leaks);
        Assert.Equal(LeakWalk.Planted.Order(StringComparer.Ordinal), walk.SeenByEditor.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_text_filter_answers_the_public_the_same_for_a_confidential_name_and_its_prefixes_as_for_random_strings_on_postgresql()
    {
        var (routes, _, differing) = await LeakWalk.TextOracleAsync(fixture.Site, TestContext.Current.CancellationToken);

        Assert.Contains(routes, r => r.TrimEnd('/') == "/api/events");
        Assert.Contains(routes, r => r.TrimEnd('/') == "/api/persons/filtered");
        Assert.Empty(differing);
    }
}

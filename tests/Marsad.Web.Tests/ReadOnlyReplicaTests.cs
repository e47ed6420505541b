using System.Net;
using System.Net.Http.Json;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Web.Tests;

/// <summary>
/// Issue 17's read-only replica: a primary cluster and a hot standby made from it with <c>pg_basebackup</c> (both
/// started by the test, on loopback), the public site served by <c>serve --read-only</c> from the standby. It shows the
/// primary's published events, follows new ones as the standby replays them, refuses writes with 405 before they
/// reach a database that could not take them, and will not serve a schema it would have to migrate.
/// </summary>
public sealed class ReadOnlyReplicaTests
{
    private static ConflictEvent Event(string place, EventStatus status) => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.ArmedClash,
        Date = DateSpan.OnDay(new DateOnly(2024, 5, 2)),
        Actor1 = "Military Forces of Syria (2000-)",
        Location = new Location(place, null, "Hama", "Hama", null, new GeoPoint(35.2, 36.6), GeoPrecision.Place),
        Summary = $"Fighting was reported on the edge of {place} overnight.",
        Status = status,
    };

    [Fact]
    public async Task A_standby_serves_the_published_record_follows_the_primary_and_refuses_writes()
    {
        using var primary = LocalPostgresCluster.Start("wal_level=replica", "max_wal_senders=4");
        await primary.ExecuteAsync("CREATE DATABASE marsad");
        await primary.ExecuteAsync("CREATE DATABASE unmigrated");
        var onPrimary = new DatabaseTarget(DatabaseProvider.PostgreSql, primary.ConnectionString("marsad"));
        var writer = await MarsadStorage.OpenAsync(onPrimary, TimeProvider.System);
        var context = new ChangeContext("coder");
        var first = Event("Tell Bazzam", EventStatus.Published);
        var draft = Event("Kafr Nabudah", EventStatus.Extracted);
        await writer.Records.AddAsync(first, context);
        await writer.Records.AddAsync(draft, context);

        using var standby = LocalPostgresCluster.StartReplicaOf(primary);
        Assert.Equal("true", await standby.ScalarAsync("SELECT pg_is_in_recovery()::text"));
        var replicaTarget = new DatabaseTarget(DatabaseProvider.PostgreSql, standby.ConnectionString("marsad"));
        var replica = await MarsadStorage.OpenAsync(replicaTarget, TimeProvider.System, migrate: false);
        await ReadOnlyServing.RequireCurrentSchemaAsync(replica);

        // A database the standby holds unmigrated is refused, not migrated (the standby could not take the write).
        var bare = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.PostgreSql, standby.ConnectionString("unmigrated")), TimeProvider.System, migrate: false);
        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => ReadOnlyServing.RequireCurrentSchemaAsync(bare));
        Assert.Contains("read-only server does not migrate", refused.Message, StringComparison.Ordinal);

        var (app, address) = await DemoSite.StartAsync(new MarsadWebOptions { Database = replicaTarget, Urls = ["http://127.0.0.1:0"], Quiet = true, ReadOnly = true }, replica);
        try
        {
            using var client = new HttpClient { BaseAddress = address };
            var page = await client.GetStringAsync(new Uri("/api/events?limit=1000", UriKind.Relative));
            Assert.Contains(first.Id.ToString(), page, StringComparison.Ordinal);
            Assert.DoesNotContain(draft.Id.ToString(), page, StringComparison.Ordinal);

            // Written on the primary, seen through the standby once replayed.
            var second = Event("Halfaya", EventStatus.Published);
            await writer.Records.AddAsync(second, context);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string later;
            do
            {
                await Task.Delay(200);
                later = await client.GetStringAsync(new Uri("/api/events?limit=1000", UriKind.Relative));
            }
            while (!later.Contains(second.Id.ToString(), StringComparison.Ordinal) && DateTime.UtcNow < deadline);
            Assert.Contains(second.Id.ToString(), later, StringComparison.Ordinal);

            foreach (var (path, body) in new[]
            {
                ("/api/account/signin", (object)new { name = "coder", password = "any password at all" }),
                ("/api/review/decisions", new { kind = "event", id = draft.Id, action = "accept", version = 1 }),
                ($"/api/events/{draft.Id}/status", new { status = "published", version = 1 }),
            })
            {
                using var response = await client.PostAsJsonAsync(path, body);
                Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("read-only", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // Nothing reached the primary either: the draft is still a draft, at its first version.
            Assert.Equal(1, (await writer.Records.GetAsync<ConflictEvent>(draft.Id))!.Version);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

using Marsad.Core.Publishing;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Documents;
using Marsad.Domain.Events;
using Marsad.Domain.Records;
using Npgsql;

namespace Marsad.Core.Tests.Publishing;

/// <summary>
/// Issue 17's public mirror: a team's cluster (wal_level = logical) publishes its public view, a second cluster
/// subscribes (both started by the test, on loopback). The mirror holds the published records only, as the public reads
/// them (a confidential source's name masked, a person's date of birth withheld), without the team's columns, and follows
/// a new publication, a withdrawal and a source made confidential afterwards. Names and sentences written for this test.
/// </summary>
public sealed class PublicMirrorTests
{
    private const string Secret = "Qasr Talabi Informants";

    private static ConflictEvent Event(string place, EventStatus status, string summary) => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
        Date = DateSpan.OnDay(new DateOnly(2024, 2, 11)),
        Actor1 = "Military Forces of Syria (2000-)",
        Location = new Location(place, null, "Idlib", "Idlib", null, new GeoPoint(35.9, 36.6), GeoPrecision.Place),
        Summary = summary,
        Status = status,
    };

    [Fact]
    public async Task The_mirror_holds_what_the_public_reads_and_follows_publications_and_withdrawals()
    {
        using var team = LocalPostgresCluster.Start("wal_level=logical", "max_wal_senders=8", "max_replication_slots=8");
        using var site = LocalPostgresCluster.Start("max_logical_replication_workers=4");
        await team.ExecuteAsync("CREATE DATABASE record");
        await site.ExecuteAsync("CREATE DATABASE public_site");
        var primary = new DatabaseTarget(DatabaseProvider.PostgreSql, team.ConnectionString("record"));
        var mirror = new DatabaseTarget(DatabaseProvider.PostgreSql, site.ConnectionString("public_site"));
        var store = await MarsadStorage.OpenAsync(primary, TimeProvider.System);
        var coder = new ChangeContext("coder");

        await store.Sources.SaveAsync(Secret, SourceKind.FieldNetwork, confidential: true, null, null);
        await store.Sources.SaveAsync("Open Bulletin of Ariha", SourceKind.Outlet, confidential: false, "https://bulletin.example/ariha", null);
        var told = Event("Maarrat Misrin", EventStatus.Published, $"{Secret} said two shells fell on a bakery.");
        var draft = Event("Binnish", EventStatus.Extracted, "A draft nobody outside the team may read.");
        var person = new Person { Id = Guid.NewGuid(), Name = "Walid Fictional Hamdo", Status = PersonStatus.Detained, DateOfBirth = new DateOnly(1987, 9, 14), ReviewStatus = EventStatus.Published }
            .WithStep(new PersonStatusStep(PersonStatus.Detained, DateSpan.OnDay(new DateOnly(2023, 11, 3))));
        await store.Records.AddAsync(told, coder);
        await store.Records.AddAsync(draft, coder);
        await store.Records.AddAsync(person, coder);

        var published = await PublicMirror.PublishAsync(store);
        Assert.True(published.LogicalWal);
        await PublicMirror.SubscribeAsync(MarsadStorage.Opener(TimeProvider.System), mirror, primary);

        var mirrored = await WaitForAsync(site, rows => rows.ContainsKey(told.Id.ToString()) && rows.ContainsKey(person.Id.ToString()));
        Assert.DoesNotContain(draft.Id.ToString(), mirrored.Keys);
        Assert.DoesNotContain(Secret, mirrored[told.Id.ToString()], StringComparison.Ordinal);
        Assert.Contains("bakery", mirrored[told.Id.ToString()], StringComparison.Ordinal);
        Assert.DoesNotContain("1987", mirrored[person.Id.ToString()], StringComparison.Ordinal);
        Assert.Contains("date_of_birth", mirrored[person.Id.ToString()], StringComparison.Ordinal); // named among the withheld fields
        Assert.Contains("Open Bulletin of Ariha", string.Concat(mirrored.Values), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, string.Concat(mirrored.Values), StringComparison.Ordinal);
        // The team's workflow column never left: the mirror's table has the public columns only.
        Assert.Equal(string.Join(",", PublicView.PublicColumns), await site.ScalarAsync(
            "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'public_view'", "public_site"));

        // A new publication arrives; a withdrawal (published → verified) leaves; the draft published later arrives.
        var later = Event("Taftanaz", EventStatus.Published, "Shelling struck a school yard in the afternoon.");
        await store.Records.AddAsync(later, coder);
        var stored = (await store.Records.GetAsync<ConflictEvent>(told.Id))!;
        await store.Records.UpdateAsync(stored.Value with { Status = EventStatus.Verified }, stored.Version, new ChangeContext("editor", "withdrawn pending a second source"));
        mirrored = await WaitForAsync(site, rows => rows.ContainsKey(later.Id.ToString()) && !rows.ContainsKey(told.Id.ToString()));
        Assert.DoesNotContain(draft.Id.ToString(), mirrored.Keys);

        // A source made confidential afterwards: its name leaves every mirrored record.
        await store.Sources.SaveAsync("Open Bulletin of Ariha", null, confidential: true, null, null);
        var renamed = Event("Sarmin", EventStatus.Published, "Open Bulletin of Ariha counted four wounded at the market.");
        await store.Records.AddAsync(renamed, coder);
        mirrored = await WaitForAsync(site, rows => rows.ContainsKey(renamed.Id.ToString()) && !string.Concat(rows.Values).Contains("Open Bulletin of Ariha", StringComparison.Ordinal));
        Assert.Contains("four wounded", mirrored[renamed.Id.ToString()], StringComparison.Ordinal);
    }

    /// <summary>The mirror's rows (id → record) once <paramref name="done"/> holds for them; fails after a minute.</summary>
    private static async Task<Dictionary<string, string>> WaitForAsync(LocalPostgresCluster site, Func<Dictionary<string, string>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Dictionary<string, string> rows;
        do
        {
            rows = [];
            await using var db = new NpgsqlConnection(site.ConnectionString("public_site"));
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT record_id, COALESCE(record, '') FROM public_view", db);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetString(0)] = reader.GetString(1);
            }

            if (done(rows))
            {
                return rows;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail("the mirror did not reach the expected rows within a minute; it holds: " + string.Join(" | ", rows.Select(r => r.Key + " " + r.Value[..Math.Min(80, r.Value.Length)])));
        return rows;
    }
}

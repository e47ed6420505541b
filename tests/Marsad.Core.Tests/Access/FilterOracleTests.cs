using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Registers;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Documents;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Tests.Access;

/// <summary>
/// Filters answer from what the role may see: filtering on a withheld value (a confidential name, a sensitive person
/// field, an unpublished event's place or governorate) tells a role below editor nothing it could not read. Values written for this test.
/// </summary>
public abstract class FilterOracleTests
{
    /// <summary>The database these tests run on: each concrete class below picks one, so every test runs on both.</summary>
    protected abstract DatabaseProvider Provider { get; }

    private const string Secret = "Quail Valley Monitor";
    private static readonly ChangeContext Editor = new("editor");
    private static readonly string[] PersonSecrets = ["Umm Tarek the aunt", "+963 933 000 111", "the Harjala poultry shed", "Abu Sufyan Test-Alias"];

    private async Task<IMarsadStore> SeedAsync(TempFolder folder)
    {
        var store = await TestStore.OpenAsync(Provider, folder);
        await store.Sources.SaveAsync(Secret, SourceKind.FieldNetwork, confidential: true, null, null);
        ConflictEvent Event(EventStatus status, string place, string admin1, GeoPoint point, string summary) => new()
        {
            Id = Guid.NewGuid(),
            SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
            Date = DateSpan.OnDay(new DateOnly(2022, 5, 3)),
            Actor1 = "Military Forces of Syria (2000-)",
            Location = new Location(place, null, admin1, admin1, null, point, GeoPrecision.Place),
            Summary = summary,
            Status = status,
        };
        await store.Records.AddAsync(Event(EventStatus.Published, "Maarzaf", "Hama", new GeoPoint(35.2, 36.6), $"{Secret} reported shelling of an orchard."), Editor);
        await store.Records.AddAsync(Event(EventStatus.Verified, "Tadmur", "Homs", new GeoPoint(34.55, 38.27), "shelling of a checkpoint, not yet published"), Editor);
        await store.Records.AddAsync(new Person
        {
            Id = Guid.NewGuid(), Name = "Salim Test-Missing", Status = PersonStatus.Missing, ReviewStatus = EventStatus.Published,
            FamilyDetails = PersonSecrets[0], Contacts = PersonSecrets[1], Aliases = [PersonSecrets[3]],
            LastSeenAt = new Location(PersonSecrets[2], null, "Hama", null, null, new GeoPoint(35.1, 36.7), GeoPrecision.Place),
            History = [new PersonStatusStep(PersonStatus.Missing, null, null, $"last heard of by {Secret}")],
        }, Editor);
        return store;
    }

    private static async Task<string> EventIdsAsync(IMarsadStore store, EventQuery query, Role role) =>
        string.Join(",", (await store.Events.ListJsonAsync(query, role)).Select(e => e.Id).Order());

    private static async Task<string> PersonIdsAsync(IMarsadStore store, string text, Role role) =>
        string.Join(",", (await store.Registers.ListAsync<Person>(new RegisterQuery { Text = text }, role)).Select(p => p.Record.Id).Order());

    private static async Task<string> PersonIdsAsync(IMarsadStore store, RegisterQuery query, Role role) =>
        string.Join(",", (await store.Registers.ListAsync<Person>(query, role)).Select(p => p.Record.Id).Order());

    [Theory]
    [InlineData(Role.Public)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Coder)]
    public async Task A_box_around_a_persons_withheld_exact_place_finds_what_a_random_box_finds_the_governorate_is_visible(Role role)
    {
        using var folder = new TempFolder();
        var store = await SeedAsync(folder);
        var around = new BoundingBox(36.65, 35.05, 36.75, 35.15);
        var random = new Random(15);
        for (var i = 0; i < 20; i++)
        {
            var (west, south) = (35.5 + (random.NextDouble() * 6), 32.5 + (random.NextDouble() * 4));
            var noise = new BoundingBox(west, south, west + 0.1, south + 0.1);
            Assert.Equal(await PersonIdsAsync(store, new RegisterQuery { Within = noise }, role), await PersonIdsAsync(store, new RegisterQuery { Within = around }, role));
        }

        Assert.Empty(await store.Registers.ListAsync<Person>(new RegisterQuery { Within = around }, role));
        // The governorate is what the role reads of the place, so filtering by it finds the person.
        Assert.Single(await store.Registers.ListAsync<Person>(new RegisterQuery { Admin1 = "hama" }, role));
        Assert.Empty(await store.Registers.ListAsync<Person>(new RegisterQuery { Admin1 = "Homs" }, role));
        // The control: the editor reads the exact place, and the box finds it.
        Assert.Single(await store.Registers.ListAsync<Person>(new RegisterQuery { Within = around, Admin1 = "Hama" }, Role.Editor));
    }

    private static string Noise(Random random, int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26)))]);

    [Theory]
    [InlineData(Role.Public)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Coder)]
    public async Task Text_on_events_and_persons_finds_nothing_by_a_withheld_value(Role role)
    {
        using var folder = new TempFolder();
        var store = await SeedAsync(folder);
        var random = new Random(14);
        // The alias of a record not marked public is withheld from the public only: the team reads it, and finds by it.
        var withheld = role == Role.Public ? PersonSecrets : PersonSecrets[..3];
        foreach (var secret in new[] { Secret, "Quail Valley" }.Concat(withheld))
        {
            var noise = Noise(random, secret.Length);
            Assert.Equal(await EventIdsAsync(store, new EventQuery { Text = noise }, role), await EventIdsAsync(store, new EventQuery { Text = secret }, role));
            Assert.Equal(await PersonIdsAsync(store, noise, role), await PersonIdsAsync(store, secret, role));
        }

        if (role != Role.Public)
        {
            Assert.NotEmpty(await PersonIdsAsync(store, PersonSecrets[3], role));
        }

        // The control: the editor's filters do find them.
        Assert.NotEmpty(await EventIdsAsync(store, new EventQuery { Text = Secret }, Role.Editor));
        foreach (var secret in PersonSecrets.Append(Secret))
        {
            Assert.NotEmpty(await PersonIdsAsync(store, secret, Role.Editor));
        }
    }

    [Fact]
    public async Task The_public_cannot_find_an_unpublished_events_place_by_governorate_or_box()
    {
        using var folder = new TempFolder();
        var store = await SeedAsync(folder);
        var box = new BoundingBox(38.0, 34.4, 38.5, 34.7);

        Assert.Empty(await store.Events.ListJsonAsync(new EventQuery { Admin1 = "Homs" }, Role.Public));
        Assert.Empty(await store.Events.ListJsonAsync(new EventQuery { Within = box }, Role.Public));
        Assert.Equal(await EventIdsAsync(store, new EventQuery { Admin1 = "Nowhere" }, Role.Public), await EventIdsAsync(store, new EventQuery { Within = box, Admin1 = "Homs" }, Role.Public));
        // The team reads unpublished records, so the viewer's filters find it.
        Assert.Single(await store.Events.ListJsonAsync(new EventQuery { Within = box }, Role.Viewer));
    }
}

public sealed class FilterOracleTestsOnSqlite : FilterOracleTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>On PostgreSQL events are searched through tsvector words of the redacted text (SQLite: FTS5), persons through the register's own rule: the same answers.</summary>
public sealed class FilterOracleTestsOnPostgres : FilterOracleTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

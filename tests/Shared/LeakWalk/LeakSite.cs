using Marsad.Core.Access;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Tests.Support;

/// <summary>
/// A demo site of its own with planted secrets: a confidential source with a name found nowhere else, filed once
/// under a variant spelling (non-breaking space, trailing '.') and named in a document's folder, a grade reason, a
/// claim's verdict reason (across a line break), an allegation's sources and notes and a person's status note; and
/// a published person's date of birth, family details and contacts; and records never published (an event, a
/// person and a claim, linked to a published event's document and in its month) whose titles the public must never
/// read. The leak walk looks for them everywhere.
/// </summary>
public sealed partial class LeakSite
{
    public const string Secret = "Qorvash Relay Cell";

    /// <summary>Sensitive person values no role below editor may receive.</summary>
    public static readonly string[] PersonSecrets = ["Zubaydi cousin Farqad", "+963 944 017 662", "1987-02-14"];

    /// <summary>Titles of records never published: the team may read them, the public never.</summary>
    public static readonly string[] UnpublishedTitles = ["Vexmoor granary fire", "Idris Quellbrook", "Tamsin orchard ruse"];

    /// <summary>A leak site served from SQLite (one public constructor: xUnit builds it as a fixture).</summary>
    public LeakSite() => Site = new DemoSite();

    private LeakSite(DemoSite site) => Site = site;

    /// <summary>A leak site served from the empty PostgreSQL database <paramref name="postgresDatabase"/>, see <see cref="DemoSite.PostgresDatabase"/>.</summary>
    public static LeakSite OnPostgres(string postgresDatabase) => new(new DemoSite { PostgresDatabase = postgresDatabase });

    public DemoSite Site { get; }

    public List<Guid> Ids { get; } = [];

    public async ValueTask InitializeAsync()
    {
        await Site.BuildAsync();
        var database = Site.Store.Target.Value;
        var folder = Path.Combine(Site.Folder, Secret);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.txt"), $"---\ntitle: Raid near Saraqib\npublished: 2023-03-09\nsource: {Secret}\n---\n" +
            $"On 8 March 2023, security forces raided homes in Saraqib in Idlib governorate and arrested four men, {Secret} said.\n");
        File.WriteAllText(Path.Combine(folder, "b.txt"), "---\ntitle: Shelling of Maarrat Misrin\npublished: 2023-03-10\nsource: Qorvash\u00A0Relay Cell.\n---\n" +
            "On 9 March 2023, shells fell on Maarrat Misrin in Idlib governorate, wounding a child.\n");
        await DemoSite.RunCliAsync("--db", database, "sources", "set", Secret, "--kind", "FieldNetwork", "--confidential");
        await DemoSite.RunCliAsync("--db", database, "ingest", folder);
        await DemoSite.RunCliAsync("--db", database, "corroborate");
        var store = Site.Store;
        var context = new ChangeContext("fixture", "planted for the leak walk");
        foreach (var item in await store.Events.ListAsync(new Core.Events.EventQuery { Limit = 10_000 }, Role.Editor))
        {
            Ids.Add(item.Event.Id);
            if (item.Sources.Contains(Secret) && item.Event.Status == EventStatus.Extracted)
            {
                var version = item.Version;
                foreach (var next in new[] { EventStatus.Reviewed, EventStatus.Verified, EventStatus.Published })
                {
                    version = await new SetEventStatus(store).RunAsync(item.Event.Id, next, version, context);
                }
            }
        }

        var claim = new Claim
        {
            Id = Guid.NewGuid(), Claimant = "regional media", Statement = "no civilians were hurt in Maarrat Misrin", Verdict = Verdict.False,
            VerdictReason = "contradicted by Qorvash Relay\nCell on the day", Status = EventStatus.Published,
        };
        var allegation = new Allegation
        {
            Id = Guid.NewGuid(), Summary = "unlawful shelling of a residential street", AllegedPerpetrator = "Military Forces of Syria (2000-)",
            History = [new InvestigationStep(InvestigationStatus.Alleged, new DateOnly(2023, 3, 9), $"first reported by {Secret}")],
            Sources = [Secret], ReviewStatus = EventStatus.Published,
        };
        var person = new Person
        {
            Id = Guid.NewGuid(), Name = "Hamid Test-Missing", Status = PersonStatus.Missing, ReviewStatus = EventStatus.Published,
            FamilyDetails = PersonSecrets[0], Contacts = PersonSecrets[1], DateOfBirth = DateOnly.Parse(PersonSecrets[2], System.Globalization.CultureInfo.InvariantCulture),
            History = [new PersonStatusStep(PersonStatus.Missing, null, null, $"last heard of by Qorvash Relay Cell.")],
        };
        await store.Records.AddAsync(claim, context);
        await store.Records.AddAsync(allegation, context);
        await store.Records.AddAsync(person, context);
        Ids.AddRange([claim.Id, allegation.Id, person.Id]);

        // Never published, but in the report's month and carried by a published event's document.
        var published = (await store.Events.ListAsync(new Core.Events.EventQuery { Limit = 10_000 }, Role.Public)).First(e => e.Event.Date.Start is { Year: 2023, Month: 3 });
        var unpublishedEvent = published.Event with
        {
            Id = Guid.NewGuid(), Status = EventStatus.Verified, Summary = UnpublishedTitles[0], Grade = null, GradeReason = null,
        };
        var unpublishedPerson = new Person
        {
            Id = Guid.NewGuid(), Name = UnpublishedTitles[1], Status = PersonStatus.Detained, ReviewStatus = EventStatus.Reviewed,
            LastSeen = published.Event.Date, DocumentIds = published.Event.DocumentIds, HeldBy = "Military Forces of Syria (2000-)",
        };
        var unpublishedClaim = new Claim
        {
            Id = Guid.NewGuid(), Claimant = "regional media", Statement = UnpublishedTitles[2], Verdict = Verdict.False, Status = EventStatus.Reviewed,
            Date = published.Event.Date.Start, DocumentIds = published.Event.DocumentIds,
        };
        await store.Records.AddAsync(unpublishedEvent, context);
        await store.Records.AddAsync(unpublishedPerson, context);
        await store.Records.AddAsync(unpublishedClaim, context);
        Ids.AddRange([unpublishedEvent.Id, unpublishedPerson.Id, unpublishedClaim.Id]);
        Ids.AddRange((await store.Documents.ListAsync(10_000, 0)).Select(d => d.Id));
        Ids.AddRange((await store.Registers.ListAsync<Person>(new Core.Registers.RegisterQuery(), Role.Editor)).Select(p => p.Record.Id));
        await Site.ServeAsync();
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}

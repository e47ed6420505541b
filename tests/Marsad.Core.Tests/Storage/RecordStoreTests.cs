using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Audit;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Tests.Storage;

public abstract class RecordStoreTests
{
    /// <summary>The database these tests run on: each concrete class below picks one, so every test runs on both.</summary>
    protected abstract DatabaseProvider Provider { get; }

    private static readonly ChangeContext Coder = new("coder-a", "first reading");

    internal static ConflictEvent Strike() => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.AirDroneStrike,
        Tags = ["airstrike"],
        Date = new DateSpan(new DateOnly(2020, 12, 21), new DateOnly(2021, 1, 20), TimePrecision.Month),
        Actor1 = "Global Coalition Against Daesh",
        Actor2 = "Islamic State (Syria)",
        Location = new Location("Hajin", null, "Deir-ez-Zor", "Abu Kamal", null, new GeoPoint(34.69, 40.83), GeoPrecision.Place),
        Quantities = Quantities.Empty.With("fatalities", Quantity.Exactly(3, "three")).With("injured", new Quantity(2, 4, null, "several")),
        Aggregate = new Aggregate(2, [new Location("Hajin", null, null, null, null, null, null)], [new DateOnly(2021, 1, 4)]),
        Evidence = new Evidence([new("event", new TextSpan(10, 80))]),
        Confidence = 0.8,
    };

    [Fact]
    public async Task An_event_reads_back_exactly_as_stored()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        var strike = Strike();
        await store.Records.AddAsync(strike, Coder);
        var read = await store.Records.GetAsync<ConflictEvent>(strike.Id);
        Assert.NotNull(read);
        Assert.Equal(strike, read.Value);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task Each_kind_of_record_round_trips()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        var claim = new Claim { Id = Guid.NewGuid(), Claimant = "regime media", Statement = "prisoners were moved", Verdict = Verdict.False, Date = new DateOnly(2021, 1, 5) };
        var person = new Person { Id = Guid.NewGuid(), Name = "abductees from Afrin", Status = PersonStatus.Missing, GroupSize = new Quantity(100, null, null, "hundreds") };
        var allegation = new Allegation
        {
            Id = Guid.NewGuid(),
            Summary = "camp bombed",
            Date = DateSpan.OnDay(new DateOnly(2019, 3, 21)),
            History = [new InvestigationStep(InvestigationStatus.InvestigationRequested, new DateOnly(2019, 4, 1))],
            Quantities = Quantities.Empty.With("fatalities", Quantity.Exactly(200)),
        };
        await store.Records.AddAsync(claim, Coder);
        await store.Records.AddAsync(person, Coder);
        await store.Records.AddAsync(allegation, Coder);
        Assert.Equal(claim, (await store.Records.GetAsync<Claim>(claim.Id))!.Value);
        Assert.Equal(person, (await store.Records.GetAsync<Person>(person.Id))!.Value);
        Assert.Equal(allegation, (await store.Records.GetAsync<Allegation>(allegation.Id))!.Value);
    }

    [Fact]
    public async Task Insert_update_and_status_change_each_write_a_revision_with_who_and_why()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        var strike = Strike();
        await store.Records.AddAsync(strike, Coder);
        var edited = strike with { Actor2 = "Civilians (Syria)" };
        await store.Records.UpdateAsync(edited, 1, new ChangeContext("coder-b", "victims were civilians"));
        await store.Records.UpdateAsync(edited with { Status = EventStatus.Reviewed }, 2, new ChangeContext("editor"));

        var revisions = await store.Audit.ListAsync(strike.Id);
        Assert.Equal([RevisionAction.Insert, RevisionAction.Update, RevisionAction.StatusChange], revisions.Select(r => r.Action).ToArray());
        Assert.Contains("\"actor2\":{\"old\":null,\"new\":\"Islamic State (Syria)\"}", revisions[0].Changes, StringComparison.Ordinal);
        Assert.Equal("coder-b", revisions[1].Author);
        Assert.Equal("victims were civilians", revisions[1].Reason);
        Assert.Contains("\"actor2\":{\"old\":\"Islamic State (Syria)\",\"new\":\"Civilians (Syria)\"}", revisions[1].Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("fatalities", revisions[1].Changes, StringComparison.Ordinal);
        Assert.Equal(revisions[0].Hash, revisions[1].PreviousHash);
        Assert.True((await store.Audit.VerifyAsync()).Ok);

        var node = System.Text.Json.JsonSerializer.SerializeToNode((await store.Records.GetAsync<ConflictEvent>(strike.Id))!.Value, Marsad.Core.Storage.Json.MarsadJson.Options)!.AsObject();
        foreach (var later in revisions.Skip(1).Reverse())
        {
            using var changes = System.Text.Json.JsonDocument.Parse(later.Changes);
            foreach (var field in changes.RootElement.EnumerateObject())
            {
                node[field.Name] = System.Text.Json.Nodes.JsonNode.Parse(field.Value.GetProperty("old").GetRawText());
            }
        }

        var first = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Deserialize<ConflictEvent>(node, Marsad.Core.Storage.Json.MarsadJson.Options), Marsad.Core.Storage.Json.MarsadJson.Options);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(strike, Marsad.Core.Storage.Json.MarsadJson.Options), first);
    }

    [Fact]
    public async Task A_second_coder_saving_an_old_version_is_told_and_nothing_is_lost()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        var strike = Strike();
        await store.Records.AddAsync(strike, Coder);
        var first = await store.Records.GetAsync<ConflictEvent>(strike.Id);
        var second = await store.Records.GetAsync<ConflictEvent>(strike.Id);

        await store.Records.UpdateAsync(first!.Value with { Summary = "hut struck" }, first.Version, new ChangeContext("coder-a"));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.Records.UpdateAsync(second!.Value with { Actor1 = "Military Forces of Russia (2000-)" }, second.Version, new ChangeContext("coder-b")));

        Assert.Equal(2, conflict.CurrentVersion);
        var now = await store.Records.GetAsync<ConflictEvent>(strike.Id);
        Assert.Equal("hut struck", now!.Value.Summary);
        Assert.Equal("Global Coalition Against Daesh", now.Value.Actor1);
        Assert.Equal(2, (await store.Audit.ListAsync(strike.Id)).Count);
    }

    [Fact]
    public async Task Updating_a_record_that_does_not_exist_is_refused()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => store.Records.UpdateAsync(Strike(), 1, Coder));
        Assert.Equal(0, await store.Audit.CountAsync());
    }

    [Fact]
    public async Task A_bulk_upsert_meeting_ids_twice_stores_each_record_once_on_one_unbroken_chain()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        await store.Records.AddAsync(Strike(), Coder);
        var strikes = Enumerable.Range(0, 600).Select(_ => Strike()).ToList();
        // One id met again long after its insert, one right after it (an insert still gathered for a batch is found).
        var early = strikes[5] with { Actor2 = "Civilians (Syria)" };
        var late = strikes[590] with { Status = EventStatus.Reviewed };
        var counts = await store.Records.UpsertManyAsync(
            strikes.Take(591).Append(early).Append(late).Concat(strikes.Skip(591)).ToAsyncEnumerable(), (incoming, _) => incoming, null, Coder);

        Assert.Equal((600, 2, 0), (counts.Inserted, counts.Updated, counts.Unchanged));
        Assert.Equal("Civilians (Syria)", (await store.Records.GetAsync<ConflictEvent>(early.Id))!.Value.Actor2);
        Assert.Equal(EventStatus.Reviewed, (await store.Records.GetAsync<ConflictEvent>(late.Id))!.Value.Status);
        Assert.Equal(2, (await store.Records.GetAsync<ConflictEvent>(late.Id))!.Version);
        // An imported record's insert lists no field, its state hash seals it; its first state is the current one
        // with each later revision's old values put back.
        Assert.Equal("{}", Assert.Single(await store.Audit.ListAsync(strikes[0].Id)).Changes);
        Assert.Equal("{}", (await store.Audit.ListAsync(early.Id))[0].Changes);
        var verification = await store.Audit.VerifyAsync();
        Assert.True(verification.Ok, verification.FirstFailure?.Problem);
        Assert.Equal(603, verification.Checked);
    }

    [Fact]
    public async Task A_bulk_upsert_links_each_new_record_to_its_documents()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        var ingest = await new Marsad.Core.Intake.IngestDocuments(store, TimeProvider.System).RunAsync(
            new Marsad.Core.Intake.IngestRequest([folder.Write("note.txt", "A bridge near Tel Hamra was damaged by a blast at dawn.")], null, "Heron Ridge Desk"), Coder);
        var document = ingest.Outcomes[0].DocumentId!.Value;
        var before = await store.Audit.CountAsync();
        var strikes = Enumerable.Range(0, 3).Select(i => Strike() with { DocumentIds = i == 1 ? [] : [document] }).ToList();

        var counts = await store.Records.UpsertManyAsync(strikes.ToAsyncEnumerable(), (incoming, _) => incoming, null, Coder);

        Assert.Equal(3, counts.Inserted);
        var linked = (await store.Records.OfDocumentAsync(document)).Select(l => l.Id).ToHashSet();
        Assert.Contains(strikes[0].Id, linked);
        Assert.DoesNotContain(strikes[1].Id, linked);
        Assert.Contains(strikes[2].Id, linked);
        var verification = await store.Audit.VerifyAsync();
        Assert.True(verification.Ok, verification.FirstFailure?.Problem);
        Assert.Equal(before + 3, verification.Checked);
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_unbroken_chain()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(Provider, folder);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => store.Records.AddAsync(Strike(), Coder))));
        var verification = await store.Audit.VerifyAsync();
        Assert.True(verification.Ok, verification.FirstFailure?.Problem);
        Assert.Equal(40, verification.Checked);
    }
}

public sealed class RecordStoreTestsOnSqlite : RecordStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class RecordStoreTestsOnPostgres : RecordStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

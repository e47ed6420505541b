using System.Text.Json.Nodes;
using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Review;

public sealed class SplitEventTests
{
    [Fact]
    public async Task A_split_keeps_the_proposal_as_part_one_adds_the_others_and_is_a_revision_each()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var aggregate = RecordStoreTests.Strike();
        await store.Records.AddAsync(aggregate, new ChangeContext("engine"));

        var ids = await new SplitEvent(store, FixedClock.At(2021, 1, 24)).RunAsync(aggregate.Id, 1,
            [new JsonObject { ["date"] = "2021-01-04", ["fatalities"] = "2" }, new JsonObject { ["date"] = "2021-01-06", ["location"] = "34.45, 40.92", ["fatalities"] = "at least 1" }],
            new ChangeContext("coder-a", "two strikes, two days"), Role.Coder);

        Assert.Equal(2, ids.Count);
        Assert.Equal(aggregate.Id, ids[0]);
        var first = (await store.Records.GetAsync<ConflictEvent>(ids[0]))!;
        var second = (await store.Records.GetAsync<ConflictEvent>(ids[1]))!;
        Assert.Equal((2L, 1L), (first.Version, second.Version));
        Assert.Null(first.Value.Aggregate);
        Assert.Equal(new DateOnly(2021, 1, 4), first.Value.Date.Start);
        Assert.Equal(2, first.Value.Quantities["fatalities"].Best);
        Assert.False(first.Value.Quantities.ContainsKey("injured"));
        Assert.Equal((new DateOnly(2021, 1, 6), 34.45), (second.Value.Date.Start, second.Value.Location!.Point!.Latitude));
        Assert.Equal(aggregate.DocumentIds, second.Value.DocumentIds);
        Assert.Equal(EventStatus.Extracted, second.Value.Status);
        Assert.Equal(2, (await new ReviewRecords(store).PendingAsync()).Count);
        var added = Assert.Single(await store.Audit.ListAsync(ids[1]));
        Assert.Equal("coder-a", added.Author);
        Assert.Contains("split from event", added.Reason, StringComparison.Ordinal);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Each_part_of_a_split_names_the_proposal_to_undo_until_it_changes_and_an_unsplit_event_names_none()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var aggregate = RecordStoreTests.Strike();
        await store.Records.AddAsync(aggregate, new ChangeContext("engine"));
        var undo = new UndoSplit(store);
        Assert.Null(await undo.OriginAsync(aggregate.Id));

        var ids = await new SplitEvent(store, FixedClock.At(2021, 1, 24)).RunAsync(aggregate.Id, 1,
            [new JsonObject { ["date"] = "2021-01-04" }, new JsonObject { ["date"] = "2021-01-05" }, new JsonObject { ["date"] = "2021-01-06" }],
            new ChangeContext("coder-a", "three strikes"), Role.Coder);

        foreach (var id in ids)
        {
            Assert.Equal(new SplitOrigin(aggregate.Id, 3), await undo.OriginAsync(id));
        }

        Assert.True(ReshapeRights.MaySplit(Role.Coder, (await store.Records.GetAsync<ConflictEvent>(ids[1]))!.Value));
        Assert.False(ReshapeRights.MaySplit(Role.Viewer, (await store.Records.GetAsync<ConflictEvent>(ids[1]))!.Value));
        await new ReviewRecords(store).ApplyAsync(new ReviewDecision("event", ids[2], ReviewAction.Accept, 1), new ChangeContext("coder-a"), Role.Coder);
        Assert.Null(await undo.OriginAsync(ids[2]));
        Assert.False(ReshapeRights.MaySplit(Role.Coder, (await store.Records.GetAsync<ConflictEvent>(ids[2]))!.Value));
    }

    [Fact]
    public async Task Undoing_the_split_of_an_undated_proposal_gives_it_back_undated()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        // The parts are found through the proposal's document, so the proposal has one (written for this test).
        var path = folder.Write("note.md", "---\ntitle: A note\nsource: Test Network\n---\n\nNothing happened here.\n");
        var ingest = await new Marsad.Core.Intake.IngestDocuments(store, TimeProvider.System).RunAsync(new Marsad.Core.Intake.IngestRequest([path]), new ChangeContext("coder"));
        var document = ingest.Outcomes.Single().DocumentId!.Value;
        var undated = RecordStoreTests.Strike() with { Date = Domain.Common.DateSpan.Unresolved, DateText = "Tuesday", DocumentIds = [document] };
        await store.Records.AddAsync(undated, new ChangeContext("engine"));
        var ids = await new SplitEvent(store, FixedClock.At(2021, 1, 24)).RunAsync(undated.Id, 1,
            [new JsonObject { ["date"] = "2021-01-05" }, new JsonObject { ["date"] = "2021-01-05", ["actor1"] = "Turkey" }],
            new ChangeContext("coder-a"), Role.Coder);

        var folded = await new UndoSplit(store).RunAsync(undated.Id, new ChangeContext("coder-a", "one shelling"), Role.Coder);

        Assert.Equal([ids[1]], folded);
        var back = (await store.Records.GetAsync<ConflictEvent>(undated.Id))!.Value;
        Assert.True(back.Date.IsUnresolved);
        Assert.Equal(("Tuesday", undated.Quantities["fatalities"].Best), (back.DateText, back.Quantities["fatalities"].Best));
        Assert.Equal(undated.Id, (await store.Records.GetAsync<ConflictEvent>(ids[1]))!.Value.MergedInto);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_split_with_a_bad_part_saves_nothing()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var aggregate = RecordStoreTests.Strike();
        await store.Records.AddAsync(aggregate, new ChangeContext("engine"));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => new SplitEvent(store, TimeProvider.System).RunAsync(aggregate.Id, 1,
            [new JsonObject { ["date"] = "2021-01-04" }, new JsonObject { ["date"] = "Julember 2021" }], new ChangeContext("coder"), Role.Coder));
        Assert.Equal(1, (await store.Records.GetAsync<ConflictEvent>(aggregate.Id))!.Version);
        Assert.Single(await new ReviewRecords(store).PendingAsync());
    }

    [Fact]
    public async Task Only_proposals_are_split_only_by_coders_and_only_into_two_or_more()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var reviewed = RecordStoreTests.Strike() with { Status = EventStatus.Reviewed };
        var proposal = RecordStoreTests.Strike();
        await store.Records.AddAsync(reviewed, new ChangeContext("engine"));
        await store.Records.AddAsync(proposal, new ChangeContext("engine"));
        var split = new SplitEvent(store, TimeProvider.System);
        JsonObject[] two = [new JsonObject { ["date"] = "2021-01-04" }, new JsonObject { ["date"] = "2021-01-05" }];

        await Assert.ThrowsAsync<DecisionRefusedException>(() => split.RunAsync(reviewed.Id, 1, two, new ChangeContext("c"), Role.Editor));
        await Assert.ThrowsAsync<DecisionRefusedException>(() => split.RunAsync(proposal.Id, 1, two, new ChangeContext("v"), Role.Viewer));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => split.RunAsync(proposal.Id, 1, [two[0]], new ChangeContext("c"), Role.Coder));
        await Assert.ThrowsAsync<DecisionRefusedException>(() => split.RunAsync(proposal.Id, 1, [new JsonObject { ["grade"] = "A" }, two[1]], new ChangeContext("c"), Role.Coder));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => split.RunAsync(proposal.Id, 3, two, new ChangeContext("c"), Role.Coder));
        Assert.Equal(2, (await store.Records.ListAsync<ConflictEvent>()).Count);
    }
}

using System.Text.Json.Nodes;
using Marsad.Core.Records;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Review;

public sealed class ReviewRecordsTests
{
    [Fact]
    public async Task Accept_edit_and_reject_are_revisions_with_the_coder_and_reason()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var events = Enumerable.Range(0, 3).Select(_ => RecordStoreTests.Strike()).ToList();
        foreach (var e in events)
        {
            await store.Records.AddAsync(e, new ChangeContext("engine"));
        }

        var review = new ReviewRecords(store);
        Assert.Equal(3, (await review.PendingAsync()).Count);

        await review.ApplyAsync(new ReviewDecision("event", events[0].Id, ReviewAction.Accept, 1), new ChangeContext("coder-a", "matches field notes"));
        await review.ApplyAsync(new ReviewDecision("event", events[1].Id, ReviewAction.Edit, 1, new JsonObject { ["actor2"] = "Civilians (Syria)" }), new ChangeContext("coder-a"));
        await review.ApplyAsync(new ReviewDecision("event", events[2].Id, ReviewAction.Reject, 1, Reason: "commentary, not an event"), new ChangeContext("coder-b"));

        Assert.Empty(await review.PendingAsync());
        var edited = (await store.Records.GetAsync<ConflictEvent>(events[1].Id))!.Value;
        Assert.Equal(("Civilians (Syria)", EventStatus.Reviewed), (edited.Actor2, edited.Status));
        Assert.Equal(EventStatus.Rejected, (await store.Records.GetAsync<ConflictEvent>(events[2].Id))!.Value.Status);
        var rejection = (await store.Audit.ListAsync(events[2].Id))[^1];
        Assert.Equal(("coder-b", "commentary, not an event"), (rejection.Author, rejection.Reason));
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_decision_on_a_version_someone_else_has_saved_is_refused()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var e = RecordStoreTests.Strike();
        await store.Records.AddAsync(e, new ChangeContext("engine"));
        var review = new ReviewRecords(store);
        await review.ApplyAsync(new ReviewDecision("event", e.Id, ReviewAction.Edit, 1, new JsonObject { ["summary"] = "first coder" }), new ChangeContext("coder-a"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            review.ApplyAsync(new ReviewDecision("event", e.Id, ReviewAction.Edit, 1, new JsonObject { ["summary"] = "second coder" }), new ChangeContext("coder-b")));
        Assert.Equal("first coder", (await store.Records.GetAsync<ConflictEvent>(e.Id))!.Value.Summary);
    }

    [Theory]
    [InlineData("sub_event_type", "\"Airstrike\"")]
    [InlineData("confidence", "7")]
    [InlineData("status", "\"published\"")]
    [InlineData("fatality_count", "99")]
    [InlineData("grade_fixed", "true")]
    public async Task Edits_that_break_the_record_are_refused_and_nothing_is_saved(string field, string json)
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var e = RecordStoreTests.Strike();
        await store.Records.AddAsync(e, new ChangeContext("engine"));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => new ReviewRecords(store).ApplyAsync(
            new ReviewDecision("event", e.Id, ReviewAction.Edit, 1, new JsonObject { [field] = JsonNode.Parse(json) }), new ChangeContext("coder")));
        Assert.Equal(1, (await store.Records.GetAsync<ConflictEvent>(e.Id))!.Version);
    }
}

using Marsad.Core.Access;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Review;

public sealed class MergeProposalsTests
{
    [Fact]
    public async Task A_coder_merges_proposals_into_one_in_one_transaction_of_revisions()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var (a, b) = (RecordStoreTests.Strike(), RecordStoreTests.Strike());
        await store.Records.AddAsync(a, new ChangeContext("engine"));
        await store.Records.AddAsync(b, new ChangeContext("engine"));

        var version = await new MergeProposals(store).RunAsync(a.Id, [b.Id], 1, new ChangeContext("coder-a", "same strike"), Role.Coder);

        var target = (await store.Records.GetAsync<ConflictEvent>(a.Id))!;
        Assert.Equal(version, target.Version);
        Assert.Equal(a.Id, (await store.Records.GetAsync<ConflictEvent>(b.Id))!.Value.MergedInto);
        Assert.Single(await new ReviewRecords(store).PendingAsync());
        Assert.Equal("coder-a", (await store.Audit.ListAsync(b.Id))[^1].Author);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Merging_an_event_already_reviewed_is_an_editors_action()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var (a, b) = (RecordStoreTests.Strike(), RecordStoreTests.Strike() with { Status = EventStatus.Reviewed });
        await store.Records.AddAsync(a, new ChangeContext("engine"));
        await store.Records.AddAsync(b, new ChangeContext("engine"));
        var merge = new MergeProposals(store);

        await Assert.ThrowsAsync<DecisionRefusedException>(() => merge.RunAsync(a.Id, [b.Id], 1, new ChangeContext("coder"), Role.Coder));
        Assert.Null((await store.Records.GetAsync<ConflictEvent>(b.Id))!.Value.MergedInto);
        await Assert.ThrowsAsync<DecisionRefusedException>(() => merge.RunAsync(a.Id, [b.Id], 1, new ChangeContext("viewer"), Role.Viewer));

        await merge.RunAsync(a.Id, [b.Id], 1, new ChangeContext("editor"), Role.Editor);
        Assert.Equal(a.Id, (await store.Records.GetAsync<ConflictEvent>(b.Id))!.Value.MergedInto);
    }
}

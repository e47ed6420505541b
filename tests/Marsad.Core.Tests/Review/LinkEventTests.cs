using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Records;

namespace Marsad.Core.Tests.Review;

public sealed class LinkEventTests
{
    [Fact]
    public async Task Linking_adds_the_event_to_the_records_once_each_a_revision_and_unlink_takes_it_back()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var e = RecordStoreTests.Strike();
        var person = new Person { Id = Guid.NewGuid(), Name = "a shepherd from Hajin", Status = PersonStatus.Killed };
        var claim = new Claim { Id = Guid.NewGuid(), Claimant = "the coalition", Statement = "no civilians were harmed" };
        await store.Records.AddAsync(e, new ChangeContext("engine"));
        await store.Records.AddAsync(person, new ChangeContext("engine"));
        await store.Records.AddAsync(claim, new ChangeContext("engine"));
        var link = new LinkEvent(store);

        Assert.Equal(2, await link.RunAsync(e.Id, [new ReviewLink("person", person.Id), new ReviewLink("claim", claim.Id)], new ChangeContext("coder-a"), Role.Coder));
        Assert.Equal(0, await link.RunAsync(e.Id, [new ReviewLink("person", person.Id)], new ChangeContext("coder-a"), Role.Coder));

        Assert.Equal([e.Id], (await store.Records.GetAsync<Person>(person.Id))!.Value.EventIds);
        Assert.Equal([e.Id], (await store.Records.GetAsync<Claim>(claim.Id))!.Value.EventIds);
        var revision = (await store.Audit.ListAsync(person.Id))[^1];
        Assert.Equal(("coder-a", $"linked to event {e.Id}"), (revision.Author, revision.Reason));

        Assert.Equal(1, await link.RunAsync(e.Id, [new ReviewLink("person", person.Id)], new ChangeContext("coder-b"), Role.Coder, unlink: true));
        Assert.Empty((await store.Records.GetAsync<Person>(person.Id))!.Value.EventIds);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_viewer_cannot_link_an_unknown_record_or_kind_saves_nothing()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var e = RecordStoreTests.Strike();
        var person = new Person { Id = Guid.NewGuid(), Name = "a shepherd from Hajin", Status = PersonStatus.Killed };
        await store.Records.AddAsync(e, new ChangeContext("engine"));
        await store.Records.AddAsync(person, new ChangeContext("engine"));
        var link = new LinkEvent(store);

        await Assert.ThrowsAsync<DecisionRefusedException>(() => link.RunAsync(e.Id, [new ReviewLink("person", person.Id)], new ChangeContext("v"), Role.Viewer));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => link.RunAsync(e.Id, [new ReviewLink("person", person.Id), new ReviewLink("claim", Guid.NewGuid())], new ChangeContext("c"), Role.Coder));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => link.RunAsync(e.Id, [new ReviewLink("document", person.Id)], new ChangeContext("c"), Role.Coder));
        Assert.Empty((await store.Records.GetAsync<Person>(person.Id))!.Value.EventIds);
    }
}

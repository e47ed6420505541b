using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Events;

public sealed class DeletionFeedTests
{
    [Fact]
    public async Task Pages_by_sequence_reach_every_deletion_even_when_all_share_one_time()
    {
        using var folder = new TempFolder();
        // A fixed clock: every rejection carries the same time, as a bulk merge's do.
        var store = await TestStore.OpenAsync(folder);
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var strike = RecordStoreTests.Strike();
            await store.Records.AddAsync(strike, new ChangeContext("coder"));
            await store.Records.UpdateAsync(strike with { Status = EventStatus.Rejected }, 1, new ChangeContext("editor"));
            ids.Add(strike.Id);
        }

        var seen = new List<Guid>();
        long after = 0;
        for (var page = 0; page < 10; page++)
        {
            var items = await store.Events.DeletionsAsync(after, null, Role.Editor, limit: 3);
            if (items.Count == 0)
            {
                break;
            }

            Assert.Single(items.Select(i => i.At).Distinct());
            seen.AddRange(items.Select(i => i.Id));
            after = items[^1].Seq;
        }

        Assert.Equal(ids.Order(), seen.Order());
    }
}

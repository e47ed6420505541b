using System.Text.Json.Nodes;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Extract;
using Marsad.Core.Intake;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Extraction;

namespace Marsad.Core.Tests.Intake;

public sealed class ReextractTests
{
    private const string Report = """
        ---
        title: Two days in Deir ez-Zor
        published: 2023-02-17
        source: Test Observatory
        ---

        On February 16, International Coalition aircraft struck a farm near al-Mayadin, killing three ISIS members.

        On February 15, unknown gunmen shot dead a civilian in Hajin.
        """;

    [Fact]
    public async Task A_new_engine_never_clobbers_a_reviewed_field_and_says_what_it_would_change()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var engine = new ExtractionEngine();
        await new IngestDocuments(store, TimeProvider.System, engine).RunAsync(new IngestRequest([folder.Write("a.md", Report)]), new ChangeContext("coder"));
        var before = await store.Events.ListAsync(new EventQuery(), Role.Editor);
        Assert.True(before.Count >= 2);
        var reviewed = before[0];
        await new ReviewRecords(store).ApplyAsync(
            new ReviewDecision("event", reviewed.Event.Id, ReviewAction.Edit, reviewed.Version, new JsonObject { ["actor1"] = "Military Forces of Russia (2000-)" }),
            new ChangeContext("coder", "the video shows Russian aircraft"));

        var outcome = await new ReextractDocuments(store, engine, "next-engine").RunAsync(new ChangeContext("engine-upgrade"));

        Assert.Equal(1, outcome.Documents);
        Assert.Equal(0, outcome.Added);
        Assert.Equal(1, outcome.Proposed);
        var after = await store.Events.ListAsync(new EventQuery(), Role.Editor);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal("Military Forces of Russia (2000-)", after.Single(e => e.Event.Id == reviewed.Event.Id).Event.Actor1);
        var proposal = Assert.Single(await store.Extractions.ProposalsAsync());
        Assert.Equal(reviewed.Event.Id, proposal.RecordId);
        Assert.Contains("\"actor1\":{\"current\":\"Military Forces of Russia (2000-)\",\"proposed\":", proposal.Changes, StringComparison.Ordinal);

        var again = await new ReextractDocuments(store, engine, "next-engine").RunAsync(new ChangeContext("engine-upgrade"));
        Assert.Equal(new ReextractOutcome(0, 0, 0, 0), again);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }
}

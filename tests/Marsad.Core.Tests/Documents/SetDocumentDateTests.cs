using System.Text.Json.Nodes;
using Marsad.Core.Access;
using Marsad.Core.Documents;
using Marsad.Core.Events;
using Marsad.Core.Intake;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Extraction;

namespace Marsad.Core.Tests.Documents;

public sealed class SetDocumentDateTests
{
    // No publication date anywhere: "on Friday" and "on Thursday" cannot be resolved until someone dates the document.
    private const string Report = """
        ---
        title: A week in Deir ez-Zor
        source: Test Observatory
        ---

        On Friday, International Coalition aircraft struck a farm near al-Mayadin, killing three ISIS members.

        On Thursday, unknown gunmen shot dead a civilian in Hajin.
        """;

    [Fact]
    public async Task Dating_a_document_resolves_its_unreviewed_candidates_and_proposes_the_date_for_reviewed_ones()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var engine = new ExtractionEngine();
        var ingest = await new IngestDocuments(store, TimeProvider.System, engine).RunAsync(new IngestRequest([folder.Write("a.md", Report)]), new ChangeContext("coder"));
        var outcome = Assert.Single(ingest.Outcomes);
        Assert.True(outcome.Undated);
        Assert.True(outcome.UnresolvedDates >= 2, outcome.UnresolvedDates.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var before = await store.Events.ListAsync(new EventQuery(), Role.Editor);
        Assert.All(before, e => Assert.True(e.Event.Date.IsUnresolved));
        var strike = before.Single(e => e.Event.Quantities.TryGetValue("fatalities", out var q) && q.Low == 3);
        var shooting = before.Single(e => e.Event.Id != strike.Event.Id && e.Event.Location?.Name is { } n && n.Contains("Hajin", StringComparison.OrdinalIgnoreCase));
        // A coder reviewed the strike while it was undated.
        await new ReviewRecords(store).ApplyAsync(
            new ReviewDecision("event", strike.Event.Id, ReviewAction.Edit, strike.Version, new JsonObject { ["actor2"] = "Islamic State (Syria)" }),
            new ChangeContext("coder", "the text names ISIS"));

        // 2023-02-17 was a Friday.
        var dated = await new SetDocumentDate(store, engine, EngineVersion.Current)
            .RunAsync(outcome.DocumentId!.Value, new DateOnly(2023, 2, 17), new ChangeContext("editor", "date line of the outlet's web page"));

        Assert.Null(dated.Before);
        Assert.Equal(new DateOnly(2023, 2, 17), (await store.Documents.FindAsync(outcome.DocumentId!.Value.ToString("D")))!.Published);
        var after = (await store.Events.ListAsync(new EventQuery(), Role.Editor)).ToDictionary(e => e.Event.Id);
        Assert.Equal(new DateOnly(2023, 2, 16), after[shooting.Event.Id].Event.Date.Start);
        Assert.Null(after[shooting.Event.Id].Event.DateText);
        // The reviewed record is not overwritten; the date it would take waits as a proposal.
        Assert.True(after[strike.Event.Id].Event.Date.IsUnresolved);
        Assert.Equal("Islamic State (Syria)", after[strike.Event.Id].Event.Actor2);
        var proposal = Assert.Single(await store.Extractions.ProposalsAsync(), p => p.RecordId == strike.Event.Id);
        Assert.Contains("\"date\":{\"current\":null,\"proposed\":{\"start\":\"2023-02-17\"", proposal.Changes, StringComparison.Ordinal);
        Assert.True(dated.Reread.Refreshed >= 1);
        Assert.Equal(1, dated.Reread.Proposed);
        var history = await store.Audit.ListAsync(outcome.DocumentId!.Value);
        Assert.Equal("date line of the outlet's web page", history[^1].Reason);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_date_needs_a_reason_and_a_document()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var setDate = new SetDocumentDate(store, new ExtractionEngine(), EngineVersion.Current);

        await Assert.ThrowsAsync<ArgumentException>(() => setDate.RunAsync(Guid.NewGuid(), new DateOnly(2023, 2, 17), new ChangeContext("editor")));
        await Assert.ThrowsAsync<Marsad.Core.Records.RecordNotFoundException>(() => setDate.RunAsync(Guid.NewGuid(), new DateOnly(2023, 2, 17), new ChangeContext("editor", "why")));
    }
}

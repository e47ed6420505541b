using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Events;
using Marsad.Domain.Records;
using Marsad.Extraction;

namespace Marsad.Core.Tests.Intake;

public sealed class IngestExtractsTests
{
    private const string Report = """
        ---
        title: Airstrike on a farm near al-Mayadin
        published: 2023-02-17
        source: Test Observatory
        ---

        On February 16, International Coalition aircraft struck a farm near al-Mayadin, east of Deir ez-Zor city, killing three ISIS members.
        """;

    [Fact]
    public async Task Ingest_stores_the_engines_proposals_as_candidates_linked_to_the_document()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var ingest = new IngestDocuments(store, TimeProvider.System, new ExtractionEngine());

        var summary = await ingest.RunAsync(new IngestRequest([folder.Write("a.md", Report)]), new ChangeContext("coder"));

        Assert.True(summary.Proposed.Events >= 1, summary.Proposed.ToString());
        var events = await store.Events.ListAsync(new EventQuery(), Role.Editor);
        var strike = Assert.Single(events, e => e.Event.Quantities.TryGetValue("fatalities", out var q) && q.Low == 3);
        Assert.Equal(EventStatus.Extracted, strike.Event.Status);
        Assert.Equal([summary.Outcomes[0].DocumentId!.Value], strike.Event.DocumentIds.ToArray());
        Assert.Equal(["Test Observatory"], strike.Sources.ToArray());
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_text_longer_than_the_engine_reads_is_refused_with_the_limit_named_not_stored_unread()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var line = "Regime forces shelled the village of Kansafra in Jabal al-Zawiya on Monday.\n";
        var path = folder.Write("long.txt", string.Concat(Enumerable.Repeat(line, (ExtractionEngine.MaxTextLength / line.Length) + 10)));

        var summary = await new IngestDocuments(store, TimeProvider.System, new ExtractionEngine()).RunAsync(new IngestRequest([path], new DateOnly(2021, 3, 2)), new ChangeContext("coder"));

        var outcome = Assert.Single(summary.Outcomes);
        Assert.Equal(IngestStatus.Failed, outcome.Status);
        Assert.Contains("limit of 4194304", outcome.Problem, StringComparison.Ordinal);
        Assert.Equal(0, await store.Documents.CountAsync());
    }

    [Fact]
    public async Task A_text_already_stored_and_read_by_this_engine_is_not_read_again()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var path = folder.Write("a.md", Report);
        var first = await new IngestDocuments(store, TimeProvider.System, new ExtractionEngine()).RunAsync(new IngestRequest([path]), new ChangeContext("coder"));
        var revisions = await store.Audit.CountAsync();

        // An engine that fails on any text (a budget of one step): only a run that skips reading a stored text gets past it.
        var failing = new IngestDocuments(store, TimeProvider.System, new ExtractionEngine { StepBudget = 1 });
        var again = await failing.RunAsync(new IngestRequest([path]), new ChangeContext("coder"));
        var control = await failing.RunAsync(new IngestRequest([folder.Write("b.md", Report.Replace("three", "four", StringComparison.Ordinal))]), new ChangeContext("coder"));

        Assert.Equal(IngestStatus.Failed, Assert.Single(control.Outcomes).Status);
        var outcome = Assert.Single(again.Outcomes);
        Assert.Equal(IngestStatus.AlreadyPresent, outcome.Status);
        Assert.Equal(first.Outcomes[0].DocumentId, outcome.DocumentId);
        Assert.Null(outcome.Extracted);
        Assert.Equal(revisions, await store.Audit.CountAsync());
    }

    [Fact]
    public async Task Ingesting_again_neither_duplicates_candidates_nor_touches_reviewed_ones()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var ingest = new IngestDocuments(store, TimeProvider.System, new ExtractionEngine());
        var path = folder.Write("a.md", Report);
        await ingest.RunAsync(new IngestRequest([path]), new ChangeContext("coder"));
        var first = await store.Events.ListAsync(new EventQuery(), Role.Editor);
        var reviewed = first[0];
        await store.Records.UpdateAsync(reviewed.Event with { Summary = "checked by a coder", Status = EventStatus.Reviewed }, reviewed.Version, new ChangeContext("coder"));
        var revisions = await store.Audit.CountAsync();

        var again = await ingest.RunAsync(new IngestRequest([path]), new ChangeContext("coder"));

        Assert.Equal(1, again.AlreadyPresent);
        Assert.Null(again.Outcomes[0].Extracted);
        Assert.Equal(first.Count, (await store.Events.ListAsync(new EventQuery(), Role.Editor)).Count);
        Assert.Equal("checked by a coder", (await store.Records.GetAsync<ConflictEvent>(reviewed.Event.Id))!.Value.Summary);
        Assert.Equal(revisions, await store.Audit.CountAsync());
        Assert.Empty(await store.Records.ListAsync<Claim>());
    }
}

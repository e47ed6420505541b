using Marsad.Core.Intake;
using Marsad.Core.Reports;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Extraction;

namespace Marsad.Core.Tests.Reports;

public sealed class CheckDocumentTests
{
    private const string Report = """
        ---
        title: Strike near al-Mayadin
        published: 2023-02-17
        source: Test Observatory
        ---

        On February 16, International Coalition aircraft struck a farm near al-Mayadin, east of Deir ez-Zor city, killing three ISIS members.
        """;

    [Fact]
    public async Task A_figure_a_coder_changed_in_the_record_is_a_mismatch_between_document_and_record()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var engine = new ExtractionEngine();
        var ingest = await new IngestDocuments(store, TimeProvider.System, engine).RunAsync(new IngestRequest([folder.Write("a.md", Report)]), new ChangeContext("coder"));
        var documentId = ingest.Outcomes[0].DocumentId!.Value;
        var document = (await store.Documents.FindAsync(documentId.ToString("D")))!;
        var input = new DocumentInput(document.CleanText, document.Published, document.SourceName, document.Title);
        var check = new CheckDocument(store, engine);

        var agreeing = await check.RunAsync(input, documentId);
        var id = (await store.Records.OfDocumentAsync(documentId)).First(r => r.Kind == "event").Id;
        var strike = (await store.Records.GetAsync<ConflictEvent>(id))!;
        await store.Records.UpdateAsync(strike.Value with { Quantities = strike.Value.Quantities.With("fatalities", Quantity.Exactly(4)) }, strike.Version, new ChangeContext("coder"));
        var disagreeing = await check.RunAsync(input, documentId);

        Assert.DoesNotContain(agreeing, f => f.Mismatch);
        Assert.Contains(agreeing, f => f.Scope == "record" && f.Kind == "agrees");
        var mismatch = Assert.Single(disagreeing, f => f.Mismatch);
        Assert.Equal("record_mismatch", mismatch.Kind);
        Assert.Contains("killed: document 3, record 4", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_headline_that_disagrees_with_the_body_is_a_mismatch_inside_the_document()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        const string text = """
            Coalition sends 130 trucks to its bases in a month

            The International Coalition sent a convoy of 70 trucks to its bases in al-Hasakah on March 3, 2022, and another convoy of 50 trucks on March 9, 2022.
            """;

        var findings = await new CheckDocument(store, new ExtractionEngine()).RunAsync(new DocumentInput(text, new DateOnly(2022, 3, 20)), null);

        Assert.Contains(findings, f => f.Scope == "document" && f.Mismatch && f.Message.Contains("headline: 130", StringComparison.Ordinal));
    }
}

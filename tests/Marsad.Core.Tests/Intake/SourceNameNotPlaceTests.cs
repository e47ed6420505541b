using System.Text;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Extract;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Documents;
using Marsad.Domain.Events;
using Marsad.Extraction;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Core.Tests.Intake;

/// <summary>
/// A confidential source named like a village ("Abu Omar" is one in the shipped gazetteer) is never taken as an event's
/// place on any route that extracts, and nothing public shows it. The report is written for this test.
/// </summary>
public sealed class SourceNameNotPlaceTests
{
    private const string Report = """
        ---
        title: Shelling in the west
        published: 2021-05-04
        source: Test Observatory
        ---

        On 3 May 2021, regime shelling killed two civilians in Abu Omar, a source told the network.

        Abu Omar said that the shells came from the west.
        """;

    private static readonly Lazy<ExtractionEngine> Engine = new(() => new ExtractionEngine(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default));

    private static bool NamesAbuOmar(ConflictEvent e) => e.Location?.Name?.Contains("Abu Omar", StringComparison.OrdinalIgnoreCase) == true;

    [Fact]
    public async Task Without_the_source_in_the_register_the_village_is_the_place()
    {
        // The premise the other tests rest on: this text, unguarded, puts the event in the village named like the source.
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await new IngestDocuments(store, TimeProvider.System, Engine.Value).RunAsync(new IngestRequest([folder.Write("a.md", Report)]), new ChangeContext("coder"));
        Assert.Contains(await store.Events.ListAsync(new EventQuery(), Role.Editor), e => NamesAbuOmar(e.Event));
    }

    [Fact]
    public async Task Ingest_and_reextract_never_take_a_register_name_as_a_place_and_the_public_sees_none()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await store.Sources.SaveAsync("Abu Omar", SourceKind.NamedSource, confidential: true, null, null);

        await new IngestDocuments(store, TimeProvider.System, Engine.Value).RunAsync(new IngestRequest([folder.Write("a.md", Report)]), new ChangeContext("coder"));
        var events = await store.Events.ListAsync(new EventQuery(), Role.Editor);
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => NamesAbuOmar(e.Event));

        await new ReextractDocuments(store, Engine.Value, "next-engine").RunAsync(new ChangeContext("engine-upgrade"));
        events = await store.Events.ListAsync(new EventQuery(), Role.Editor);
        Assert.DoesNotContain(events, e => NamesAbuOmar(e.Event));

        foreach (var e in events)
        {
            await store.Records.UpdateAsync(e.Event with { Status = EventStatus.Published }, e.Version, new ChangeContext("editor", "published for the test"));
        }

        var published = await store.Events.ListJsonAsync(new EventQuery(), Role.Public);
        Assert.Equal(events.Count, published.Count);
        foreach (var e in published)
        {
            Assert.DoesNotContain("abu omar", Encoding.UTF8.GetString(e.Payload.Span), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(e.Sources, s => s.Contains("Abu Omar", StringComparison.OrdinalIgnoreCase));
        }
    }
}

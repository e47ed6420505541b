using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;

namespace Marsad.Core.Tests.Intake;

public sealed class IngestDocumentsTests
{
    private static readonly ChangeContext Coder = new("coder", "ingest");

    private const string Report = """
        ---
        title: Clashes on the Tal Tamr front
        published: 2022-03-02
        source: Test Observatory
        ---

        Clashes broke out yesterday between two factions near Tal Tamr.

        Three fighters were killed.
        """;

    [Fact]
    public async Task Ingesting_the_same_folder_twice_stores_each_document_once()
    {
        using var folder = new TempFolder();
        folder.Write("in/a.txt", Report);
        folder.Write("in/sub/b.md", "# Shelling on Ariha\n\nRockets fell on Ariha on Monday.");
        folder.Write("in/c.html", "<html><head><title>Raid in Hajin | Site</title></head><body><nav>Home News</nav><article><h1>Raid in Hajin</h1><p>A raid took place in Hajin.</p></article></body></html>");
        folder.Write("in/ignored.jpg", "not a report");
        var store = await TestStore.OpenAsync(folder);
        var ingest = new IngestDocuments(store, FixedClock.At(2022, 3, 3));

        var first = await ingest.RunAsync(new IngestRequest([folder.File("in")]), Coder);
        var second = await ingest.RunAsync(new IngestRequest([folder.File("in")]), Coder);

        Assert.Equal((3, 0, 0), (first.Stored, first.AlreadyPresent, first.Failed));
        Assert.Equal((0, 3, 0), (second.Stored, second.AlreadyPresent, second.Failed));
        Assert.Equal(3, await store.Documents.CountAsync());
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task The_same_text_in_another_file_or_with_other_line_endings_is_the_same_document()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.txt", "Shelling hit Ariha.\n\nTwo were injured.\n");
        var b = folder.Write("b.txt", "Shelling hit Ariha.  \r\n\r\n\r\n\r\nTwo were injured.");
        var store = await TestStore.OpenAsync(folder);
        var summary = await new IngestDocuments(store, TimeProvider.System).RunAsync(new IngestRequest([a, b]), Coder);
        Assert.Equal((1, 1), (summary.Stored, summary.AlreadyPresent));
    }

    [Fact]
    public async Task Front_matter_wins_over_the_command_line_defaults_which_fill_the_gaps()
    {
        using var folder = new TempFolder();
        var withMeta = folder.Write("a.txt", Report);
        var plain = folder.Write("b.txt", "Unknown gunmen abducted a man near Tafas.");
        var store = await TestStore.OpenAsync(folder);
        await new IngestDocuments(store, TimeProvider.System).RunAsync(new IngestRequest([withMeta, plain], new DateOnly(2024, 4, 9), "Field network south"), Coder);
        var docs = await store.Documents.ListAsync();
        Assert.Contains(docs, d => d.Title == "Clashes on the Tal Tamr front" && d.Published == new DateOnly(2022, 3, 2) && d.Source == "Test Observatory");
        Assert.Contains(docs, d => d.Title is null && d.Published == new DateOnly(2024, 4, 9) && d.Source == "Field network south");
    }

    [Fact]
    public async Task Html_furniture_is_not_stored_but_the_original_bytes_are()
    {
        using var folder = new TempFolder();
        var page = folder.Write("page.html", "<html><body><div class=\"cookie-banner\">This website uses cookies.</div><article><p>Shelling hit Kansafra.</p></article><footer>© Site</footer></body></html>");
        var store = await TestStore.OpenAsync(folder);
        var summary = await new IngestDocuments(store, TimeProvider.System).RunAsync(new IngestRequest([page]), Coder);
        var document = await store.Documents.FindAsync(summary.Outcomes[0].DocumentId!.Value.ToString());
        Assert.Equal("Shelling hit Kansafra.", document!.CleanText);
        Assert.Equal(await File.ReadAllBytesAsync(page), document.Original);
    }

    [Fact]
    public async Task Each_feed_item_is_a_document()
    {
        using var folder = new TempFolder();
        var feed = folder.Write("feed.xml", """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Test Observatory</title>
            <item><title>One</title><pubDate>Fri, 08 Mar 2024 10:00:00 +0000</pubDate><description>First report text.</description></item>
            <item><title>Two</title><pubDate>Sat, 09 Mar 2024 10:00:00 +0000</pubDate><description>Second report text.</description></item>
            </channel></rss>
            """);
        var store = await TestStore.OpenAsync(folder);
        var summary = await new IngestDocuments(store, TimeProvider.System).RunAsync(new IngestRequest([feed]), Coder);
        Assert.Equal(2, summary.Stored);
        Assert.Equal([feed + "#1", feed + "#2"], summary.Outcomes.Select(o => o.Origin).ToArray());
    }

    [Fact]
    public async Task Bad_inputs_are_each_named_with_their_problem_and_the_good_ones_are_stored()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.txt", "Clashes near Tal Tamr.");
        var binary = folder.WriteBytes("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        var latin1 = folder.WriteBytes("latin1.txt", [0x52, 0x61, 0x71, 0x71, 0xE9, 0x20, 0x61]);
        var empty = folder.Write("empty.txt", "");
        var feed = folder.Write("broken.xml", "<rss version=\"2.0\"><channel><item><title>x</title>");
        var huge = folder.File("huge.txt");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var missing = folder.File("missing.txt");
        var store = await TestStore.OpenAsync(folder);
        var summary = await new IngestDocuments(store, TimeProvider.System).RunAsync(new IngestRequest([good, binary, latin1, empty, feed, huge, missing]), Coder);

        string Problem(string path) => summary.Outcomes.Single(o => o.Origin == path).Problem!;
        Assert.Equal(1, summary.Stored);
        Assert.Equal(6, summary.Failed);
        Assert.StartsWith("binary file", Problem(binary), StringComparison.Ordinal);
        Assert.StartsWith("not valid UTF-8", Problem(latin1), StringComparison.Ordinal);
        Assert.Equal("empty file", Problem(empty));
        Assert.StartsWith("malformed feed", Problem(feed), StringComparison.Ordinal);
        Assert.StartsWith("too large (50.0 MB", Problem(huge), StringComparison.Ordinal);
        Assert.Equal("no such file or directory", Problem(missing));
        Assert.All(summary.Outcomes, o => Assert.DoesNotContain('\n', o.Problem ?? ""));
    }
}

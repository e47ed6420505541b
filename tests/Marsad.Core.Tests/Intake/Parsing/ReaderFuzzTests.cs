using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Marsad.Core.Extract;
using Marsad.Core.Ids;
using Marsad.Core.Intake.Parsing;
using Marsad.Core.Records;
using Marsad.Core.Review;
using Marsad.Extraction;

namespace Marsad.Core.Tests.Intake.Parsing;

/// <summary>
/// Issue 15: every reader of outside input, given random and malformed input made by CsCheck, either reads it or
/// refuses it with the one exception its caller turns into a message: never another exception, never a hang.
/// 1,000 inputs per entry point here; failures shrink to a small case and print the seed that reproduces it.
/// </summary>
public sealed class ReaderFuzzTests
{
    private const int Inputs = 1_000;

    // Markup pieces, well-formed or not: tags, entities, comments, CDATA, scripts, attributes, odd characters.
    private static readonly Gen<string> MarkupPiece = Gen.OneOf(
        Gen.OneOf("<html>", "</html>", "<body>", "</body>", "<p>", "</p>", "<div>", "</div>", "<table>", "<tr>", "<td>", "<b>", "<i>", "</b>",
            "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<br/>", "<a href=\"x\">", "</a>", "&amp;", "&#0;", "&#xD800;",
            "&nbsp;", "&bogus;", "<!DOCTYPE html>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "<?xml version=\"1.0\"?>",
            "<rss version=\"2.0\">", "</rss>", "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>", "<description>",
            "</description>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "<entry>", "</entry>", "<content>", "</content>",
            "<pubDate>", "</pubDate>", "Mon, 06 Mar 2023 10:00:00 GMT", "2023-03-06", "Shelling hit Ariha.", "\ud800", "\0", "\uFEFF", "<", ">", "\"", "'"),
        Gen.String[Gen.Char, 0, 8]);

    private static readonly Gen<string> Markup = MarkupPiece.Array[0, 200].Select(parts => string.Concat(parts));

    [Fact]
    public void The_html_reader_reads_or_refuses_random_markup()
    {
        Markup.Sample(html =>
        {
            try
            {
                Assert.NotNull(HtmlReportReader.Read(html).Text);
            }
            catch (IntakeFormatException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }, iter: Inputs, threads: 1);
    }

    [Fact]
    public void The_feed_reader_reads_or_refuses_random_markup()
    {
        var feeds = Gen.Select(Markup, Gen.Bool, (body, atom) => atom
            ? "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title><content>" + body + "</content></entry></feed>"
            : "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>t</title><description>" + body + "</description></item></channel></rss>");
        Gen.OneOf(feeds, Markup).Sample(xml =>
        {
            try
            {
                Assert.All(FeedReader.Read(xml), r => Assert.NotNull(r.Text));
            }
            catch (IntakeFormatException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }, iter: Inputs, threads: 1);
    }

    [Fact]
    public void The_input_decoder_decodes_or_refuses_random_bytes()
    {
        var prefixes = Gen.OneOf<byte[]>([], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]);
        Gen.Select(prefixes, Gen.Byte.Array[0, 400], (p, b) => p.Concat(b).ToArray()).Sample(bytes =>
        {
            try
            {
                Assert.NotNull(InputDecoder.Decode(bytes));
            }
            catch (IntakeFormatException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }, iter: Inputs, threads: 1);
    }

    // JSON Lines records, well-formed or not: escapes (lone surrogates among them), wrong types, missing fields, junk.
    private static readonly Gen<string> JsonlLine = Gen.OneOf(
        Gen.Select(Gen.OneOf("Shelling hit Ariha on 3 March 2023.", "\\ud800", "\\udc00x", "\\u0000", "\\\"", "قصف", ""), Gen.OneOf("\"2023-03-04\"", "null", "5", "\"not a date\"", "\"2023-02-30\""),
            (text, published) => $"{{\"id\":\"r\",\"text\":\"{text}\",\"published\":{published}}}"),
        Gen.OneOf("{}", "[]", "null", "{\"text\":5}", "{\"id\":{},\"text\":\"x\"}", "{\"text\":\"x\"", "\ud800", "\"\\ud800\""),
        Gen.String[Gen.Char, 0, 60]);

    [Fact]
    public async Task The_jsonl_reader_gives_one_result_per_line_for_random_records()
    {
        var engine = new ExtractionEngine();
        var batches = JsonlLine.Array[1, 20];
        var failures = new List<string>();
        // Sampled synchronously, run one by one: each batch must give exactly one output line per input line.
        var samples = new List<string[]>();
        batches.Sample(lines => samples.Add(lines.Select(l => l.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal)).ToArray()), iter: Inputs / 10, threads: 1);
        foreach (var lines in samples)
        {
            using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
            using var output = new MemoryStream();
            var done = await new JsonlExtraction(engine, 1).RunAsync(input, output, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
            var written = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (written.Length != done.Records || written.Any(w => JsonNode.Parse(w) is not JsonObject))
            {
                failures.Add(string.Join(" | ", lines));
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_lone_surrogate_line_is_an_error_entry_between_good_records()
    {
        var bytes = Marsad.Tests.Support.HostileInputs.Named("lone-surrogate-jsonl").Bytes();
        using var output = new MemoryStream();
        await new JsonlExtraction(new ExtractionEngine(), 1).RunAsync(new MemoryStream(bytes), output, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Empty(lines[0]!["errors"]?.AsArray() ?? []);
        Assert.NotEmpty(lines[1]!["errors"]!.AsArray());
        Assert.Empty(lines[2]!["errors"]?.AsArray() ?? []);
    }

    private sealed class NoRecords : IRecordIds
    {
        public Task<Guid> ResolveAsync(IdKind kind, string typed, CancellationToken cancellationToken = default) =>
            throw new RecordNotFoundException($"no {kind} {typed}");

        public Task<IReadOnlyDictionary<Guid, string>> ShortenAsync(IdKind kind, IEnumerable<Guid> ids, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    // Decisions as a coder or an attacker might write them: right and wrong kinds, ids, actions, versions and fields.
    private static readonly Gen<string> DecisionJson = Gen.OneOf(
        Gen.Select(Gen.OneOf("\"event\"", "\"claim\"", "\"person\"", "\"allegation\"", "\"nope\"", "5", "null", "\"\\ud800\""),
            Gen.OneOf("\"0193a2b4-0000-7000-8000-000000000001\"", "\"0193a2b4\"", "\"zz\"", "5", "null", "\"\\ud800\"", "[]"),
            Gen.OneOf("\"accept\"", "\"reject\"", "\"edit\"", "\"\"", "7", "{}"),
            Gen.OneOf("1", "-1", "\"1\"", "null", "1e400"),
            (kind, id, action, version) => $"{{\"kind\":{kind},\"id\":{id},\"action\":{action},\"version\":{version}}}"),
        Gen.OneOf("{}", "[]", "null", "1", "\"x\"", "{\"kind\":\"event\"}"));

    [Fact]
    public async Task A_review_batch_decision_is_read_or_refused_with_an_exception_the_cli_reports()
    {
        var ids = new NoRecords();
        var samples = new List<string>();
        DecisionJson.Sample(samples.Add, iter: Inputs, threads: 1);
        foreach (var json in samples)
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(json);
            }
            catch (JsonException)
            {
                continue; // the CLI reports an unparsable batch as a whole
            }

            try
            {
                await ReviewBatch.ReadOneAsync(node, ids);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or ArgumentException or RecordNotFoundException)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message), json);
            }
        }
    }
}

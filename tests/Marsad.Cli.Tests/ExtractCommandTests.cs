using System.Text;
using System.Text.Json;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

public sealed class ExtractCommandTests
{
    private const string GoodText = "Regime forces shelled the town of Kafr Nabl on Monday, killing two civilians.";

    public static TheoryData<string> BadLines => ["not json", "missing text", "10 MB text", "invalid UTF-8", "empty line", "empty text", "not an object", "lone high surrogate", "lone low surrogate in the title"];

    [Fact]
    public async Task A_single_file_gives_one_contract_object_with_relative_dates_resolved()
    {
        using var folder = new TempFolder();
        folder.Write("report.txt", GoodText);

        var run = await MarsadProcess.RunAsync(folder.Path, "extract", "report.txt", "--published", "2022-01-19", "--source", "Field network");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("2022-01-19", root.GetProperty("document").GetProperty("published").GetString());
        Assert.Equal("Field network", root.GetProperty("document").GetProperty("source").GetString());
        var e = Assert.Single(root.GetProperty("events").EnumerateArray());
        Assert.Equal("Shelling/artillery/missile attack", e.GetProperty("sub_event_type").GetString());
        Assert.Equal("2022-01-17", e.GetProperty("date").GetProperty("start").GetString());
        Assert.Equal(2, e.GetProperty("quantities").GetProperty("fatalities").GetProperty("low").GetInt32());
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task With_a_database_a_name_in_its_sources_register_is_never_a_place_without_one_no_database_is_made()
    {
        // "Abu Omar" is a village in the shipped gazetteer and here a confidential source's name. Text written for this test.
        const string Text = "On 3 May 2021, regime shelling killed two civilians in Abu Omar, a source told the network. Abu Omar said that the shells came from the west.";
        using var folder = new TempFolder();
        folder.Write("report.txt", Text);
        folder.Write("in.jsonl", JsonSerializer.Serialize(new { id = "r1", text = Text, published = "2021-05-04" }) + "\n");
        static bool NamesAbuOmar(JsonElement result) => result.GetProperty("events").EnumerateArray()
            .Any(e => e.TryGetProperty("location", out var place) && place.ToString().Contains("Abu Omar", StringComparison.OrdinalIgnoreCase));

        var unguarded = await MarsadProcess.RunAsync(folder.Path, "extract", "report.txt", "--published", "2021-05-04");
        Assert.True(unguarded.ExitCode == 0, unguarded.Stderr);
        Assert.True(NamesAbuOmar(JsonDocument.Parse(unguarded.Stdout).RootElement), "the premise: unguarded, the village named like the source is the place");
        Assert.False(File.Exists(folder.File("marsad.db")), "extract makes no database");

        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "sources", "set", "Abu Omar", "--kind", "NamedSource", "--confidential", "--db", "m.db")).ExitCode);
        var file = await MarsadProcess.RunAsync(folder.Path, "extract", "report.txt", "--published", "2021-05-04", "--db", "m.db");
        var jsonl = await MarsadProcess.RunAsync(folder.Path, "extract", "--jsonl", "in.jsonl", "--db", "m.db");

        Assert.True(file.ExitCode == 0, file.Stderr);
        Assert.True(jsonl.ExitCode == 0, jsonl.Stderr);
        Assert.False(NamesAbuOmar(JsonDocument.Parse(file.Stdout).RootElement), file.Stdout);
        Assert.False(NamesAbuOmar(JsonDocument.Parse(jsonl.Stdout.Trim()).RootElement), jsonl.Stdout);
    }

    [Fact]
    public async Task An_html_file_is_read_as_intake_reads_it_and_its_title_kept()
    {
        using var folder = new TempFolder();
        folder.Write("page.html", "<!doctype html><html><head><title>Shelling on Kafr Nabl</title></head><body><nav><a href=\"/\">Home</a></nav><article><p>" + GoodText + "</p></article></body></html>");

        var run = await MarsadProcess.RunAsync(folder.Path, "extract", "page.html", "--published", "2022-01-19");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("Shelling on Kafr Nabl", json.RootElement.GetProperty("document").GetProperty("title").GetString());
        Assert.Single(json.RootElement.GetProperty("events").EnumerateArray());
        Assert.DoesNotContain("<", run.Stdout.Split("\"events\"")[0].Split("\"document\"")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_text_gives_an_error_entry_and_exit_0_a_missing_file_exit_3()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("latin1.txt", Encoding.Latin1.GetBytes("Raqqa caf\u00e9 attack"));

        var bad = await MarsadProcess.RunAsync(folder.Path, "extract", "latin1.txt");
        var missing = await MarsadProcess.RunAsync(folder.Path, "extract", "missing.txt");

        Assert.Equal(0, bad.ExitCode);
        using var json = JsonDocument.Parse(bad.Stdout);
        Assert.Contains("not valid UTF-8", json.RootElement.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("marsad: error: missing.txt: no such file or directory", missing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task A_bad_record_gets_an_errors_entry_and_the_records_around_it_are_extracted(string kind)
    {
        using var folder = new TempFolder();
        var input = new MemoryStream();
        WriteLine(input, Record("before", GoodText));
        WriteLine(input, BadLine(kind));
        WriteLine(input, Record("after", GoodText));
        folder.WriteBytes("in.jsonl", input.ToArray());

        var run = await MarsadProcess.RunAsync(folder.Path, "extract", "--jsonl", "in.jsonl");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var before = JsonDocument.Parse(lines[0]);
        using var bad = JsonDocument.Parse(lines[1]);
        using var after = JsonDocument.Parse(lines[2]);
        Assert.Equal("before", before.RootElement.GetProperty("id").GetString());
        Assert.Equal("after", after.RootElement.GetProperty("id").GetString());
        Assert.Single(after.RootElement.GetProperty("events").EnumerateArray());
        Assert.Empty(after.RootElement.GetProperty("errors").EnumerateArray());
        var error = Assert.Single(bad.RootElement.GetProperty("errors").EnumerateArray()).GetString()!;
        Assert.StartsWith("line 2: ", error, StringComparison.Ordinal);
        Assert.Empty(bad.RootElement.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task Two_threads_keep_the_input_order_and_out_writes_the_file()
    {
        using var folder = new TempFolder();
        var input = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            // Texts of very different lengths, so that records finish out of order.
            var text = i % 7 == 0 ? string.Concat(Enumerable.Repeat(GoodText + "\n\n", 40)) : GoodText;
            input.Append(Record($"r{i}", text)).Append('\n');
        }

        folder.Write("in.jsonl", input.ToString());

        var run = await MarsadProcess.RunAsync(folder.Path, "extract", "--jsonl", "in.jsonl", "--out", "out.jsonl", "--threads", "2");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var ids = File.ReadAllLines(folder.File("out.jsonl")).Select(l =>
        {
            using var json = JsonDocument.Parse(l);
            return json.RootElement.GetProperty("id").GetString();
        }).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"r{i}"), ids);
    }

    [Fact]
    public async Task An_unreadable_input_exits_3_and_a_wrong_command_line_2()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", GoodText);

        var missing = await MarsadProcess.RunAsync(folder.Path, "extract", "--jsonl", "missing.jsonl");
        var both = await MarsadProcess.RunAsync(folder.Path, "extract", "a.txt", "--jsonl", "a.txt");
        var threads = await MarsadProcess.RunAsync(folder.Path, "extract", "--jsonl", "a.txt", "--threads", "0");

        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("missing.jsonl: no such file or directory", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Equal(2, threads.ExitCode);
    }

    private static string Record(string id, string text) =>
        JsonSerializer.Serialize(new { id, text, published = "2022-01-19", source = "test" });

    private static byte[] BadLine(string kind) => kind switch
    {
        "not json" => "{\"id\": \"x\", \"text\": "u8.ToArray(),
        "missing text" => "{\"id\": \"x\", \"published\": \"2022-01-19\"}"u8.ToArray(),
        "10 MB text" => Encoding.UTF8.GetBytes(Record("x", new string('a', 10 * 1024 * 1024))),
        "invalid UTF-8" => [.. "{\"id\": \"x\", \"text\": \"Raqqa caf"u8, 0xE9, .. "\"}"u8],
        "empty line" => [],
        "empty text" => Encoding.UTF8.GetBytes(Record("x", "")),
        "not an object" => "[1, 2, 3]"u8.ToArray(),
        "lone high surrogate" => "{\"id\": \"x\", \"text\": \"shelling on \\ud800 Ariha\", \"published\": \"2022-01-19\"}"u8.ToArray(),
        "lone low surrogate in the title" => "{\"id\": \"x\", \"text\": \"shelling on Ariha\", \"title\": \"\\udc00\"}"u8.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static void WriteLine(Stream s, string line) => WriteLine(s, Encoding.UTF8.GetBytes(line));

    private static void WriteLine(Stream s, byte[] line)
    {
        s.Write(line);
        s.WriteByte((byte)'\n');
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

/// <summary>The coder's workbench from the command line: plain values in review, short ids, publishing, forgiving filters.</summary>
public sealed partial class WorkbenchCommandTests
{
    // Written for these tests in the genre of an observatory's daily note.
    private const string Report = """
        ---
        title: Shelling on Kansafra and clashes near Tal Tamr
        published: 2022-01-19
        source: Test Observatory
        ---

        Regime forces shelled Kansafra in Jabal al-Zawiya yesterday, killing two civilians.

        In a separate incident, SDF fighters clashed with Turkish-backed factions near Tal Tamr on Monday, and one fighter was killed.
        """;

    [Fact]
    public async Task A_batch_with_plain_values_then_publishing_shows_the_edited_event_to_the_public()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var table = await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db", "--text", "Kansafra");
        var shortId = Assert.Single(IdsIn(table.Stdout));
        folder.Write("decisions.json", $$$"""
            [{"kind": "event", "id": "{{{shortId}}}", "action": "edit", "version": 1,
              "fields": {"date": "2021-01-16", "location": "Rmelan", "actor2": "ISIS", "fatalities": "at least 3"}}]
            """);

        var review = await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "decisions.json", "--db", "m.db");
        Assert.True(review.ExitCode == 0, review.Stderr);
        var publish = await MarsadProcess.RunAsync(folder.Path, "events", "status", shortId, "--to", "published", "--reason", "checked", "--db", "m.db");
        Assert.True(publish.ExitCode == 0, publish.Stderr);
        Assert.Contains("reviewed → published", publish.Stdout, StringComparison.Ordinal);

        var shown = await MarsadProcess.RunAsync(folder.Path, "events", "--role", "public", "--format", "json", "--db", "m.db");
        var e = Assert.Single(JsonDocument.Parse(shown.Stdout).RootElement.EnumerateArray()).GetProperty("event");
        Assert.Equal("2021-01-16", e.GetProperty("date").GetProperty("start").GetString());
        Assert.Equal("day", e.GetProperty("date").GetProperty("precision").GetString());
        Assert.Equal("Islamic State (Syria)", e.GetProperty("actor2").GetString());
        Assert.Equal("Al-Hasakeh", e.GetProperty("location").GetProperty("admin1").GetString());
        Assert.Equal(3, e.GetProperty("quantities").GetProperty("fatalities").GetProperty("low").GetInt32());
        Assert.False(e.GetProperty("quantities").GetProperty("fatalities").TryGetProperty("high", out _));
        Assert.Equal("published", e.GetProperty("status").GetString());
        // The verify step is recorded on the way to published.
        Assert.Equal(1, Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM revisions WHERE reason = 'status: verified: checked'"));
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db")).ExitCode);
    }

    [Fact]
    public async Task A_plain_value_that_cannot_be_read_says_what_to_type_and_an_ambiguous_prefix_names_the_matches()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var ids = IdsIn((await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db")).Stdout);
        Assert.True(ids.Count >= 2, "the report has two incidents");
        folder.Write("bad.json", $$$"""[{"kind": "event", "id": "{{{ids[0]}}}", "action": "edit", "version": 1, "fields": {"date": "the other day"}}]""");

        var bad = await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "bad.json", "--db", "m.db");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("is not a date: type 2023-07-21", bad.Stderr, StringComparison.Ordinal);

        // Events of one report share the start of their ids up to the digits that differ: a shorter prefix is ambiguous.
        var common = new string([.. ids[0].TakeWhile((c, i) => i < ids[1].Length && ids[1][i] == c)]);
        Assert.True(common.Length >= 6, $"{ids[0]} and {ids[1]} share fewer than 6 characters");
        var ambiguous = await MarsadProcess.RunAsync(folder.Path, "events", "show", common, "--db", "m.db");
        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains(ids[0], ambiguous.Stderr, StringComparison.Ordinal);
        Assert.Contains(ids[1], ambiguous.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_forgive_spellings_and_name_the_nearest_known_value()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);

        var idlib = await MarsadProcess.RunAsync(folder.Path, "events", "--admin1", "idlib", "--format", "json", "--db", "m.db");
        var idleb = await MarsadProcess.RunAsync(folder.Path, "events", "--admin1", "Idleb", "--format", "json", "--db", "m.db");
        Assert.Equal(0, idlib.ExitCode);
        Assert.NotEmpty(JsonDocument.Parse(idlib.Stdout).RootElement.EnumerateArray());
        Assert.Equal(idleb.Stdout, idlib.Stdout);
        var sdf = await MarsadProcess.RunAsync(folder.Path, "events", "--actor", "sdf", "--type", "battles", "--format", "json", "--db", "m.db");
        Assert.NotEmpty(JsonDocument.Parse(sdf.Stdout).RootElement.EnumerateArray());

        var unknown = await MarsadProcess.RunAsync(folder.Path, "events", "--actor", "Turky", "--db", "m.db");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("did you mean 'Military Forces of Turkey (2016-)'", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_id_a_table_or_report_prints_is_accepted_by_the_command_that_shows_it()
    {
        using var folder = new TempFolder();
        var demo = await MarsadProcess.RunAsync(folder.Path, "demo", "--no-serve", "--dir", "demo");
        Assert.True(demo.ExitCode == 0, demo.Stderr);
        var db = Path.Combine("demo", "marsad.db");
        var walked = 0;

        var events = IdsIn((await MarsadProcess.RunAsync(folder.Path, "events", "--db", db)).Stdout);
        Assert.Equal(Db.Scalar(folder.File(db), "SELECT COUNT(*) FROM events WHERE merged_into IS NULL"), events.Count);
        Assert.Equal(events.Count, events.Distinct().Count());
        var shown = await MarsadProcess.RunAsync(folder.Path, ["events", "show", .. events, "--db", db]);
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        Assert.Equal(events.Count, JsonDocument.Parse(shown.Stdout).RootElement.GetArrayLength());
        walked += events.Count;

        var report = File.ReadAllText(Directory.GetFiles(folder.File("demo"), "report-*.md").Single());
        var documents = IdsIn((await MarsadProcess.RunAsync(folder.Path, "documents", "list", "--db", db)).Stdout)
            .Concat(DocumentInReport().Matches(report).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(DocumentInReport().Matches(report));
        foreach (var id in documents)
        {
            var show = await MarsadProcess.RunAsync(folder.Path, "documents", "show", id, "--db", db);
            Assert.True(show.ExitCode == 0, $"documents show {id}: {show.Stderr}");
            walked++;
        }

        foreach (var register in new[] { "persons", "claims", "allegations" })
        {
            foreach (var id in IdsIn((await MarsadProcess.RunAsync(folder.Path, register, "list", "--db", db)).Stdout))
            {
                var show = await MarsadProcess.RunAsync(folder.Path, register, "show", id, "--db", db);
                Assert.True(show.ExitCode == 0, $"{register} show {id}: {show.Stderr}");
                walked++;
            }
        }

        Assert.True(walked > 30, $"walked {walked} ids");
    }

    [Fact]
    public async Task A_batch_splits_merges_and_links_each_change_a_revision()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var kansafra = Assert.Single(IdsIn((await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db", "--text", "Kansafra")).Stdout));
        var talTamr = Assert.Single(IdsIn((await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db", "--text", "Tal Tamr")).Stdout));
        var add = await MarsadProcess.RunAsync(folder.Path, "claims", "add", "--claimant", "a fictional ministry", "--statement", "no shells fell on the test village", "--db", "m.db");
        Assert.True(add.ExitCode == 0, add.Stderr);
        var claim = add.Stdout.Split(' ')[1];
        var before = Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM revisions");
        folder.Write("reshape.json", $$$"""
            [{"kind": "event", "id": "{{{kansafra}}}", "action": "split", "version": 1, "reason": "two shellings",
              "parts": [{"date": "2022-01-18", "fatalities": "1"}, {"date": "2022-01-18", "location": "35.66, 36.55", "fatalities": "1"}]},
             {"kind": "event", "id": "{{{kansafra}}}", "action": "link", "links": [{"kind": "claim", "id": "{{{claim[..8]}}}"}]},
             {"kind": "event", "id": "{{{talTamr}}}", "action": "merge", "version": 1, "merge": ["{{{kansafra}}}"]}]
            """);

        var review = await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "reshape.json", "--db", "m.db");
        Assert.True(review.ExitCode == 0, review.Stderr + review.Stdout);
        Assert.Contains("Applied 3 decisions, 0 failed.", review.Stdout, StringComparison.Ordinal);

        var db = folder.File("m.db");
        // Split: the proposal edited and one event added; link: the claim; merge: the merged event and the target.
        Assert.Equal(before + 5, Db.Scalar(db, "SELECT COUNT(*) FROM revisions"));
        Assert.Equal(3, Db.Scalar(db, "SELECT COUNT(*) FROM events"));
        Assert.Equal(1, Db.Scalar(db, "SELECT COUNT(*) FROM revisions WHERE reason LIKE 'two shellings: part 2 of 2, split from event %'"));
        var claimShow = await MarsadProcess.RunAsync(folder.Path, "claims", "show", claim, "--format", "json", "--db", "m.db");
        Assert.Contains(kansafra, claimShow.Stdout, StringComparison.Ordinal);
        var merged = await MarsadProcess.RunAsync(folder.Path, "events", "show", kansafra, "--db", "m.db");
        Assert.Contains("merged", merged.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db")).ExitCode);
    }

    [Fact]
    public async Task A_split_is_undone_while_its_parts_await_review_and_refused_once_one_moved_on()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var kansafra = Assert.Single(IdsIn((await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db", "--text", "Kansafra")).Stdout));
        var db = folder.File("m.db");
        var before = Db.Text(db, "SELECT payload FROM events WHERE id LIKE '" + kansafra + "%'");
        folder.Write("split.json", $$$"""
            [{"kind": "event", "id": "{{{kansafra}}}", "action": "split", "version": 1,
              "parts": [{"date": "2022-01-18", "fatalities": "1"}, {"date": "2022-01-18", "location": "35.66, 36.55", "fatalities": "1"}]}]
            """);
        folder.Write("undo.json", $$$"""[{"kind": "event", "id": "{{{kansafra}}}", "action": "undo_split", "reason": "one shelling after all"}]""");
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "split.json", "--db", "m.db")).ExitCode);
        Assert.Equal(3, IdsIn((await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db")).Stdout).Count);

        var undo = await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "undo.json", "--db", "m.db");
        Assert.True(undo.ExitCode == 0, undo.Stderr + undo.Stdout);
        // The proposal is back as the engine made it (date, counts, evidence), the second part folded back into it.
        Assert.Equal(2, IdsIn((await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db")).Stdout).Count);
        using (var was = JsonDocument.Parse(before))
        using (var now = JsonDocument.Parse(Db.Text(db, "SELECT payload FROM events WHERE id LIKE '" + kansafra + "%'")))
        {
            foreach (var field in new[] { "date", "quantities", "location", "evidence", "aggregate", "status" })
            {
                Assert.Equal(was.RootElement.TryGetProperty(field, out var a) ? a.GetRawText() : null, now.RootElement.TryGetProperty(field, out var b) ? b.GetRawText() : null);
            }
        }

        Assert.Equal(1, Db.Scalar(db, "SELECT COUNT(*) FROM revisions WHERE reason LIKE 'one shelling after all: folded back into event %'"));
        Assert.Equal(1, (await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "undo.json", "--db", "m.db")).ExitCode);

        // Split again and accept the second part: the undo would drop that decision, so it is refused.
        folder.Write("split2.json", $$$"""
            [{"kind": "event", "id": "{{{kansafra}}}", "action": "split", "version": 3,
              "parts": [{"fatalities": "1"}, {"location": "35.66, 36.55", "fatalities": "1"}]}]
            """);
        var again = await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "split2.json", "--db", "m.db");
        Assert.True(again.ExitCode == 0, again.Stderr);
        var partTwo = Db.Text(db, "SELECT entity_id FROM revisions WHERE reason LIKE '%part 2 of 2, split from event %' ORDER BY seq DESC LIMIT 1");
        folder.Write("accept.json", $$$"""[{"kind": "event", "id": "{{{partTwo}}}", "action": "accept", "version": 1}]""");
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "accept.json", "--db", "m.db")).ExitCode);
        var refused = await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "undo.json", "--db", "m.db");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("changed since the split", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db")).ExitCode);
    }

    [Fact]
    public async Task A_batch_names_each_bad_decision_by_number_and_line_applies_the_others_and_ends_with_a_summary()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var kansafra = Assert.Single(IdsIn((await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db", "--text", "Kansafra")).Stdout));
        var talTamr = Assert.Single(IdsIn((await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db", "--text", "Tal Tamr")).Stdout));
        // A merge whose reason a coder wrote ends as a split's does, with a count past int: the undo asked after it is
        // refused like any other undo of no split (it ended the whole run with an OverflowException). Then a kind that is
        // no word, an undo of an event merged away, and an accept that still applies after them.
        folder.Write("d.json", $$$"""
            [
              {"kind": "event", "id": "{{{talTamr}}}", "action": "merge", "version": 1, "merge": ["{{{kansafra}}}"], "reason": "one incident: part 1 of 99999999999"},
              {"kind": "event", "id": "{{{talTamr}}}", "action": "undo_split"},
              {"kind": 5, "id": "{{{kansafra}}}", "action": "accept", "version": 1},
              {"kind": "event", "id": "{{{kansafra}}}", "action": "undo_split"},
              {"kind": "event", "id": "{{{talTamr}}}", "action": "accept", "version": 2}
            ]
            """);

        var run = await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "d.json", "--db", "m.db");
        Assert.True(run.ExitCode == 1, run.Stderr + run.Stdout);
        Assert.Contains("Applied 2 decisions, 3 failed.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Failed: decision 2 (line 3), decision 3 (line 4), decision 4 (line 5).", run.Stdout, StringComparison.Ordinal);
        // Decisions are all read before any is applied, so a decision that cannot be read is reported first.
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Replace("marsad: error: ", "", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 3, run.Stderr);
        Assert.Contains("no split to undo", Assert.Single(errors, l => l.StartsWith("d.json:3: decision 2 (undo_split event ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("'5' is not event", Assert.Single(errors, l => l.StartsWith("d.json:4: decision 3: cannot be read", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Single(errors, l => l.StartsWith("d.json:5: decision 4 (undo_split event ", StringComparison.Ordinal));
        Assert.DoesNotContain("(Parameter", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("reviewed", JsonDocument.Parse(Db.Text(folder.File("m.db"), "SELECT payload FROM events WHERE id LIKE '" + talTamr + "%'")).RootElement.GetProperty("status").GetString());
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db")).ExitCode);
    }

    /// <summary>The first cell of each row of a table, when it looks like an id.</summary>
    private static List<string> IdsIn(string table) =>
        [.. table.Split('\n').Select(l => TableId().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^│ ([0-9a-f]{8}(?:-[0-9a-f]{1,4})*) +│")]
    private static partial Regex TableId();

    [GeneratedRegex(@"\(document ([0-9a-f]{8}(?:-[0-9a-f]{1,4})*)\)")]
    private static partial Regex DocumentInReport();
}

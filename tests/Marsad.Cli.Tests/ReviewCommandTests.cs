using System.Diagnostics;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

public sealed class ReviewCommandTests
{
    private const string Report = """
        ---
        title: Shelling on Kansafra
        published: 2022-01-19
        source: Test Observatory
        ---

        Regime forces shelled Kansafra in Jabal al-Zawiya yesterday, killing two civilians.
        """;

    [Fact]
    public async Task Accept_all_accepts_every_pending_proposal_as_revisions()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var pending = Db.Scalar(folder.File("m.db"), "SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM claims) + (SELECT COUNT(*) FROM persons) + (SELECT COUNT(*) FROM allegations)");
        Assert.True(pending > 0);

        var run = await MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--reason", "trusted batch", "--db", "m.db");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Applied {pending} decisions, 0 failed.", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM events WHERE status = 'extracted'"));
        Assert.Equal(pending, Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM revisions WHERE reason = 'trusted batch'"));
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db")).ExitCode);
    }

    [Fact]
    public async Task A_batch_file_applies_its_decisions_and_names_the_ones_it_cannot()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var id = Db.Text(folder.File("m.db"), "SELECT id FROM events LIMIT 1");
        folder.Write("decisions.json", $$"""
            [
              {"kind": "event", "id": "{{id}}", "action": "edit", "version": 1, "fields": {"summary": "two civilians killed by shelling"}, "reason": "summary added"},
              {"kind": "event", "id": "{{Guid.NewGuid()}}", "action": "accept", "version": 1}
            ]
            """);

        var run = await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "decisions.json", "--db", "m.db");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Applied 1 decisions, 1 failed.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("no event with id", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, Db.Scalar(folder.File("m.db"), $"SELECT COUNT(*) FROM events WHERE id = '{id}' AND status = 'reviewed' AND payload LIKE '%two civilians killed by shelling%'"));
    }

    [Fact]
    public async Task Lone_surrogates_in_a_batch_fail_their_own_decisions_and_the_rest_apply_with_a_summary()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var id = Db.Text(folder.File("m.db"), "SELECT id FROM events LIMIT 1");
        folder.Write("decisions.json", $$"""
            [
              {"kind": "event", "id": "{{id}}", "action": "edit", "version": 1, "fields": {"summary": "bad \ud800 text"} },
              {"kind": "event", "id": "{{id}}", "action": "accept", "version": 1, "reason": "bad \udc00"},
              {"kind": "event", "id": "{{id}}", "action": "accept", "version": 1, "reason": "checked"}
            ]
            """);

        var run = await MarsadProcess.RunAsync(folder.Path, "review", "--batch", "decisions.json", "--db", "m.db");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Applied 1 decisions, 2 failed.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("not Unicode text", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, Db.Scalar(folder.File("m.db"), $"SELECT COUNT(*) FROM events WHERE id = '{id}' AND status = 'reviewed'"));
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db")).ExitCode);
    }

    [Fact]
    public async Task Without_a_terminal_interactive_review_says_what_to_use_instead()
    {
        using var folder = new TempFolder();
        var run = await MarsadProcess.RunAsync(folder.Path, "review", "--db", "m.db");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--batch FILE or --accept-all", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coder_reviews_in_a_real_terminal_under_tmux()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var session = "marsad-review-" + Guid.NewGuid().ToString("N")[..8];
        var command = $"cd '{folder.Path}' && MARSAD_USER=tmux-coder dotnet '{MarsadProcess.Dll}' review --db m.db; sleep 5";
        Tmux("new-session", "-d", "-s", session, "-x", "140", "-y", "50", command);
        try
        {
            var screen = await WaitForAsync(session, "Decision?");
            Assert.Contains("source text", screen, StringComparison.Ordinal);
            Assert.Contains("Kansafra", screen, StringComparison.Ordinal);
            Assert.Contains("Shelling/artillery/missile attack", screen, StringComparison.Ordinal);
            Assert.Contains("Shelling on Kansafra", screen, StringComparison.Ordinal);
            Assert.Contains("Test Observatory · 2022-01-19", screen, StringComparison.Ordinal);

            Tmux("send-keys", "-t", session, "Enter");
            await WaitForAsync(session, "Reason (optional):");
            Tmux("send-keys", "-t", session, "seen on video", "Enter");
            await WaitForAsync(session, "Saved.");
        }
        finally
        {
            Tmux("kill-session", "-t", session);
        }

        Assert.Equal(1, Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM revisions WHERE author = 'tmux-coder' AND reason = 'seen on video'"));
    }

    [Fact]
    public async Task The_terminal_queue_takes_a_plain_date_a_place_picked_by_number_and_a_plain_count()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Report);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        var session = "marsad-plain-" + Guid.NewGuid().ToString("N")[..8];
        var command = $"cd '{folder.Path}' && MARSAD_USER=tmux-coder dotnet '{MarsadProcess.Dll}' review --db m.db; sleep 5";
        Tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "60", command);
        try
        {
            await WaitForAsync(session, "Decision?");
            Tmux("send-keys", "-t", session, "Down", "Enter");
            await WaitForAsync(session, "Field to change");
            Tmux("send-keys", "-t", session, "date", "Enter");
            await WaitForAsync(session, "New date");
            Tmux("send-keys", "-t", session, "2023-07-21", "Enter");
            await WaitForAsync(session, "date = 2023-07-21");
            Tmux("send-keys", "-t", session, "location", "Enter");
            await WaitForAsync(session, "New location");
            Tmux("send-keys", "-t", session, "Rmelan", "Enter");
            var candidates = await WaitForAsync(session, "Which place?");
            Assert.Contains("  1  ", candidates, StringComparison.Ordinal);
            Assert.Contains("  2  ", candidates, StringComparison.Ordinal);
            Tmux("send-keys", "-t", session, "2", "Enter");
            await WaitForAsync(session, "location = ");
            Tmux("send-keys", "-t", session, "fatalities", "Enter");
            await WaitForAsync(session, "New fatalities");
            Tmux("send-keys", "-t", session, "at least 3", "Enter");
            await WaitForAsync(session, "fatalities = at least 3");
            Tmux("send-keys", "-t", session, "Enter");
            await WaitForAsync(session, "Reason (optional):");
            Tmux("send-keys", "-t", session, "Enter");
            await WaitForAsync(session, "Saved.");
        }
        finally
        {
            Tmux("kill-session", "-t", session);
        }

        var payload = Db.Text(folder.File("m.db"), "SELECT payload FROM events WHERE status = 'reviewed'");
        using var json = System.Text.Json.JsonDocument.Parse(payload);
        var e = json.RootElement;
        Assert.Equal("2023-07-21", e.GetProperty("date").GetProperty("start").GetString());
        Assert.Equal("Al-Hasakeh", e.GetProperty("location").GetProperty("admin1").GetString());
        Assert.Equal(3, e.GetProperty("quantities").GetProperty("fatalities").GetProperty("low").GetInt32());
        Assert.Equal(1, Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM revisions WHERE author = 'tmux-coder'"));
    }

    private static async Task<string> WaitForAsync(string session, string text)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            screen = Tmux("capture-pane", "-p", "-t", session);
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"'{text}' never appeared; the screen was:\n{screen}");
    }

    private static string Tmux(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}

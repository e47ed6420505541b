using System.Text.Json.Nodes;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

/// <summary>
/// Issue 15: each hostile input (made by <see cref="HostileInputs"/>, the bytes the bench's <c>hostile-input</c> measures)
/// given to <c>marsad</c> as a user would. Each run ends (the process guard is generous: this is no speed test) with a
/// clear result: read, or refused with a message naming the file and the reason, and a non-zero exit.
/// </summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, int, string> Expectations => new()
    {
        // input, exit code, what standard output (exit 0) or standard error (exit 1) must say
        { "nested-div-1.1MB", 1, "nested deeper than 1000" },
        { "nested-b-i-1.8MB", 1, "nested deeper than 1000" },
        { "rss-200k-nested", 1, "nested deeper than 1000" },
        { "comma-places-4MB", 0, "Stored 1, already present 0, failed 0" },
        { "repeated-lines-47k", 0, "Stored 1, already present 0, failed 0" },
        { "unclosed-table-3MB", 1, "HTML with more than 200000 elements" },
        { "report-4.5MB", 1, "longer than the extraction engine's limit" },
        { "utf16-bom-report", 0, "Stored 1, already present 0, failed 0" },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task A_hostile_input_is_read_or_refused_by_name_in_bounded_time(string name, int exit, string says)
    {
        using var folder = new TempFolder();
        var input = HostileInputs.Named(name);
        var path = HostileInputs.Write(input, folder.Path);

        var run = await MarsadProcess.RunAsync(folder.Path, "ingest", path, "--db", "m.db");

        Assert.True(exit == run.ExitCode, $"exit {run.ExitCode}: {run.Stdout}\n{run.Stderr}");
        Assert.Contains(says, exit == 0 ? run.Stdout : run.Stderr, StringComparison.Ordinal);
        if (exit != 0)
        {
            Assert.Contains(input.FileName, run.Stderr, StringComparison.Ordinal);
        }

        if (File.Exists(folder.File("m.db")))
        {
            // Nothing half-written: whatever was stored verifies.
            var verify = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db");
            Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        }
    }

    [Fact]
    public async Task A_utf16_report_is_decoded_and_read_into_events()
    {
        using var folder = new TempFolder();
        var path = HostileInputs.Write(HostileInputs.Named("utf16-bom-report"), folder.Path);

        var run = await MarsadProcess.RunAsync(folder.Path, "extract", path);

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(JsonNode.Parse(run.Stdout)!["events"]!.AsArray());
    }

    [Fact]
    public async Task A_lone_surrogate_line_in_json_lines_is_an_error_entry_and_the_good_records_are_kept()
    {
        using var folder = new TempFolder();
        var path = HostileInputs.Write(HostileInputs.Named("lone-surrogate-jsonl"), folder.Path);

        var run = await MarsadProcess.RunAsync(folder.Path, "extract", "--jsonl", path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("a", (string)lines[0]["id"]!);
        Assert.Equal("c", (string)lines[2]["id"]!);
        Assert.NotEmpty(lines[0]["events"]!.AsArray());
        Assert.NotEmpty(lines[1]["errors"]!.AsArray());
        Assert.NotEmpty(lines[2]["events"]!.AsArray());
    }

    [Fact]
    public async Task A_report_past_the_work_budget_is_refused_by_name_with_nothing_stored()
    {
        using var folder = new TempFolder();
        folder.Write("report.txt", string.Concat(Enumerable.Repeat("On 3 March 2023, regime forces shelled Saraqib, killing two civilians.\n\n", 50)));
        var start = MarsadProcess.StartInfo(["ingest", "report.txt", "--db", "m.db"], folder.Path);
        start.Environment["MARSAD_STEP_BUDGET"] = "2000";

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("report.txt: not stored: work budget of 2,000 steps exceeded", stderr, StringComparison.Ordinal);
        Assert.Contains("Stored 0, already present 0, failed 1", await stdout, StringComparison.Ordinal);
        Assert.Equal(0, Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM documents"));
    }
}

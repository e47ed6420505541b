using System.Text.RegularExpressions;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

/// <summary>
/// The monthly report from the record: the seed report (read at run time from ../shared, never copied)
/// is ingested, its proposals accepted, and the January 2021 report for the Coalition must state each
/// figure the seed's monthly summary gives, in the section it belongs to.
/// </summary>
public sealed class ReportCommandTests
{
    private const string Coalition = "Global Coalition Against Daesh";

    [Fact]
    public async Task The_seed_month_report_states_every_figure_of_the_seed()
    {
        using var folder = new TempFolder();
        var seed = SeedPath();
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", seed, "--published", "2021-01-23", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--db", "m.db")).ExitCode);

        var run = await MarsadProcess.RunAsync(folder.Path, "report", "--month", "2021-01", "--actor", Coalition, "--format", "md", "--role", "editor", "--db", "m.db");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var sections = Sections(run.Stdout);
        Assert.Contains("76th consecutive month", sections["title"], StringComparison.Ordinal);
        var movements = sections["Movements and reinforcements"];
        var convoy = Assert.Single(movements.Split('\n'), l => l.Contains("convoys", StringComparison.Ordinal));
        Assert.Contains("7 convoys", convoy, StringComparison.Ordinal);
        Assert.Contains("240 vehicles", convoy, StringComparison.Ordinal);
        foreach (var day in new[] { "2020-12-23", "2021-01-04", "2021-01-07", "2021-01-10", "2021-01-16", "2021-01-19", "2021-01-20" })
        {
            Assert.Contains(day, convoy, StringComparison.Ordinal);
        }

        var security = sections["Security operations and arrests"];
        Assert.Contains("7 joint security operations", security, StringComparison.Ordinal);
        Assert.Contains("52 arrested", security, StringComparison.Ordinal);
        Assert.Matches(@"1 military exercise[^\n]*on 2021-01-15", security);
        var strikes = sections["Strikes and fatalities"];
        Assert.Matches(@"1 airstrike[^\n]*Islamic State[^\n]*: 3 killed", strikes);
        var claims = sections["Claims found false"];
        Assert.Matches(new Regex(@"60 ISIS prisoners[^\n]*al-Tana?f[^\n]*found false", RegexOptions.IgnoreCase), claims);
        var persons = sections["Persons whose fate is unknown"];
        foreach (var name in new[] { "Dall'Oglio", "John Ibrahim", "Paul Yaziji", "Abdullah al-Khalil", "British journalist", "Sky News journalist", "hundreds of abductees" })
        {
            Assert.Contains(name, persons, StringComparison.Ordinal);
        }

        Assert.Matches(@"al-Baghouz[^\n]*2019-03-21[^\n]*22 months without investigation", sections["Allegations without investigation"]);
        Assert.Matches(@"✘ \*\*mismatch\*\*[^\n]*250[^\n]*240", sections["Consistency checks"]);
        Assert.Matches(@"\| Arrested \| 52;", sections["Headline figures"]);
        Assert.Matches(@"\| Vehicles \| 240;", sections["Headline figures"]);
        Assert.Matches(@"\| Killed \| 3;[^\n]*\[\[E\d\]\(#e\d\)\]", sections["Headline figures"]);

        var check = await MarsadProcess.RunAsync(folder.Path, "check", seed, "--published", "2021-01-23", "--db", "m.db");
        Assert.Equal(1, check.ExitCode);
        Assert.Matches(@"MISMATCH\s+document\s+figure_mismatch: headline: 250[^\n]*240", check.Stdout);
        Assert.Contains("agrees: event", check.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("record_mismatch", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_and_pdf_are_written_whole_and_a_bad_month_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", """
            ---
            title: Strike near al-Mayadin
            published: 2023-02-17
            source: Test Observatory
            ---

            On February 16, International Coalition aircraft struck a farm near al-Mayadin, east of Deir ez-Zor city, killing three ISIS members.
            """);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--db", "m.db")).ExitCode);

        var html = await MarsadProcess.RunAsync(folder.Path, "report", "--month", "2023-02", "--format", "html", "-o", "r.html", "--role", "editor", "--db", "m.db");
        var pdf = await MarsadProcess.RunAsync(folder.Path, "report", "--month", "2023-02", "--format", "pdf", "-o", "r.pdf", "--role", "editor", "--db", "m.db");
        var bad = await MarsadProcess.RunAsync(folder.Path, "report", "--month", "2023-13", "--db", "m.db");
        var pdfToStdout = await MarsadProcess.RunAsync(folder.Path, "report", "--month", "2023-02", "--format", "pdf", "--db", "m.db");

        Assert.True(html.ExitCode == 0, html.Stderr);
        var page = File.ReadAllText(folder.File("r.html"));
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Matches(@"<a href=""#e1"">E1</a>", page);
        Assert.Contains("<tr id=\"e1\">", page, StringComparison.Ordinal);
        Assert.True(pdf.ExitCode == 0, pdf.Stderr);
        Assert.StartsWith("%PDF", File.ReadAllText(folder.File("r.pdf"))[..8], StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a month", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, pdfToStdout.ExitCode);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp-*"));
    }

    /// <summary>../shared/seed beside the repository: skips the test, naming the folder, where it is absent.</summary>
    internal static string SeedPath() => SharedData.SeedReport;

    /// <summary>The Markdown split at its "## " headings; the part before the first is "title".</summary>
    private static Dictionary<string, string> Sections(string markdown)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = "title";
        var text = new System.Text.StringBuilder();
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections[name] = text.ToString();
                name = line[3..].Trim();
                text.Clear();
                continue;
            }

            text.Append(line).Append('\n');
        }

        sections[name] = text.ToString();
        return sections;
    }
}

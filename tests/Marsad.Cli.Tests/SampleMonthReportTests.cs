using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

/// <summary>
/// The monthly report on a sample written for the project (samples/2023-03-01-coalition-monthly-february.md, the
/// seed's genre): what the seed report test checks on ../shared, checked on a text every clone has.
/// </summary>
public sealed class SampleMonthReportTests
{
    private const string Coalition = "Global Coalition Against Daesh";

    [Fact]
    public async Task The_sample_month_report_states_the_figures_of_the_sample()
    {
        using var folder = new TempFolder();
        var sample = Path.Combine(SharedData.RepositoryRoot, "samples", "2023-03-01-coalition-monthly-february.md");
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", sample, "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--db", "m.db")).ExitCode);
        // The report's allegation section is about the register, whatever found the allegation: a case worker adds it.
        var added = await MarsadProcess.RunAsync(folder.Path, "allegations", "add", "--kind", "massacre", "--summary", "Airstrike on a house in al-Jurdi",
            "--date", "2021-07-09", "--place", "al-Jurdi", "--perpetrator", Coalition, "--killed", "9", "--status", "investigationrequested",
            "--since", "2021-07-10", "--db", "m.db");
        Assert.True(added.ExitCode == 0, added.Stderr + added.Stdout);

        var run = await MarsadProcess.RunAsync(folder.Path, "report", "--month", "2023-02", "--actor", Coalition, "--format", "md", "--role", "editor", "--db", "m.db");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = run.Stdout;
        Assert.Contains("101st consecutive month", report, StringComparison.Ordinal);
        Assert.Matches(@"## Movements and reinforcements\n(?:[^#][^\n]*\n|\n)*- \d+ convoys? by Global Coalition Against Daesh", report);
        Assert.Matches(@"9 joint security operations[^\n]*38 arrested", report);
        Assert.Matches(@"1 military exercise[^\n]*on 2023-02-21", report);
        Assert.Matches(@"1 airstrike[^\n]*Islamic State[^\n]*: 3 killed", report);
        Assert.Matches(@"## Claims found false\n\n- [^\n]*found false", report);
        Assert.Matches(@"## Persons whose fate is unknown\n\n- [^\n]*fate unknown", report);
        Assert.Matches(@"al-Jurdi[^\n]*2021-07-09[^\n]*\d+ months without investigation", report);
        Assert.Matches(@"✘ \*\*mismatch\*\*[^\n]*11[^\n]*9 operations", report);
        Assert.Matches(@"\| Killed \| (at least )?3;", report);

        var check = await MarsadProcess.RunAsync(folder.Path, "check", sample, "--db", "m.db");
        Assert.Equal(1, check.ExitCode);
        Assert.Matches(@"MISMATCH\s+document\s+figure_mismatch: headline: 11", check.Stdout);
    }
}

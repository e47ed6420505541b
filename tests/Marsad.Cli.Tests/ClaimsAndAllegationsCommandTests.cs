using System.Text.Json;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

public sealed class ClaimsAndAllegationsCommandTests
{
    [Fact]
    public async Task A_claim_gets_a_verdict_with_evidence_and_who_decided()
    {
        using var folder = new TempFolder();
        var add = await MarsadProcess.RunAsync(folder.Path, "claims", "add", "--claimant", "a fictional ministry", "--statement", "no aircraft flew over the test village that week",
            "--date", "2022-02-01", "--db", "m.db", "--user", "analyst-1");
        Assert.True(add.ExitCode == 0, add.Stderr);
        var id = add.Stdout.Split(' ')[1];
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "claims", "update", id, "--verdict", "misleading", "--evidence", "two outlets filmed the aircraft", "--db", "m.db", "--user", "analyst-1")).ExitCode);

        var show = await MarsadProcess.RunAsync(folder.Path, "claims", "show", id[..8], "--json", "--db", "m.db");
        using var json = JsonDocument.Parse(show.Stdout);
        Assert.Equal("misleading", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("analyst-1", json.RootElement.GetProperty("verdict_by").GetString());
        Assert.Equal("two outlets filmed the aircraft", json.RootElement.GetProperty("verdict_reason").GetString());
        var csv = await MarsadProcess.RunAsync(folder.Path, "claims", "list", "--status", "misleading", "--format", "csv", "--db", "m.db");
        Assert.Equal(2, csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty((await MarsadProcess.RunAsync(folder.Path, "claims", "list", "--json", "--role", "public", "--db", "m.db")).Stdout.Trim().Trim('[', ']').Trim());
    }

    [Fact]
    public async Task An_allegation_keeps_its_investigation_history_and_counts_months_until_one_opens()
    {
        using var folder = new TempFolder();
        var add = await MarsadProcess.RunAsync(folder.Path, "allegations", "add", "--summary", "A fictional shelling of a school", "--kind", "indiscriminate strike",
            "--date", "2020-01-10", "--place", "Test School", "--admin1", "Idleb", "--killed", "8-12", "--source", "Fictional Monitor", "--db", "m.db");
        Assert.True(add.ExitCode == 0, add.Stderr);
        var id = add.Stdout.Split(' ')[1];
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "allegations", "update", id, "--status", "investigationrequested", "--since", "2020-02-01", "--db", "m.db")).ExitCode);

        var show = await MarsadProcess.RunAsync(folder.Path, "allegations", "show", id, "--json", "--db", "m.db");
        using (var json = JsonDocument.Parse(show.Stdout))
        {
            var root = json.RootElement;
            Assert.Equal("investigation_requested", root.GetProperty("status").GetString());
            Assert.Equal(8, root.GetProperty("quantities").GetProperty("fatalities").GetProperty("low").GetInt32());
            Assert.Equal(12, root.GetProperty("quantities").GetProperty("fatalities").GetProperty("high").GetInt32());
            // Counted on the machine's date: at least the months from 2020-01-10 to this test's writing.
            Assert.True(root.GetProperty("months_without_investigation").GetInt32() >= 70);
        }

        Assert.Equal(2, (await MarsadProcess.RunAsync(folder.Path, "allegations", "update", id, "--status", "underinvestigation", "--since", "2019-01-01", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "allegations", "update", id, "--status", "underinvestigation", "--since", "2021-06-01", "--db", "m.db")).ExitCode);
        var csv = await MarsadProcess.RunAsync(folder.Path, "allegations", "list", "--format", "csv", "--db", "m.db");
        Assert.Contains("alleged 2020-01-10; investigation requested 2020-02-01; under investigation 2021-06-01", csv.Stdout, StringComparison.Ordinal);
        var row = csv.Stdout.Split('\n')[1].Split(',');
        var months = Array.IndexOf(csv.Stdout.Split('\n')[0].Split(','), "months_without_investigation");
        Assert.Equal("", row[months]);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db")).ExitCode);
    }
}

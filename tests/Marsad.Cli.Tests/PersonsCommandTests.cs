using System.Text.Json;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

public sealed class PersonsCommandTests
{
    // Sensitive values written for this test; none may reach a role below editor in any output format.
    private static readonly string[] Secrets = ["Olive Press Fictionalia", "1981-04-05", "wife and three daughters in a camp", "+000 555 0199"];

    private static async Task<(TempFolder Folder, string Id)> RegisterWithASensitivePersonAsync()
    {
        var folder = new TempFolder();
        var add = await MarsadProcess.RunAsync(folder.Path, "persons", "add", "--name", "Karim Fictional al-Testawi", "--alias", "Kareem Testawi", "--status", "abducted",
            "--since", "2014-05-02", "--place", Secrets[0], "--admin1", "Ar-Raqqa", "--born", Secrets[1], "--family", Secrets[2], "--contacts", Secrets[3],
            "--held-by", "Islamic State (Syria)", "--review-status", "published", "--role", "editor", "--db", "m.db");
        Assert.True(add.ExitCode == 0, add.Stderr);
        var id = add.Stdout.Split(' ')[1];
        return (folder, id);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task Below_editor_no_output_format_shows_a_sensitive_field(string format)
    {
        var (folder, id) = await RegisterWithASensitivePersonAsync();
        using (folder)
        {
            foreach (var role in new[] { "public", "viewer", "coder" })
            {
                foreach (var args in new[] { new[] { "persons", "list" }, ["persons", "show", id] })
                {
                    var run = await MarsadProcess.RunAsync(folder.Path, [.. args, "--format", format, "--role", role, "--db", "m.db"]);
                    Assert.True(run.ExitCode == 0, run.Stderr);
                    Assert.Contains("Testawi", run.Stdout, StringComparison.Ordinal);
                    Assert.Contains("Ar-Raqqa", run.Stdout, StringComparison.Ordinal);
                    foreach (var secret in Secrets)
                    {
                        Assert.DoesNotContain(secret, run.Stdout, StringComparison.Ordinal);
                    }
                }
            }

            // The same commands do show them to an editor, so the checks above can fail.
            var editor = await MarsadProcess.RunAsync(folder.Path, "persons", "show", id, "--format", format, "--role", "editor", "--db", "m.db");
            foreach (var secret in Secrets)
            {
                Assert.Contains(secret, editor.Stdout, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_released_field_reaches_the_public_and_a_search_on_a_withheld_one_finds_nothing()
    {
        var (folder, id) = await RegisterWithASensitivePersonAsync();
        using (folder)
        {
            var coder = await MarsadProcess.RunAsync(folder.Path, "persons", "update", id, "--public-field", "date_of_birth", "--role", "coder", "--db", "m.db");
            Assert.Equal(2, coder.ExitCode);
            Assert.Contains("editor", coder.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "persons", "update", id, "--public-field", "date_of_birth", "--db", "m.db")).ExitCode);

            var run = await MarsadProcess.RunAsync(folder.Path, "persons", "show", id, "--json", "--role", "public", "--db", "m.db");
            using var json = JsonDocument.Parse(run.Stdout);
            Assert.Equal(Secrets[1], json.RootElement.GetProperty("date_of_birth").GetString());
            Assert.False(json.RootElement.TryGetProperty("contacts", out _));
            Assert.Contains("contacts", json.RootElement.GetProperty("withheld").EnumerateArray().Select(e => e.GetString()));
            var search = await MarsadProcess.RunAsync(folder.Path, "persons", "list", "--text", "daughters", "--format", "csv", "--role", "public", "--db", "m.db");
            Assert.Single(search.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Fact]
    public async Task Status_steps_go_through_the_audit_trail_and_a_stale_version_is_refused()
    {
        var (folder, id) = await RegisterWithASensitivePersonAsync();
        using (folder)
        {
            Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "persons", "update", id, "--status", "released", "--since", "2017-10-20", "--note", "exchange", "--version", "1", "--db", "m.db")).ExitCode);
            var stale = await MarsadProcess.RunAsync(folder.Path, "persons", "update", id, "--fate", "unknown", "--version", "1", "--db", "m.db");
            Assert.Equal(1, stale.ExitCode);
            Assert.Contains("nothing was saved", stale.Stderr, StringComparison.Ordinal);

            var show = await MarsadProcess.RunAsync(folder.Path, "persons", "show", id, "--json", "--db", "m.db");
            using var json = JsonDocument.Parse(show.Stdout);
            Assert.Equal("released", json.RootElement.GetProperty("status").GetString());
            Assert.Equal(["abducted", "released"], json.RootElement.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
            Assert.Equal(2, json.RootElement.GetProperty("version").GetInt64());
            var audit = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db");
            Assert.True(audit.ExitCode == 0, audit.Stdout + audit.Stderr);
        }
    }

    [Fact]
    public async Task Duplicates_propose_a_merge_that_an_editor_applies()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "Youssef Fictional el-Testawi", "Yusuf Fictional Al Testawi", "Hasan Other Person" })
        {
            Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "persons", "add", "--name", name, "--status", "detained", "--db", "m.db")).ExitCode);
        }

        var proposals = await MarsadProcess.RunAsync(folder.Path, "persons", "duplicates", "--json", "--db", "m.db");
        using var json = JsonDocument.Parse(proposals.Stdout);
        var proposal = Assert.Single(json.RootElement.EnumerateArray());
        var (first, second) = (proposal.GetProperty("first").GetString()!, proposal.GetProperty("second").GetString()!);
        Assert.Equal(2, (await MarsadProcess.RunAsync(folder.Path, "persons", "merge", first, second, "--role", "coder", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "persons", "merge", first, second, "--db", "m.db")).ExitCode);

        var list = await MarsadProcess.RunAsync(folder.Path, "persons", "list", "--format", "csv", "--db", "m.db");
        Assert.Equal(3, list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("[]", (await MarsadProcess.RunAsync(folder.Path, "persons", "duplicates", "--json", "--db", "m.db")).Stdout.Trim());
    }
}

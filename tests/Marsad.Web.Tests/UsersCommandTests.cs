using Marsad.Cli;
using Marsad.Core.Accounts;
using Marsad.Core.Storage;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace Marsad.Web.Tests;

/// <summary><c>marsad users</c>: passwords and tokens are shown once and kept only as hashes; revoked tokens stop working.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Passwords_and_tokens_are_stored_only_as_hashes_and_tokens_can_be_revoked()
    {
        var database = _folder.File("users.db");
        var (code, added) = await RunAsync("--db", database, "users", "add", "Amal", "--role", "coder");
        Assert.Equal(0, code);
        var password = added.Split('\n').Single(l => l.StartsWith("Password (shown once): ", StringComparison.Ordinal))["Password (shown once): ".Length..].Trim();
        var (_, tokenOutput) = await RunAsync("--db", database, "users", "token", "amal");
        var token = tokenOutput.Trim();
        Assert.StartsWith(ApiTokens.Prefix, token, StringComparison.Ordinal);

        var everything = Dump(database);
        Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.Contains(ApiTokens.Hash(token), everything, StringComparison.Ordinal);

        var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
        Assert.Equal("Amal", (await store.Accounts.CheckPasswordAsync("AMAL", password))?.Name);
        Assert.Null(await store.Accounts.CheckPasswordAsync("amal", password + "x"));
        Assert.Equal(Core.Access.Role.Coder, (await store.Accounts.FindByTokenAsync(token))?.Role);

        Assert.Equal(0, (await RunAsync("--db", database, "users", "revoke", "amal")).Code);
        Assert.Null(await store.Accounts.FindByTokenAsync(token));
    }

    [Theory]
    [InlineData("users", "add", "x", "--role", "superuser")]
    [InlineData("users", "add", "x", "--role", "public")]
    [InlineData("users", "add", "x")]
    [InlineData("serve", "--urls", "ftp://127.0.0.1:21")]
    public async Task Bad_usage_exits_with_code_2(params string[] args) =>
        Assert.Equal(2, (await RunAsync(["--db", _folder.File("bad.db"), .. args])).Code);

    [Fact]
    public async Task Tokens_for_an_unknown_account_are_refused_by_name() =>
        Assert.Equal(1, (await RunAsync("--db", _folder.File("none.db"), "users", "token", "nobody")).Code);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static string Dump(string database)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name || role || password_hash FROM users UNION ALL SELECT token_sha256 FROM api_tokens";
        using var reader = command.ExecuteReader();
        var all = new System.Text.StringBuilder();
        while (reader.Read())
        {
            all.AppendLine(reader.GetString(0));
        }

        return all.ToString();
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        var env = new CliEnvironment(console, new StringWriter(), TimeProvider.System, _ => null, false);
        var code = await MarsadCli.RunAsync(args, env);
        return (code, output.ToString());
    }
}

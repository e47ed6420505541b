using System.CommandLine;
using System.Security.Cryptography;
using Marsad.Core.Access;
using Marsad.Core.Accounts;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad users add|list|token|revoke</c>: dashboard and API accounts, and personal API tokens.</summary>
public static class UsersCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var command = new Command("users", "Accounts for the web dashboard and API, and their personal API tokens");
        command.Subcommands.Add(CreateAdd(globals, env));
        command.Subcommands.Add(CreateList(globals, env));
        command.Subcommands.Add(CreateToken(globals, env));
        command.Subcommands.Add(CreateRevoke(globals, env));
        command.Subcommands.Add(CreateDisable(globals, env));
        return command;
    }

    private static Command CreateAdd(GlobalOptions globals, CliEnvironment env)
    {
        var name = new Argument<string>("name") { Description = "Account name (matched whatever its case)" };
        var role = new Option<string>("--role") { Description = "viewer, coder, editor or admin", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (else one is generated and printed once)" };
        var add = new Command("add", "Add an account, or change an existing one's role and password") { name, role, passwordStdin };
        add.SetAction(async (result, cancellationToken) =>
        {
            if (!RoleNames.TryParse(result.GetValue(role), out var parsed) || parsed == Role.Public)
            {
                env.WriteError($"--role: '{result.GetValue(role)}' is not viewer, coder, editor or admin");
                return ExitCodes.UsageError;
            }

            var accountName = result.GetValue(name)!.Trim();
            if (accountName.Length is 0 or > 100 || accountName.Any(char.IsControl))
            {
                env.WriteError($"account name '{accountName}': must be 1 to 100 printable characters");
                return ExitCodes.UsageError;
            }

            string password;
            var generated = !result.GetValue(passwordStdin);
            if (generated)
            {
                password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
            }
            else
            {
                password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? "";
                if (password.Length < 8)
                {
                    env.WriteError("--password-stdin: the password must have at least 8 characters");
                    return ExitCodes.UsageError;
                }
            }

            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var account = await store.Accounts.SaveAsync(accountName, parsed, password, cancellationToken);
            env.WriteLine($"Account '{account.Name}' saved with role {RoleNames.Name(account.Role)}.");
            if (generated)
            {
                env.WriteLine($"Password (shown once): {password}");
            }

            return ExitCodes.Ok;
        });
        return add;
    }

    private static Command CreateList(GlobalOptions globals, CliEnvironment env)
    {
        var list = new Command("list", "List the accounts and their roles");
        list.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var table = new Table().Border(TableBorder.Rounded).AddColumn("name").AddColumn("role").AddColumn("created");
            foreach (var account in await store.Accounts.ListAsync(cancellationToken))
            {
                table.AddRow(Markup.Escape(account.Name), RoleNames.Name(account.Role), account.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            }

            env.Out.Write(table);
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateToken(GlobalOptions globals, CliEnvironment env)
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var token = new Command("token", "Create a personal API token for the account (printed once; send it as 'Authorization: Bearer TOKEN')") { name };
        token.SetAction(async (result, cancellationToken) =>
            await ForAccountAsync(globals, env, result, name, async (store, account) =>
            {
                env.WriteLine(await store.Accounts.CreateTokenAsync(account, cancellationToken));
                return ExitCodes.Ok;
            }, cancellationToken));
        return token;
    }

    private static Command CreateRevoke(GlobalOptions globals, CliEnvironment env)
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var revoke = new Command("revoke", "Revoke every API token of the account and end its sign-in sessions") { name };
        revoke.SetAction(async (result, cancellationToken) =>
            await ForAccountAsync(globals, env, result, name, async (store, account) =>
            {
                var count = await store.Accounts.RevokeTokensAsync(account, cancellationToken);
                env.WriteLine($"Revoked {count} token(s) of '{account}' and ended its sessions.");
                return ExitCodes.Ok;
            }, cancellationToken));
        return revoke;
    }

    private static Command CreateDisable(GlobalOptions globals, CliEnvironment env)
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var disable = new Command("disable", "Disable the account: no more sign-ins; every session and token it had ends at once ('users add' enables it again)") { name };
        disable.SetAction(async (result, cancellationToken) =>
            await ForAccountAsync(globals, env, result, name, async (store, account) =>
            {
                await store.Accounts.DisableAsync(account, cancellationToken);
                env.WriteLine($"Disabled '{account}': its sessions and tokens have ended.");
                return ExitCodes.Ok;
            }, cancellationToken));
        return disable;
    }

    private static async Task<int> ForAccountAsync(GlobalOptions globals, CliEnvironment env, ParseResult result, Argument<string> name, Func<Core.Storage.IMarsadStore, string, Task<int>> action, CancellationToken cancellationToken)
    {
        var store = await globals.OpenStoreAsync(result, env, cancellationToken);
        try
        {
            return await action(store, result.GetValue(name)!);
        }
        catch (AccountNotFoundException ex)
        {
            env.WriteError(ex.Message);
            return ExitCodes.SomeInputsFailed;
        }
    }
}

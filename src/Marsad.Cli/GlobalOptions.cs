using System.CommandLine;
using Marsad.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Cli;

/// <summary>Options every command takes: which database, and who is making the changes.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "Database: a SQLite file path (default ./marsad.db) or a PostgreSQL connection string; also MARSAD_DB",
        Recursive = true,
    };

    public Option<string?> User { get; } = new("--user")
    {
        Description = "Name recorded in the audit trail for your changes; also MARSAD_USER (default: your login name)",
        Recursive = true,
    };

    public DatabaseTarget DatabaseTarget(ParseResult result, CliEnvironment env) =>
        Core.Storage.DatabaseTarget.Parse(result.GetValue(Database) ?? env.GetVariable("MARSAD_DB"));

    public string UserName(ParseResult result, CliEnvironment env)
    {
        var name = result.GetValue(User) ?? env.GetVariable("MARSAD_USER");
        return string.IsNullOrWhiteSpace(name) ? Environment.UserName : name.Trim();
    }

    /// <summary>Core's services over the database the options name, on the environment's clock: the CLI is a host like the web.</summary>
    public IServiceProvider Services(ParseResult result, CliEnvironment env) =>
        new ServiceCollection()
            .AddSingleton(env.Time)
            .AddMarsadCore()
            .AddMarsadStorage(result.GetValue(Database) ?? env.GetVariable("MARSAD_DB"))
            .BuildServiceProvider();

    /// <summary>Opens databases other than the one the options name (a copy's two, the demo's own file).</summary>
    public StoreOpener Stores(ParseResult result, CliEnvironment env) => Services(result, env).GetRequiredService<StoreOpener>();

    /// <summary>Opens (and on first use creates and migrates) the database the options name.</summary>
    public Task<IMarsadStore> OpenStoreAsync(ParseResult result, CliEnvironment env, CancellationToken cancellationToken) =>
        OpenStoreAsync(result, env, migrate: true, cancellationToken);

    /// <summary>Opens the database the options name, migrating it only when <paramref name="migrate"/> is true.</summary>
    public Task<IMarsadStore> OpenStoreAsync(ParseResult result, CliEnvironment env, bool migrate, CancellationToken cancellationToken) =>
        Services(result, env).OpenMarsadStoreAsync(migrate, cancellationToken);
}

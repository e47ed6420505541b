using System.CommandLine;
using Marsad.Core.Storage;
using Marsad.Storage;

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

    /// <summary>
    /// Opens databases through the providers <c>AddMarsadStorage</c> registers (<see cref="MarsadStorage.Providers"/>), the
    /// one place a path or connection picks its engine. Without a service container: the container's assemblies come
    /// from NuGet without precompiled code, so building one JIT-compiles ~180 of its methods on every run (+0.05 s of CPU
    /// for a one-line command, measured), which a command that lives half a second should not pay.
    /// </summary>
    public StoreOpener Stores(CliEnvironment env) => MarsadStorage.Opener(env.Time);

    /// <summary>Opens (and on first use creates and migrates) the database the options name.</summary>
    public Task<IMarsadStore> OpenStoreAsync(ParseResult result, CliEnvironment env, CancellationToken cancellationToken) =>
        OpenStoreAsync(result, env, migrate: true, cancellationToken);

    /// <summary>Opens the database the options name, migrating it only when <paramref name="migrate"/> is true.</summary>
    public Task<IMarsadStore> OpenStoreAsync(ParseResult result, CliEnvironment env, bool migrate, CancellationToken cancellationToken) =>
        Stores(env).OpenAsync(DatabaseTarget(result, env), migrate, cancellationToken);
}

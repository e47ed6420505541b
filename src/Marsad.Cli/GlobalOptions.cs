using System.CommandLine;
using Marsad.Core.Storage;

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

    /// <summary>Opens (and on first use creates and migrates) the database the options name.</summary>
    public Task<IMarsadStore> OpenStoreAsync(ParseResult result, CliEnvironment env, CancellationToken cancellationToken) =>
        MarsadStore.OpenAsync(DatabaseTarget(result, env), env.Time, migrate: true, cancellationToken);
}

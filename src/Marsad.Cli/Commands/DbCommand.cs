using System.CommandLine;
using Marsad.Core.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad db migrate</c>: bring the database schema up to date (new databases migrate on first use anyway).</summary>
public static class DbCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var migrate = new Command("migrate", "Create the database if needed and apply every migration it lacks");
        migrate.SetAction(async (result, cancellationToken) =>
        {
            var store = await MarsadStore.OpenAsync(globals.DatabaseTarget(result, env), env.Time, migrate: false, cancellationToken);
            Core.Storage.Migrations.MigrationReport report;
            try
            {
                report = await store.MigrateAsync(cancellationToken);
            }
            catch (System.Data.Common.DbException ex)
            {
                throw new StoreUnavailableException($"database {store.Target.Display}: {ex.Message}", ex);
            }

            env.WriteLine(report.Applied.Count == 0
                ? $"Database {store.Target.Display} is up to date (schema version {report.ToVersion})."
                : $"Database {store.Target.Display}: schema version {report.FromVersion} → {report.ToVersion} ({string.Join(", ", report.Applied)}).");
            return ExitCodes.Ok;
        });
        var command = new Command("db", "Database maintenance");
        command.Subcommands.Add(migrate);
        return command;
    }
}

using System.CommandLine;
using Marsad.Core.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad db migrate</c>: bring the database schema up to date (new databases migrate on first use anyway);
/// <c>marsad db copy --from A --to B</c>: the whole record to another database, SQLite or PostgreSQL.
/// </summary>
public static class DbCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var migrate = new Command("migrate", "Create the database if needed and apply every migration it lacks");
        migrate.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, migrate: false, cancellationToken);
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
        var from = new Option<string>("--from") { Description = "The database to copy: a SQLite file path or a PostgreSQL connection string / postgres:// URL", Required = true };
        var to = new Option<string>("--to") { Description = "The database to copy into: empty, or holding an interrupted copy of the same record", Required = true };
        var copy = new Command("copy", "Copy the whole record with its audit chain to another database (SQLite or PostgreSQL), then verify it there") { from, to };
        copy.SetAction(async (result, cancellationToken) =>
        {
            var source = Core.Storage.DatabaseTarget.Parse(result.GetValue(from));
            var target = Core.Storage.DatabaseTarget.Parse(result.GetValue(to));
            DatabaseCopy.CopyResult copied;
            try
            {
                copied = await DatabaseCopy.CopyAsync(globals.Stores(env), source, target, null, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                env.WriteError(ex.Message);
                return ExitCodes.CannotRun;
            }
            catch (System.Data.Common.DbException ex)
            {
                throw new StoreUnavailableException($"copy {source.Display} → {target.Display}: {ex.Message}", ex);
            }

            foreach (var table in copied.Tables)
            {
                env.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {table.Table}: {table.SourceRows} rows, {table.Copied} copied now"));
            }

            if (copied.Verification.FirstFailure is { } failure)
            {
                env.WriteError($"Copied {source.Display} → {target.Display}, but it does not verify there: {failure.EntityType} {failure.EntityId}: {failure.Problem}");
                return ExitCodes.CannotRun;
            }

            env.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Copied {source.Display} → {target.Display}; audit chain verified there: {copied.Verification.Checked} revisions; head {copied.Verification.HeadHash}"));
            return ExitCodes.Ok;
        });
        var command = new Command("db", "Database maintenance: migrate, copy");
        command.Subcommands.Add(migrate);
        command.Subcommands.Add(copy);
        return command;
    }
}

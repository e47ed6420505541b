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
            var copied = await RunAsync(env, $"copy {source.Display} → {target.Display}", () => DatabaseCopy.CopyAsync(globals.Stores(env), source, target, null, cancellationToken));
            if (copied is null)
            {
                return ExitCodes.CannotRun;
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
        var publish = new Command("publish", "PostgreSQL: keep the public view (what the public role may read, as it reads it) and publish it for a public mirror by logical replication");
        publish.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var published = await RunAsync(env, $"database {store.Target.Display}", () => Core.Publishing.PublicMirror.PublishAsync(store, cancellationToken));
            if (published is null)
            {
                return ExitCodes.CannotRun;
            }

            env.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Publication {Core.Publishing.PublicView.Publication} on {store.Target.Display}: {published.Visible} records the public may read (of {published.Rendered} rendered); columns {string.Join(", ", Core.Publishing.PublicView.PublicColumns)}; rows where {Core.Publishing.PublicView.RowFilter}."));
            if (!published.LogicalWal)
            {
                env.Error.WriteLine("marsad: warning: this server's wal_level is not 'logical': set wal_level = logical in postgresql.conf and restart it before a mirror subscribes");
            }

            return ExitCodes.Ok;
        });
        var primary = new Option<string>("--from") { Description = "The team's server (PostgreSQL connection string or postgres:// URL) where 'marsad db publish' ran", Required = true };
        var mirror = new Command("mirror", "PostgreSQL: make the database named by --db a public mirror of the team's server's publication (logical replication)") { primary };
        mirror.SetAction(async (result, cancellationToken) =>
        {
            var target = globals.DatabaseTarget(result, env);
            var from = Core.Storage.DatabaseTarget.Parse(result.GetValue(primary));
            var subscribed = await RunAsync(env, $"mirror {target.Display} of {from.Display}", async () =>
            {
                await Core.Publishing.PublicMirror.SubscribeAsync(globals.Stores(env), target, from, cancellationToken);
                return target;
            });
            if (subscribed is null)
            {
                return ExitCodes.CannotRun;
            }

            env.WriteLine($"{target.Display} subscribes to {Core.Publishing.PublicView.Publication} on {from.Display}: table {Core.Publishing.PublicView.Table} ({string.Join(", ", Core.Publishing.PublicView.PublicColumns)}).");
            return ExitCodes.Ok;
        });
        var partition = new Command("partition", "PostgreSQL: partition events and revisions by month (for a record of many millions of events; docs/scaling.md says what it costs)");
        partition.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var partitioned = await RunAsync(env, $"database {store.Target.Display}", () => Core.Storage.MonthPartitions.PartitionAsync(store, cancellationToken));
            if (partitioned is null)
            {
                return ExitCodes.CannotRun;
            }

            env.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{(partitioned.Changed ? "Partitioned" : "Already partitioned")} by month on {store.Target.Display}: events in {partitioned.EventPartitions} partitions, revisions in {partitioned.RevisionPartitions}."));
            return ExitCodes.Ok;
        });
        var command = new Command("db", "Database maintenance: migrate, copy, publish, mirror, partition");
        command.Subcommands.Add(migrate);
        command.Subcommands.Add(copy);
        command.Subcommands.Add(publish);
        command.Subcommands.Add(mirror);
        command.Subcommands.Add(partition);
        return command;
    }

    /// <summary>
    /// A maintenance use case: what it refuses (an InvalidOperationException: the wrong engine, a target holding another
    /// record) is said and gives null, for exit 3; a database failure is the store's, under <paramref name="what"/>.
    /// </summary>
    private static async Task<T?> RunAsync<T>(CliEnvironment env, string what, Func<Task<T>> work)
        where T : class
    {
        try
        {
            return await work();
        }
        catch (InvalidOperationException ex)
        {
            env.WriteError(ex.Message);
            return null;
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new StoreUnavailableException($"{what}: {ex.Message}", ex);
        }
    }
}

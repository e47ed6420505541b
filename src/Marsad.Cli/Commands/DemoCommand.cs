using System.CommandLine;
using System.Globalization;
using Marsad.Cli.Output;
using Marsad.Core.Ids;
using Marsad.Core.Access;
using Marsad.Core.Corroboration;
using Marsad.Core.Events;
using Marsad.Core.Intake;
using Marsad.Core.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad demo</c>: a fresh database in a new folder, the sample reports ingested into it, and
/// what was stored — the shortest way to see Marsad work.
/// </summary>
public static class DemoCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var dir = new Option<string?>("--dir") { Description = "Folder for the demo database (default: a new temporary folder); an existing demo database there is replaced" };
        var samples = new Option<string?>("--samples") { Description = "Folder of reports to ingest (default: the samples shipped with marsad)" };
        var noServe = new Option<bool>("--no-serve") { Description = "Do not start the web dashboard; end after printing" };
        var command = new Command("demo", "Ingest the sample reports into a fresh database and show what was stored") { dir, samples, noServe };
        command.SetAction(async (result, cancellationToken) =>
        {
            // A new folder of its own (mode 0700), so that two users or two demos in one second never share one.
            var folder = result.GetValue(dir) ?? Directory.CreateTempSubdirectory("marsad-demo-" + env.Time.GetUtcNow().ToString("yyyyMMdd-HHmmss-", CultureInfo.InvariantCulture)).FullName;
            var samplesFolder = result.GetValue(samples) ?? Path.Combine(AppContext.BaseDirectory, "samples");
            if (!Directory.Exists(samplesFolder))
            {
                env.WriteError($"{samplesFolder}: sample folder not found");
                return ExitCodes.CannotRun;
            }

            Directory.CreateDirectory(folder);
            // On a server (--db / MARSAD_DB naming PostgreSQL) the demo fills the empty database it is given; a file
            // demo always starts a new file in its folder. The report and other files still go to the folder.
            var given = globals.DatabaseTarget(result, env);
            string database;
            IMarsadStore store;
            if (given.Provider == DatabaseProvider.PostgreSql)
            {
                database = given.Value;
                env.WriteLine($"Demo database: {given.Display}");
                store = await globals.OpenStoreAsync(result, env, cancellationToken);
                if (await store.Audit.CountAsync(cancellationToken) > 0 || (await store.Documents.ListAsync(1, 0, cancellationToken)).Count > 0)
                {
                    env.WriteError($"{given.Display} already holds a record; the demo fills only an empty database (create one: createdb marsad_demo)");
                    return ExitCodes.CannotRun;
                }
            }
            else
            {
                database = Path.Combine(folder, "marsad.db");
                foreach (var file in new[] { database, database + "-wal", database + "-shm" })
                {
                    File.Delete(file);
                }

                env.WriteLine($"Demo database: {database}");
                store = await globals.Stores(env).OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), migrate: true, cancellationToken);
            }

            var context = new ChangeContext(globals.UserName(result, env), "demo");
            var summary = await IngestRunner.RunAsync(new IngestDocuments(store, env.Time, Engines.Create()), new IngestRequest([samplesFolder]), context, env, cancellationToken);
            var documents = await store.Documents.ListAsync(1000, 0, cancellationToken);
            env.Out.Write(DocumentTable.Of(documents, await CliIds.ShortAsync(store, IdKind.Document, documents.Select(d => d.Id), cancellationToken)));
            env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stored {summary.Stored} documents from {samplesFolder} (failed {summary.Failed})."));
            env.WriteLine($"Extraction proposed {summary.Proposed}.");
            var corroboration = await new CorroborateEvents(store, new CorroborationOptions()).RunAsync(context, cancellationToken);
            env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Corroboration merged {corroboration.Merges.Sum(m => m.Merged.Count)} reports into {corroboration.Merges.Count} events and graded {corroboration.Graded}."));
            var published = await DemoPublishing.PublishCorroboratedAsync(store, context, cancellationToken);
            env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Published {published} events as an editor would (corroborated, or complete: a day, a point, an actor); anonymous visitors see them on the map."));
            var events = await store.Events.ListAsync(new EventQuery(), Role.Editor, cancellationToken);
            env.Out.Write(EventTable.Of(events, await CliIds.ShortAsync(store, IdKind.Event, events.Select(e => e.Event.Id), cancellationToken)));
            await DemoReport.WriteAsync(store, folder, env, cancellationToken);
            var audit = await store.Audit.VerifyAsync(null, cancellationToken);
            env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit chain: {(audit.Ok ? "verified" : "BROKEN")}, {audit.Checked} revisions."));
            env.WriteLine(given.Provider == DatabaseProvider.PostgreSql ? "Try: marsad documents list (with the same MARSAD_DB)" : $"Try: marsad documents list --db {database}");
            var exitCode = summary.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
            if (result.GetValue(noServe))
            {
                return exitCode;
            }

            // An editor account, so the unpublished demo record and the review queue can be seen in the browser.
            var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
            await store.Accounts.SaveAsync("demo", Role.Editor, password, cancellationToken);
            env.WriteLine($"Sign in as 'demo' (editor) with password {password}; anonymous visitors see published events only.");
            var served = await WebServer.RunAsync(store, [ServeCommand.DefaultUrl], env, cancellationToken);
            return served == ExitCodes.Ok ? exitCode : served;
        });
        return command;
    }
}

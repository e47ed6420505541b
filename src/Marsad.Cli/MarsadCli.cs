using System.CommandLine;
using Marsad.Cli.Commands;
using Marsad.Core.Storage;

namespace Marsad.Cli;

/// <summary>The <c>marsad</c> command: builds the command tree, runs it, and maps failures to the documented exit codes.</summary>
public static class MarsadCli
{
    public static RootCommand Build(CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var globals = new GlobalOptions();
        var root = new RootCommand(
            "Marsad: turn conflict reports into a verified, geolocated, sourced record.\n\n" +
            "Exit codes: 0 ok; 1 some inputs failed (each named on stderr); 2 usage error; 3 cannot run (database unavailable, audit chain broken).");
        root.Options.Add(globals.Database);
        root.Options.Add(globals.User);
        root.Subcommands.Add(IngestCommand.Create(globals, env));
        root.Subcommands.Add(DocumentsCommand.Create(globals, env));
        root.Subcommands.Add(DbCommand.Create(globals, env));
        root.Subcommands.Add(AuditCommand.Create(globals, env));
        foreach (var backup in BackupCommand.Create(globals, env))
        {
            root.Subcommands.Add(backup);
        }

        root.Subcommands.Add(DemoCommand.Create(globals, env));
        root.Subcommands.Add(EventsCommand.Create(globals, env));
        root.Subcommands.Add(ImportCommand.Create(globals, env));
        root.Subcommands.Add(SourcesCommand.Create(globals, env));
        root.Subcommands.Add(CorroborateCommand.Create(globals, env));
        root.Subcommands.Add(ReviewCommand.Create(globals, env));
        root.Subcommands.Add(ReextractCommand.Create(globals, env));
        root.Subcommands.Add(WorkerCommand.Create(globals, env));
        root.Subcommands.Add(GazetteerCommand.Create(globals, env));
        root.Subcommands.Add(PlacesCommand.Create(globals, env));
        root.Subcommands.Add(ExtractCommand.Create(globals, env));
        root.Subcommands.Add(PersonsCommand.Create(globals, env));
        root.Subcommands.Add(ClaimsCommand.Create(globals, env));
        root.Subcommands.Add(AllegationsCommand.Create(globals, env));
        root.Subcommands.Add(ReportCommand.Create(globals, env));
        root.Subcommands.Add(CheckCommand.Create(globals, env));
        root.Subcommands.Add(ServeCommand.Create(globals, env));
        root.Subcommands.Add(UsersCommand.Create(globals, env));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(env);
        var root = Build(env);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                env.WriteError(error.Message);
            }

            env.Error.WriteLine("Run 'marsad --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            env.WriteError(ex.Message);
            return ExitCodes.CannotRun;
        }
        catch (System.Data.Common.DbException ex)
        {
            env.WriteError($"database: {ex.Message}");
            return ExitCodes.CannotRun;
        }
        catch (OperationCanceledException)
        {
            env.WriteError("cancelled");
            return ExitCodes.CannotRun;
        }
    }
}

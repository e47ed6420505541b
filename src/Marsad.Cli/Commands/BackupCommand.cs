using System.CommandLine;
using System.Globalization;
using Marsad.Core.Audit;
using Marsad.Core.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad backup FILE</c> / <c>marsad restore FILE</c>: the whole record to or from one file, verified.</summary>
public static class BackupCommand
{
    public static IEnumerable<Command> Create(GlobalOptions globals, CliEnvironment env)
    {
        var backupFile = new Argument<string>("FILE") { Description = "The backup file to write (never overwritten)" };
        var backup = new Command("backup", "Copy the whole record to one file while others keep working, then verify the copy") { backupFile };
        backup.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var file = Path.GetFullPath(result.GetValue(backupFile)!);
            return Report(env, $"Backup written: {file}", await DatabaseBackup.BackupAsync(store, file, cancellationToken));
        });

        var restoreFile = new Argument<string>("FILE") { Description = "A file written by 'marsad backup'" };
        var restore = new Command("restore", "Replace the record with a backup, after verifying the backup's audit chain and sealed rows") { restoreFile };
        restore.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var file = Path.GetFullPath(result.GetValue(restoreFile)!);
            try
            {
                return Report(env, $"Restored {store.Target.Display} from {file}", await DatabaseBackup.RestoreAsync(store, file, cancellationToken));
            }
            catch (InvalidDataException ex)
            {
                env.WriteError(ex.Message);
                return ExitCodes.CannotRun;
            }
        });
        return [backup, restore];
    }

    private static int Report(CliEnvironment env, string done, AuditVerification verification)
    {
        if (verification.FirstFailure is { } failure)
        {
            env.WriteError($"{done}, but it does not verify: {failure.EntityType} {failure.EntityId}: {failure.Problem}");
            return ExitCodes.CannotRun;
        }

        env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done}; audit chain verified: {verification.Checked} revisions; head {verification.HeadHash}"));
        return ExitCodes.Ok;
    }
}

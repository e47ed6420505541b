using System.CommandLine;
using System.Globalization;
using Marsad.Cli.Output;
using Marsad.Core.Extract;
using Marsad.Extraction;
using Marsad.Extraction.Output;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad extract FILE</c> prints one contract object (DESIGN section 5) for a report file;
/// <c>marsad extract --jsonl IN [--out OUT] [--threads N]</c> turns JSON Lines records into contract objects, one a line, in order.
/// Needs no database: extraction reads text and writes JSON. When there is one (<c>--db</c>, <c>MARSAD_DB</c> or
/// ./marsad.db), every name in its sources register, confidential ones included, is never taken for a place, as at ingest.
/// </summary>
public static class ExtractCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var file = new Argument<string?>("file") { Description = "A report file (.txt, .md, .html, or a feed: one object per item)", Arity = ArgumentArity.ZeroOrOne };
        var published = new Option<DateOnly?>("--published") { Description = "Publication date (YYYY-MM-DD), the anchor for relative dates, for a file that does not state one", CustomParser = CliParsers.Date };
        var source = new Option<string?>("--source") { Description = "Source name for a file that does not name one" };
        var jsonl = new Option<string?>("--jsonl") { Description = "Read JSON Lines records {\"id\", \"text\", \"published\", \"source\"?, \"title\"?} from this file ('-' for standard input)" };
        var output = new Option<string?>("--out") { Description = "With --jsonl: write the results to this file instead of standard output" };
        var threads = new Option<int>("--threads") { Description = "With --jsonl: worker threads (default: 1)", DefaultValueFactory = _ => 1 };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256)
            {
                r.AddError("--threads must be between 1 and 256");
            }
        });
        var command = new Command("extract", "Extract events, claims, persons, allegations and checks from report text, as JSON.\n\nExit codes: 0 done (bad records carry \"errors\"); the errors are also on standard error; 2 usage error; 3 the input cannot be read.")
        {
            file, published, source, jsonl, output, threads,
        };
        command.Validators.Add(r =>
        {
            var hasFile = r.GetValue(file) is not null;
            var hasJsonl = r.GetValue(jsonl) is not null;
            if (hasFile == hasJsonl)
            {
                r.AddError("give either FILE or --jsonl IN");
            }
            else if (hasFile && (r.GetResult(output) is not null || r.GetResult(threads) is not null))
            {
                r.AddError("--out and --threads go with --jsonl");
            }
            else if (hasJsonl && (r.GetResult(published) is not null || r.GetResult(source) is not null))
            {
                r.AddError("--published and --source go with FILE; JSON Lines records carry their own");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var engine = Engines.Create();
            try
            {
                var notPlaces = await RegisterNamesAsync(globals, result, env, cancellationToken);
                if (result.GetValue(jsonl) is { } input)
                {
                    await ExtractJsonlAsync(env, engine, input, result.GetValue(output), result.GetValue(threads), notPlaces, cancellationToken);
                    return ExitCodes.Ok;
                }

                var path = result.GetValue(file)!;
                var results = await FileExtraction.ExtractAsync(engine, path, result.GetValue(published), result.GetValue(source), cancellationToken, notPlaces);
                // One report: one object, indented for reading. A feed's items: one object a line, like --jsonl.
                foreach (var r in results)
                {
                    env.WriteLine(ContractJsonWriter.ToJson(r, indented: results.Count == 1));
                    foreach (var error in r.Errors)
                    {
                        env.WriteError($"{path}{(results.Count == 1 ? "" : $" ({r.Id})")}: {error}");
                    }

                    if (r.Document.Undated && r.Events.Any(e => e.Date.IsUnresolved))
                    {
                        env.Error.WriteLine($"marsad: note: {path}: no publication date in the document; {r.Events.Count(e => e.Date.IsUnresolved)} event dates left unresolved (date null): give --published YYYY-MM-DD");
                    }
                }

                // The contract (DESIGN.md section 5): a record the engine cannot read is an `errors` entry, not a failed run;
                // only input that cannot be opened at all exits non-zero.
                return ExitCodes.Ok;
            }
            catch (FileUnreadableException ex)
            {
                env.WriteError($"{result.GetValue(jsonl) ?? result.GetValue(file)}: {ex.Message}");
                return ExitCodes.CannotRun;
            }
        });
        return command;
    }

    // The register's names (never shown: they only keep a source's name from becoming a place). No database, no names:
    // a SQLite file that is not there is not created by a command that needs none.
    private static async Task<IReadOnlyList<string>> RegisterNamesAsync(GlobalOptions globals, ParseResult result, CliEnvironment env, CancellationToken cancellationToken)
    {
        var target = globals.DatabaseTarget(result, env);
        if (target.Provider == Core.Storage.DatabaseProvider.Sqlite && !File.Exists(target.Value))
        {
            return [];
        }

        var store = await globals.OpenStoreAsync(result, env, cancellationToken);
        return await Core.Sources.SourceNamesNotPlaces.ReadAsync(store.Sources, cancellationToken);
    }

    private static async Task ExtractJsonlAsync(CliEnvironment env, ExtractionEngine engine, string inputPath, string? outputPath, int threads, IReadOnlyList<string> notPlaces, CancellationToken cancellationToken)
    {
        await using var input = OpenInput(inputPath);
        // Results are UTF-8 bytes already: they go to the file or to standard output's stream without re-encoding.
        await env.Out.Profile.Out.Writer.FlushAsync(cancellationToken);
        await using var output = outputPath is null ? Console.OpenStandardOutput() : OpenOutput(outputPath);
        var progress = env.Interactive ? new JsonlProgressLine(env) : null;
        try
        {
            var done = await new JsonlExtraction(engine, threads, notPlaces).RunAsync(input, output, progress, cancellationToken);
            progress?.Finish(done);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FileUnreadableException($"cannot read: {ex.Message}", ex);
        }
    }

    private static Stream OpenInput(string path)
    {
        if (path == "-")
        {
            return Console.OpenStandardInput();
        }

        if (Directory.Exists(path))
        {
            throw new FileUnreadableException("is a directory, not a file");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FileUnreadableException(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : ex is UnauthorizedAccessException ? "permission denied (cannot read file)" : $"cannot read: {ex.Message}", ex);
        }
    }

    private static FileStream OpenOutput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FileUnreadableException(string.Create(CultureInfo.InvariantCulture, $"cannot write {path}: {ex.Message}"), ex);
        }
    }
}

using System.CommandLine;
using System.Text.Json;
using Marsad.Cli.Output;
using Marsad.Core.Intake;
using Marsad.Core.Reports;
using Marsad.Extraction;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad check DOCUMENT</c>: figure mismatches inside a document and between it and the record.
/// DOCUMENT is a stored document (id or 6+ characters of its id or text SHA-256) or a report file.
/// Exit code 0 when nothing disagrees, 1 when a mismatch is listed.
/// </summary>
public static class CheckCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var document = new Argument<string>("document") { Description = "A stored document's id (or a 6+ character prefix) or a report file (.txt, .md, .html)" };
        var published = new Option<DateOnly?>("--published") { Description = "Publication date of a file that does not state one (YYYY-MM-DD)", CustomParser = CliParsers.Date };
        var json = new Option<bool>("--json") { Description = "One JSON array of findings" };
        var command = new Command("check", "List figure mismatches inside a document (headline against body, totals against parts) and between the document and the record")
        {
            document, published, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var key = result.GetValue(document)!;
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            DocumentInput input;
            Guid? storedId = null;
            if (File.Exists(key))
            {
                try
                {
                    var (_, reports) = await ReportFileReader.ReadAsync(key, cancellationToken);
                    var report = reports[0];
                    var text = Marsad.Core.Intake.Parsing.TextNormalizer.Normalize(report.Text);
                    input = new DocumentInput(text, report.PublishedOr(text, result.GetValue(published)), report.SourceName, report.Title, key);
                    // The same text stored before is the same document: its events are the ones to compare with first.
                    var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
                    var stored = await store.Documents.FindAsync(sha, cancellationToken);
                    storedId = stored?.Id;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Marsad.Core.Intake.Parsing.IntakeFormatException)
                {
                    env.WriteError($"{key}: {ex.Message}");
                    return ExitCodes.CannotRun;
                }
            }
            else if (key.Length >= 6 && await store.Documents.FindAsync(key, cancellationToken) is { } stored)
            {
                input = new DocumentInput(stored.CleanText, stored.Published, stored.SourceName, stored.Title, stored.Id.ToString("D"));
                storedId = stored.Id;
            }
            else
            {
                env.WriteError($"{key}: neither a file nor a stored document");
                return ExitCodes.UsageError;
            }

            var findings = await new CheckDocument(store, Engines.Create()).RunAsync(input, storedId, cancellationToken);
            if (result.GetValue(json))
            {
                env.WriteLine(JsonSerializer.Serialize(findings.Select(f => new { scope = f.Scope, kind = f.Kind, message = f.Message, mismatch = f.Mismatch })));
            }
            else
            {
                foreach (var f in findings)
                {
                    env.WriteLine($"{(f.Mismatch ? "MISMATCH" : "ok      ")}  {f.Scope,-8}  {f.Kind}: {f.Message}");
                }
            }

            return findings.Any(f => f.Mismatch) ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        return command;
    }
}

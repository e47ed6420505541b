using Marsad.Core.Ids;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Cli.Output;
using Marsad.Core.Records;
using Marsad.Core.Review;
using Marsad.Core.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad review</c>: the coders' queue of proposals. Interactive on a terminal; <c>--batch FILE</c>
/// applies decisions from JSON; <c>--accept-all</c> accepts every pending proposal. Each decision is a revision.
/// </summary>
public static class ReviewCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var document = new Option<string?>("--document") { Description = "Only this document's proposals (id or 6+ characters of its id or SHA-256)" };
        var acceptAll = new Option<bool>("--accept-all") { Description = "Accept every pending proposal (trusted batches, demos, scripts)" };
        var batch = new Option<FileInfo?>("--batch") { Description = "Apply decisions from a JSON file: [{\"kind\":\"event\",\"id\":\"short id\",\"action\":\"accept|reject|edit\",\"version\":1,\"fields\":{\"date\":\"2021-01-16\",\"location\":\"Rmelan\",\"actor2\":\"ISIS\",\"fatalities\":\"at least 3\"},\"reason\":\"…\"}]" };
        var reason = new Option<string?>("--reason") { Description = "Reason recorded with every decision of this run" };
        var command = new Command("review", "Review extracted proposals: accept, edit, reject") { document, acceptAll, batch, reason };
        command.Validators.Add(r =>
        {
            if (r.GetValue(acceptAll) && r.GetValue(batch) is not null)
            {
                r.AddError("--accept-all and --batch cannot be used together");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            Guid? documentId = null;
            if (result.GetValue(document) is { } key)
            {
                if (await store.FindDocumentAsync(key, cancellationToken) is not { } found)
                {
                    env.WriteError($"no single document matches '{key}'");
                    return ExitCodes.UsageError;
                }

                documentId = found.Id;
            }

            var context = new ChangeContext(globals.UserName(result, env), result.GetValue(reason));
            var review = new ReviewRecords(store, time: env.Time);
            if (result.GetValue(acceptAll))
            {
                var pending = await review.PendingAsync(documentId, cancellationToken);
                var decisions = pending.Select(i => new ReviewDecision(i.Kind, i.Id, ReviewAction.Accept, i.Version)).ToList();
                return await ApplyAllAsync(env, review, decisions, context, cancellationToken);
            }

            if (result.GetValue(batch) is { } file)
            {
                System.Text.Json.Nodes.JsonArray items;
                IReadOnlyList<int> lines;
                try
                {
                    var json = await File.ReadAllTextAsync(file.FullName, cancellationToken);
                    items = System.Text.Json.Nodes.JsonNode.Parse(json) as System.Text.Json.Nodes.JsonArray
                        ?? throw new JsonException("expected a JSON list of decisions");
                    lines = BatchLines.Of(json);
                }
                catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or RecordNotFoundException or ArgumentException)
                {
                    env.WriteError($"{file.FullName}: not a list of review decisions: {ex.Message}");
                    return ExitCodes.CannotRun;
                }

                // Each decision is read and applied on its own: one that cannot be (a lone surrogate, a wrong type, an
                // unknown id, a refused undo) fails alone, named by its number and line in the file, and the others apply.
                var decisions = new List<BatchDecision>();
                var failed = new List<BatchDecision>();
                for (var i = 0; i < items.Count; i++)
                {
                    var at = new BatchDecision(file.Name, i + 1, i < lines.Count ? lines[i] : null, null);
                    try
                    {
                        decisions.Add(at with { Decision = await ReviewBatch.ReadOneAsync(items[i], store.Ids, cancellationToken) });
                    }
                    catch (Exception ex) when (IsBadDecision(ex))
                    {
                        failed.Add(at);
                        // System.Text.Json reads an escaped lone surrogate as valid JSON but refuses it as a string.
                        var what = ex is InvalidOperationException ? "a value is not Unicode text" : "cannot be read";
                        env.WriteError($"{at}: {what}: {Said(ex)}");
                    }
                }

                return await ApplyAllAsync(env, review, decisions, context, cancellationToken, items.Count, failed);
            }

            if (!env.Interactive)
            {
                env.WriteError("interactive review needs a terminal; use --batch FILE or --accept-all");
                return ExitCodes.UsageError;
            }

            return await new ReviewSession(env, store, review, context).RunAsync(documentId, cancellationToken);
        });
        return command;
    }

    private static Task<int> ApplyAllAsync(CliEnvironment env, ReviewRecords review, IReadOnlyList<ReviewDecision> decisions, ChangeContext context, CancellationToken cancellationToken) =>
        ApplyAllAsync(env, review, [.. decisions.Select((d, i) => new BatchDecision(null, i + 1, null, d))], context, cancellationToken, decisions.Count, []);

    private static async Task<int> ApplyAllAsync(CliEnvironment env, ReviewRecords review, IReadOnlyList<BatchDecision> decisions, ChangeContext context, CancellationToken cancellationToken, int total, List<BatchDecision> failed)
    {
        foreach (var at in decisions)
        {
            var decision = at.Decision!;
            try
            {
                await review.ApplyAsync(decision, context, cancellationToken);
            }
            catch (Exception ex) when (IsBadDecision(ex))
            {
                failed.Add(at);
                env.WriteError($"{at} ({JsonNamingPolicy.SnakeCaseLower.ConvertName(decision.Action.ToString())} {decision.Kind} {decision.Id:D}): {Said(ex)}");
            }
        }

        env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Applied {total - failed.Count} decisions, {failed.Count} failed."));
        if (failed.Count > 0)
        {
            env.WriteLine("Failed: " + string.Join(", ", failed.OrderBy(f => f.Number).Select(f => f.Line is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"decision {f.Number} (line {line})")
                : string.Create(CultureInfo.InvariantCulture, $"decision {f.Number}"))) + ".");
        }

        return failed.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    /// <summary>A decision of a batch and where it stands in its file, as messages name it ("d.json:7: decision 3").</summary>
    private sealed record BatchDecision(string? File, int Number, int? Line, ReviewDecision? Decision)
    {
        public override string ToString() => (File, Line) switch
        {
            ({ } file, { } line) => string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: decision {Number}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"decision {Number}"),
        };
    }

    // What a decision can be refused for: its input (a value, an id, a field, a state the undo or split finds, a
    // version someone saved past) or a state it would write that the record cannot hold. A store that fails is not
    // a bad decision and still ends the run.
    private static bool IsBadDecision(Exception ex) =>
        ex is ArgumentException or RecordNotFoundException or ConcurrencyConflictException or JsonException or InvalidOperationException
            or NotSupportedException or FormatException or KeyNotFoundException or OverflowException;

    // An ArgumentException's message without the " (Parameter 'decision')" the runtime appends: the coder named no parameter.
    private static string Said(Exception ex) =>
        ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
}

/// <summary>The line in the file where each decision of a batch starts, for messages a coder can find them by.</summary>
internal static class BatchLines
{
    public static IReadOnlyList<int> Of(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var starts = new List<int>();
        var line = 1;
        var counted = 0L;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                for (; counted < reader.TokenStartIndex; counted++)
                {
                    if (bytes[counted] == (byte)'\n')
                    {
                        line++;
                    }
                }

                starts.Add(line);
            }
        }

        return starts;
    }
}

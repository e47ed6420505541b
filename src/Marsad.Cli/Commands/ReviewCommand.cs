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
                try
                {
                    items = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken)) as System.Text.Json.Nodes.JsonArray
                        ?? throw new JsonException("expected a JSON list of decisions");
                }
                catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or RecordNotFoundException or ArgumentException)
                {
                    env.WriteError($"{file.FullName}: not a list of review decisions: {ex.Message}");
                    return ExitCodes.CannotRun;
                }

                // Each decision is read on its own: one that cannot be (a lone surrogate, a wrong type, an unknown id) fails alone.
                var decisions = new List<ReviewDecision>();
                var unreadable = 0;
                for (var i = 0; i < items.Count; i++)
                {
                    try
                    {
                        decisions.Add(await ReviewBatch.ReadOneAsync(items[i], store.Ids, cancellationToken));
                    }
                    catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or ArgumentException or RecordNotFoundException)
                    {
                        unreadable++;
                        // System.Text.Json reads an escaped lone surrogate as valid JSON but refuses it as a string.
                        var what = ex is InvalidOperationException ? "a value is not Unicode text" : "cannot be read";
                        env.WriteError(string.Create(CultureInfo.InvariantCulture, $"decision {i + 1}: {what}: {ex.Message}"));
                    }
                }

                return await ApplyAllAsync(env, review, decisions, context, cancellationToken, unreadable);
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

    private static async Task<int> ApplyAllAsync(CliEnvironment env, ReviewRecords review, IReadOnlyList<ReviewDecision> decisions, ChangeContext context, CancellationToken cancellationToken, int unreadable = 0)
    {
        var failed = unreadable;
        foreach (var decision in decisions)
        {
            try
            {
                await review.ApplyAsync(decision, context, cancellationToken);
            }
            catch (Exception ex) when (ex is ArgumentException or RecordNotFoundException or ConcurrencyConflictException)
            {
                failed++;
                env.WriteError($"{decision.Kind} {decision.Id}: {ex.Message}");
            }
        }

        env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Applied {decisions.Count + unreadable - failed} decisions, {failed} failed."));
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }
}

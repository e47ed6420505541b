using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Records;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Spectre.Console;

namespace Marsad.Cli.Output;

/// <summary>
/// The interactive review queue: for each proposal, the passage it came from with the evidence
/// highlighted, the proposed fields, and a choice of accept, edit, reject, skip or quit.
/// </summary>
internal sealed class ReviewSession(CliEnvironment env, IMarsadStore store, ReviewRecords review, ChangeContext context)
{
    private const string Accept = "Accept", Edit = "Edit a field", Reject = "Reject", Skip = "Skip", Quit = "Quit";

    public async Task<int> RunAsync(Guid? documentId, CancellationToken cancellationToken)
    {
        var pending = await review.PendingAsync(documentId, cancellationToken);
        if (pending.Count == 0)
        {
            env.WriteLine("Nothing to review.");
            return ExitCodes.Ok;
        }

        var done = 0;
        for (var index = 0; index < pending.Count; index++)
        {
            var item = pending[index];
            await ShowAsync(item, index + 1, pending.Count, cancellationToken);
            var choice = await env.Out.PromptAsync(new SelectionPrompt<string>().Title("Decision?").AddChoices(Accept, Edit, Reject, Skip, Quit), cancellationToken);
            if (choice == Quit)
            {
                break;
            }

            if (choice == Skip)
            {
                continue;
            }

            var decision = choice switch
            {
                Accept => new ReviewDecision(item.Kind, item.Id, ReviewAction.Accept, item.Version),
                Reject => new ReviewDecision(item.Kind, item.Id, ReviewAction.Reject, item.Version),
                _ => await AskEditAsync(item, cancellationToken),
            };
            var why = await env.Out.PromptAsync(new TextPrompt<string>("Reason (optional):").AllowEmpty(), cancellationToken);
            try
            {
                await review.ApplyAsync(decision with { Reason = string.IsNullOrWhiteSpace(why) ? null : why }, context, cancellationToken);
                done++;
                env.Out.MarkupLine("[green]Saved.[/]");
            }
            catch (ConcurrencyConflictException ex)
            {
                env.Out.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/] Showing it again with the other coder's changes.");
                pending = [.. pending.Take(index), .. await review.PendingAsync(documentId, cancellationToken)];
                index--;
            }
            catch (ArgumentException ex)
            {
                env.Out.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                index--;
            }
        }

        env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reviewed {done} of {pending.Count} proposals."));
        return ExitCodes.Ok;
    }

    private async Task ShowAsync(ReviewItem item, int position, int total, CancellationToken cancellationToken)
    {
        env.Out.Write(new Rule($"[bold]{item.Kind} {position}/{total}[/] [grey]{item.Id}[/]").LeftJustified());
        if (item.DocumentId is { } documentId && await store.Extractions.CleanTextAsync(documentId, cancellationToken) is { } text)
        {
            env.Out.Write(new Panel(new Markup(Passage(text, item))).Header("source text").Border(BoxBorder.Rounded));
        }

        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (field, value) in Fields(item))
        {
            grid.AddRow($"[bold]{Markup.Escape(field)}[/]", Markup.Escape(value));
        }

        env.Out.Write(grid);
    }

    private async Task<ReviewDecision> AskEditAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        var field = await env.Out.PromptAsync(new SelectionPrompt<string>().Title("Which field?").AddChoices(Fields(item).Select(f => f.Field).Where(f => f is not ("id" or "status" or "review_status" or "event_type" or "evidence"))), cancellationToken);
        var value = await env.Out.PromptAsync(new TextPrompt<string>($"New value for [bold]{Markup.Escape(field)}[/] (JSON, or plain text):"), cancellationToken);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            node = JsonValue.Create(value);
        }

        return new ReviewDecision(item.Kind, item.Id, ReviewAction.Edit, item.Version, new JsonObject { [field] = node });
    }

    private static IEnumerable<(string Field, string Value)> Fields(ReviewItem item) =>
        JsonSerializer.SerializeToNode(item.Record, item.Record.GetType(), MarsadJson.Options)!.AsObject()
            .Select(p => (p.Key, p.Value is JsonValue v ? v.ToString() : p.Value?.ToJsonString(MarsadJson.Options) ?? "null"));

    /// <summary>The paragraph around the evidence, with each evidence span highlighted.</summary>
    private static string Passage(string text, ReviewItem item)
    {
        var spans = item.Evidence.Spans.Values.Where(s => s.End <= text.Length).OrderBy(s => s.Start).ToList();
        if (spans.Count == 0)
        {
            return Markup.Escape(text.Length > 600 ? text[..600] + "…" : text);
        }

        var start = Math.Max(0, text.LastIndexOf("\n\n", Math.Max(0, spans[0].Start - 1), StringComparison.Ordinal));
        var endBreak = text.IndexOf("\n\n", spans[^1].End, StringComparison.Ordinal);
        var end = endBreak < 0 ? text.Length : endBreak;
        var marks = new bool[end - start];
        foreach (var span in spans)
        {
            for (var i = Math.Max(span.Start, start); i < Math.Min(span.End, end); i++)
            {
                marks[i - start] = true;
            }
        }

        var builder = new System.Text.StringBuilder();
        var i2 = 0;
        while (i2 < marks.Length)
        {
            var j = i2;
            while (j < marks.Length && marks[j] == marks[i2])
            {
                j++;
            }

            var piece = Markup.Escape(text.Substring(start + i2, j - i2));
            builder.Append(marks[i2] ? $"[black on yellow]{piece}[/]" : piece);
            i2 = j;
        }

        return builder.ToString().Trim();
    }
}

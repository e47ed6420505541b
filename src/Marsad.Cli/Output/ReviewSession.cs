using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Ids;
using Marsad.Core.Records;
using Marsad.Core.Review.PlainValues;
using Marsad.Domain.Events;
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
    private const string Accept = "Accept", Edit = "Edit fields (then accept)", Reject = "Reject", Skip = "Skip", Quit = "Quit";
    private const string Split = "Split into several events", Merge = "Merge other proposals into this one", Link = "Link to a person, claim or allegation";

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
            string[] choices = item.Kind == "event" ? [Accept, Edit, Reject, Split, Merge, Link, Skip, Quit] : [Accept, Edit, Reject, Skip, Quit];
            var choice = await env.Out.PromptAsync(new SelectionPrompt<string>().Title("Decision?").AddChoices(choices), cancellationToken);
            if (choice == Quit)
            {
                break;
            }

            if (choice == Skip)
            {
                continue;
            }

            ReviewDecision decision;
            try
            {
                decision = choice switch
                {
                    Accept => new ReviewDecision(item.Kind, item.Id, ReviewAction.Accept, item.Version),
                    Reject => new ReviewDecision(item.Kind, item.Id, ReviewAction.Reject, item.Version),
                    Split => await AskSplitAsync(item, cancellationToken),
                    Merge => await AskMergeAsync(item, cancellationToken),
                    Link => await AskLinkAsync(item, cancellationToken),
                    _ => await AskEditAsync(item, cancellationToken),
                };
            }
            catch (Exception ex) when (ex is ArgumentException or RecordNotFoundException)
            {
                // An id that matches nothing (or several records) is said, and the same proposal is asked again.
                env.Out.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
                index--;
                continue;
            }

            var why = await env.Out.PromptAsync(new TextPrompt<string>("Reason (optional):").AllowEmpty(), cancellationToken);
            try
            {
                await review.ApplyAsync(decision with { Reason = string.IsNullOrWhiteSpace(why) ? null : why }, context, cancellationToken);
                done++;
                env.Out.MarkupLine("[green]Saved.[/]");
                if (decision.Action is ReviewAction.Split or ReviewAction.Merge)
                {
                    // The queue changed (new parts to review, merged proposals gone): read it again after this point.
                    pending = [.. pending.Take(index), .. await review.PendingAsync(documentId, cancellationToken)];
                    index--;
                }
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
        var shortId = (await store.Ids.ShortenAsync(IdKinds.FromWord(item.Kind) ?? IdKind.Event, [item.Id], cancellationToken))[item.Id];
        env.Out.Write(new Rule($"[bold]{item.Kind} {position}/{total}[/] [grey]{shortId}[/]").LeftJustified());
        DateOnly? published = null;
        string? source = null;
        if (item.DocumentId is { } documentId && await store.Documents.FindAsync(documentId.ToString("D"), cancellationToken) is { } document)
        {
            var day = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
            env.Out.MarkupLine($"[bold]{Markup.Escape(document.Title ?? Path.GetFileName(document.Origin))}[/]");
            env.Out.MarkupLine($"{Markup.Escape(document.SourceName ?? "source unknown")} · {day}{(document.Url is { } url ? " · " + Markup.Escape(url) : string.Empty)}");
            var text = await store.Extractions.CleanTextAsync(documentId, cancellationToken) ?? document.CleanText;
            env.Out.Write(new Panel(new Markup(Passage(text, item))).Header("source text").Border(BoxBorder.Rounded));
            published = document.Published;
            source = text;
        }

        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (field, value) in Fields(item))
        {
            grid.AddRow($"[bold]{Markup.Escape(field)}[/]", Markup.Escape(value));
        }

        env.Out.Write(grid);
        foreach (var warning in ReviewWarnings.Default.For(item, published, source))
        {
            env.Out.MarkupLine($"[yellow]⚠ {Markup.Escape(warning.Field)}: {Markup.Escape(warning.Message)}[/]");
        }
    }

    private async Task<ReviewDecision> AskSplitAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        var count = await env.Out.PromptAsync(new TextPrompt<int>("Into how many events?").DefaultValue(2)
            .Validate(n => n is >= 2 and <= 20 ? ValidationResult.Success() : ValidationResult.Error("[red]2 to 20[/]")), cancellationToken);
        var parts = new JsonArray();
        for (var i = 1; i <= count; i++)
        {
            // Each part starts as the proposal without its counts; the first keeps the proposal's id.
            env.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]Event {i} of {count}[/]: fields that differ ({Markup.Escape(string.Join(", ", PlainText.EditableEventFields))})"));
            var part = new JsonObject();
            while (true)
            {
                var field = (await env.Out.PromptAsync(new TextPrompt<string>("Field ([grey]Enter for the next event[/]):").AllowEmpty(), cancellationToken)).Trim().ToLowerInvariant();
                if (field.Length == 0)
                {
                    break;
                }

                if (!PlainText.EditableEventFields.Contains(field))
                {
                    env.Out.MarkupLine($"[red]'{Markup.Escape(field)}' is not a field you can set here.[/]");
                    continue;
                }

                if (await AskValueAsync(field, cancellationToken) is { } value)
                {
                    part[field] = value;
                }
            }

            parts.Add(part);
        }

        return new ReviewDecision(item.Kind, item.Id, ReviewAction.Split, item.Version, Parts: parts);
    }

    private async Task<ReviewDecision> AskMergeAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        var typed = await env.Out.PromptAsync(new TextPrompt<string>("Ids of the events that report the same incident (as shown, separated by spaces):"), cancellationToken);
        var merged = new List<Guid>();
        foreach (var id in typed.Split(' ', ',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            merged.Add(await store.Ids.ResolveAsync(IdKind.Event, id, cancellationToken));
        }

        return new ReviewDecision(item.Kind, item.Id, ReviewAction.Merge, item.Version, Merge: merged);
    }

    private async Task<ReviewDecision> AskLinkAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        var kind = await env.Out.PromptAsync(new SelectionPrompt<string>().Title("Link to a").AddChoices("person", "claim", "allegation"), cancellationToken);
        var typed = await env.Out.PromptAsync(new TextPrompt<string>($"The {kind}'s id (as shown):"), cancellationToken);
        var id = await store.Ids.ResolveAsync(IdKinds.FromWord(kind)!.Value, typed.Trim(), cancellationToken);
        return new ReviewDecision(item.Kind, item.Id, ReviewAction.Link, item.Version, Links: [new ReviewLink(kind, id)]);
    }

    private async Task<ReviewDecision> AskEditAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        if (item.Record is not ConflictEvent e)
        {
            return await AskJsonEditAsync(item, cancellationToken);
        }

        // Each value is checked as it is typed, on a scratch copy, so a mistake is shown at once and stays on screen.
        var scratch = JsonSerializer.SerializeToNode(e, MarsadJson.Options)!.AsObject();
        var changes = new JsonObject();
        env.Out.MarkupLine($"Fields: {Markup.Escape(string.Join(", ", PlainText.EditableEventFields))}");
        while (true)
        {
            var field = (await env.Out.PromptAsync(new TextPrompt<string>("Field to change ([grey]Enter when done[/]):").AllowEmpty(), cancellationToken)).Trim().ToLowerInvariant();
            if (field.Length == 0)
            {
                return new ReviewDecision(item.Kind, item.Id, changes.Count == 0 ? ReviewAction.Accept : ReviewAction.Edit, item.Version, changes);
            }

            if (!PlainText.EditableEventFields.Contains(field))
            {
                env.Out.MarkupLine($"[red]'{Markup.Escape(field)}' is not a field you can set here.[/] Fields: {Markup.Escape(string.Join(", ", PlainText.EditableEventFields))}");
                continue;
            }

            var value = await AskValueAsync(field, cancellationToken);
            if (value is null)
            {
                continue;
            }

            try
            {
                var trial = (JsonObject)scratch.DeepClone();
                PlainFields.Default.SetEventField(trial, field, JsonValue.Create(value));
                var checkedEvent = trial.Deserialize<ConflictEvent>(MarsadJson.Options)!;
                scratch = trial;
                changes[field] = value;
                var shown = PlainText.Of(checkedEvent).FirstOrDefault(r => r.Field == field).Text ?? (value.Length == 0 ? "(removed)" : value);
                env.Out.MarkupLine($"[green]{Markup.Escape(field)}[/] = {Markup.Escape(shown)}");
            }
            catch (Exception ex) when (ex is ArgumentException or JsonException or Domain.Common.DomainException)
            {
                env.Out.MarkupLine($"[red]{Markup.Escape(field)}: {Markup.Escape(ex.Message)}[/]");
            }
        }
    }

    // A place is looked up as it is typed and picked from the gazetteer's candidates by number.
    private async Task<string?> AskValueAsync(string field, CancellationToken cancellationToken)
    {
        var hint = field switch
        {
            "date" => "2023-07-21, July 2023, 21–23 July 2023",
            "location" => "a place name, or latitude, longitude",
            "actor1" or "actor2" => "a name from the lexicon (ISIS, SDF, Turkey …) or a new name",
            "assoc_actor_1" or "assoc_actor_2" => "names separated by ;",
            _ when PlainFields.QuantityNames.Contains(field) => "3, 3-5, at least 3, at most 10; empty removes it",
            _ => "text",
        };
        var typed = (await env.Out.PromptAsync(new TextPrompt<string>($"New {Markup.Escape(field)} ([grey]{Markup.Escape(hint)}[/]):").AllowEmpty(), cancellationToken)).Trim();
        if (field != "location" || typed.Length == 0 || typed.Contains('#', StringComparison.Ordinal) || char.IsAsciiDigit(typed[0]) || typed[0] == '-')
        {
            return typed;
        }

        var candidates = PlainFields.Default.Places.Candidates(typed);
        if (candidates.Count <= 1)
        {
            return typed;
        }

        foreach (var c in candidates)
        {
            env.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"  [bold]{c.Number}[/]  {Markup.Escape(c.Describe())}"));
        }

        var pick = await env.Out.PromptAsync(new TextPrompt<int>("Which place? (number)").DefaultValue(1)
            .Validate(n => n >= 1 && n <= candidates.Count ? ValidationResult.Success() : ValidationResult.Error($"[red]pick 1 to {candidates.Count}[/]")), cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{typed} #{pick}");
    }

    private async Task<ReviewDecision> AskJsonEditAsync(ReviewItem item, CancellationToken cancellationToken)
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

    private static IEnumerable<(string Field, string Value)> Fields(ReviewItem item) => item.Record is ConflictEvent e
        ? PlainText.Of(e)
        : JsonSerializer.SerializeToNode(item.Record, item.Record.GetType(), MarsadJson.Options)!.AsObject()
            .Where(p => p.Key != "evidence")
            .Select(p => (p.Key, p.Value is JsonValue v ? v.ToString() : p.Value?.ToJsonString(MarsadJson.Options) ?? "—"));

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

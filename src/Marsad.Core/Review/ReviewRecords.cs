using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Review;

/// <summary>
/// The review use cases: the queue of proposals awaiting a coder, and applying a decision to one.
/// Every decision is an update through the record store, so it is a revision with the coder's name and
/// reason, and it fails with <see cref="ConcurrencyConflictException"/> if someone saved first.
/// </summary>
public sealed class ReviewRecords(IMarsadStore store, PlainValues.PlainFields? plain = null, TimeProvider? time = null)
{
    private readonly PlainValues.PlainFields fields = plain ?? PlainValues.PlainFields.Default;
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    private static readonly string[] KindOrder = ["event", "claim", "person", "allegation"];

    /// <summary>
    /// Everything still at status extracted, oldest document first; optionally only one document's.
    /// The store selects the pending records (and the document's) in SQL, so reviewed ones are never read.
    /// </summary>
    public async Task<IReadOnlyList<ReviewItem>> PendingAsync(Guid? documentId = null, CancellationToken cancellationToken = default)
    {
        var items = new List<ReviewItem>();
        foreach (var e in await store.Records.PendingAsync<ConflictEvent>(documentId, cancellationToken))
        {
            items.Add(new ReviewItem("event", e.Value.Id, e.Version, e.Value, First(e.Value.DocumentIds), e.Value.Evidence));
        }

        foreach (var c in await store.Records.PendingAsync<Claim>(documentId, cancellationToken))
        {
            items.Add(new ReviewItem("claim", c.Value.Id, c.Version, c.Value, First(c.Value.DocumentIds), c.Value.Evidence));
        }

        foreach (var p in await store.Records.PendingAsync<Person>(documentId, cancellationToken))
        {
            items.Add(new ReviewItem("person", p.Value.Id, p.Version, p.Value, First(p.Value.DocumentIds), p.Value.Evidence));
        }

        foreach (var a in await store.Records.PendingAsync<Allegation>(documentId, cancellationToken))
        {
            items.Add(new ReviewItem("allegation", a.Value.Id, a.Version, a.Value, First(a.Value.DocumentIds), a.Value.Evidence));
        }

        return [.. items.Where(i => documentId is null || i.DocumentId == documentId).OrderBy(i => i.DocumentId).ThenBy(i => Array.IndexOf(KindOrder, i.Kind)).ThenBy(i => i.Evidence.Spans.Values.Select(s => s.Start).DefaultIfEmpty(0).Min())];
    }

    /// <summary>
    /// Applies one decision as the role (the web's signed-in account; the command line acts with the rights of
    /// whoever can open the database); returns the record's new version. <see cref="DecisionRights"/> says what may be decided.
    /// </summary>
    public Task<long> ApplyAsync(ReviewDecision decision, ChangeContext context, CancellationToken cancellationToken = default) =>
        ApplyAsync(decision, context, Role.Editor, cancellationToken);

    /// <summary>As above, with the rights of <paramref name="role"/>.</summary>
    public async Task<long> ApplyAsync(ReviewDecision decision, ChangeContext context, Role role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(context);
        var reasonContext = new ChangeContext(context.Author, decision.Reason ?? context.Reason ?? $"review: {decision.Action.ToString().ToLowerInvariant()}");
        if (decision.Action is ReviewAction.Split or ReviewAction.Merge or ReviewAction.Link or ReviewAction.UndoSplit)
        {
            return await ReshapeAsync(decision, reasonContext, role, cancellationToken);
        }

        return decision.Kind switch
        {
            "event" => await ApplyAsync<ConflictEvent>(decision, reasonContext, "status", role, cancellationToken),
            "claim" => await ApplyAsync<Claim>(decision, reasonContext, "status", role, cancellationToken),
            "person" => await ApplyAsync<Person>(decision, reasonContext, "review_status", role, cancellationToken),
            "allegation" => await ApplyAsync<Allegation>(decision, reasonContext, "review_status", role, cancellationToken),
            _ => throw new ArgumentException($"unknown record kind '{decision.Kind}' (event, claim, person or allegation)", nameof(decision)),
        };
    }

    /// <summary>Split, merge and link act on an event; each is its own use case, with its rights in <see cref="ReshapeRights"/>. Returns the event's version after.</summary>
    private async Task<long> ReshapeAsync(ReviewDecision decision, ChangeContext context, Role role, CancellationToken cancellationToken)
    {
        if (decision.Kind != "event")
        {
            throw new ArgumentException($"{decision.Kind} {decision.Id}: only events are split, merged or linked from review", nameof(decision));
        }

        switch (decision.Action)
        {
            case ReviewAction.Split:
                var version = decision.Version ?? throw new ArgumentException($"event {decision.Id}: name the version you reviewed (\"version\")", nameof(decision));
                var parts = (decision.Parts ?? []).Select(p => p as System.Text.Json.Nodes.JsonObject ?? throw new ArgumentException($"event {decision.Id}: each part is an object of fields", nameof(decision))).ToList();
                await new SplitEvent(store, clock, fields).RunAsync(decision.Id, version, parts, context, role, cancellationToken);
                break;
            case ReviewAction.UndoSplit:
                await new UndoSplit(store).RunAsync(decision.Id, context, role, cancellationToken);
                break;
            case ReviewAction.Merge:
                return await new MergeProposals(store).RunAsync(decision.Id, decision.Merge ?? [], decision.Version, context, role, cancellationToken);
            default:
                if (decision.Links is not { Count: > 0 } links)
                {
                    throw new ArgumentException($"event {decision.Id}: name the records to link (\"links\": [{{\"kind\": \"person\", \"id\": \"…\"}}])", nameof(decision));
                }

                await new LinkEvent(store).RunAsync(decision.Id, links, context, role, decision.Unlink, cancellationToken);
                break;
        }

        return (await store.Records.GetAsync<ConflictEvent>(decision.Id, cancellationToken))?.Version ?? 0;
    }

    private async Task<long> ApplyAsync<T>(ReviewDecision decision, ChangeContext context, string statusField, Role role, CancellationToken cancellationToken) where T : class
    {
        var stored = await store.Records.GetAsync<T>(decision.Id, cancellationToken)
            ?? throw new RecordNotFoundException($"no {decision.Kind} with id {decision.Id}");
        var node = JsonSerializer.SerializeToNode(stored.Value, MarsadJson.Options)!.AsObject();
        // A decision made on an older version is a conflict first: someone saved since (perhaps this very review).
        if (decision.Version is { } seen && seen != stored.Version)
        {
            throw new ConcurrencyConflictException(decision.Kind, decision.Id, seen, stored.Version);
        }

        DecisionRights.Check(decision, role, node[statusField]?.GetValue<string>(), typeof(T));
        var version = decision.Version!.Value;
        if (decision.Action == ReviewAction.Edit)
        {
            foreach (var (field, value) in decision.Fields ?? [])
            {
                // Which fields a decision may set was checked above, in DecisionRights (the one place for that rule).
                if (decision.Kind == "event")
                {
                    try
                    {
                        fields.SetEventField(node, field, value);
                    }
                    catch (PlainValues.PlainValueException ex)
                    {
                        throw new PlainValues.PlainValueException($"{field}: {ex.Message}", ex.Candidates);
                    }
                }
                else
                {
                    node[field] = value?.DeepClone();
                }
            }
        }

        node[statusField] = decision.Action == ReviewAction.Reject ? "rejected" : "reviewed";
        T updated;
        try
        {
            updated = node.Deserialize<T>(MarsadJson.Options) ?? throw new JsonException("empty record");
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{decision.Kind} {decision.Id}: the edited fields do not make a valid record: {ex.Message}", nameof(decision), ex);
        }
        catch (DomainException ex)
        {
            throw new ArgumentException($"{decision.Kind} {decision.Id}: {ex.Message}", nameof(decision), ex);
        }
        catch (InvalidOperationException ex)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but no text: System.Text.Json refuses to read it as a string.
            throw new ArgumentException($"{decision.Kind} {decision.Id}: an edited field is not Unicode text ({ex.Message})", nameof(decision), ex);
        }

        return (await store.Records.UpdateAsync(updated, version, context, cancellationToken)).Version;
    }

    private static Guid? First(System.Collections.Immutable.ImmutableArray<Guid> ids) => ids.IsDefaultOrEmpty ? null : ids[0];
}

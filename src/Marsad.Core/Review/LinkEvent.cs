using System.Collections.Immutable;
using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Review;

/// <summary>
/// Links an event to persons, claims or allegations (or takes the links back): a register record lists the events it
/// belongs to (its <c>event_ids</c>), so each link is a revision of that record, with who made it and why, and all the
/// links of one decision are saved in one transaction.
/// </summary>
public sealed class LinkEvent(IMarsadStore store)
{
    /// <summary>Returns how many records changed (a link already as asked changes nothing).</summary>
    public async Task<int> RunAsync(Guid eventId, IReadOnlyList<ReviewLink> links, ChangeContext context, Role role, bool unlink = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(context);
        var e = await store.Records.GetAsync<ConflictEvent>(eventId, cancellationToken) ?? throw new RecordNotFoundException($"no event with id {eventId}");
        ReshapeRights.CheckLink(role, e.Value);
        var why = new ChangeContext(context.Author, context.Reason ?? (unlink ? $"unlinked from event {eventId}" : $"linked to event {eventId}"));
        var saves = new List<RecordSave>();
        foreach (var link in links.DistinctBy(l => (l.Kind, l.Id)))
        {
            var save = link.Kind switch
            {
                "person" => await ChangeAsync<Person>(link.Id, p => p.EventIds, (p, ids) => p with { EventIds = ids }, eventId, unlink, why, cancellationToken),
                "claim" => await ChangeAsync<Claim>(link.Id, c => c.EventIds, (c, ids) => c with { EventIds = ids }, eventId, unlink, why, cancellationToken),
                "allegation" => await ChangeAsync<Allegation>(link.Id, a => a.EventIds, (a, ids) => a with { EventIds = ids }, eventId, unlink, why, cancellationToken),
                _ => throw new ArgumentException($"an event is linked to a person, claim or allegation, not a '{link.Kind}'", nameof(links)),
            };
            if (save is not null)
            {
                saves.Add(save);
            }
        }

        await store.Records.SaveManyAsync(saves, cancellationToken);
        return saves.Count;
    }

    private async Task<RecordSave?> ChangeAsync<T>(Guid id, Func<T, ImmutableArray<Guid>> events, Func<T, ImmutableArray<Guid>, T> with,
        Guid eventId, bool unlink, ChangeContext context, CancellationToken cancellationToken) where T : class
    {
        var stored = await store.Records.GetAsync<T>(id, cancellationToken) ?? throw new RecordNotFoundException($"no {typeof(T).Name.ToLowerInvariant()} with id {id}");
        var current = events(stored.Value);
        if (current.Contains(eventId) != unlink)
        {
            return null;
        }

        return new RecordSave(with(stored.Value, unlink ? current.Remove(eventId) : current.Add(eventId)), stored.Version, context);
    }
}

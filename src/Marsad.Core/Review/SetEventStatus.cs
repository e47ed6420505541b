using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Core.Review;

/// <summary>
/// An editor moves an event along review (verify, publish, withdraw, reject, reopen); only the steps <see cref="EventStatusTransitions"/>
/// allows. Publishing a reviewed event passes through verified, and that step is recorded as its own revision, so the
/// history says who verified it as well as who published it.
/// </summary>
public sealed class SetEventStatus(IMarsadStore store)
{
    /// <summary>The words people use for the targets: the statuses, and "withdrawn" (published → verified).</summary>
    public static EventStatus? Target(string word, EventStatus current) => word.Trim().ToLowerInvariant() switch
    {
        "withdrawn" or "withdraw" or "unpublished" => current == EventStatus.Published ? EventStatus.Verified : null,
        var w => Enum.TryParse<EventStatus>(w, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null,
    };

    /// <summary>Returns the event's new version.</summary>
    public async Task<long> RunAsync(Guid id, EventStatus status, long? expectedVersion, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stored = await store.Records.GetAsync<ConflictEvent>(id, cancellationToken) ?? throw new RecordNotFoundException($"no event with id {id}");
        var steps = Steps(stored.Value.Status, status)
            ?? throw new ArgumentException($"event {id}: cannot go from {Name(stored.Value.Status)} to {Name(status)}{(stored.Value.Status == EventStatus.Extracted ? " (review it first: marsad review)" : string.Empty)}");
        var (value, version) = (stored.Value, expectedVersion ?? stored.Version);
        foreach (var step in steps)
        {
            var why = new ChangeContext(context.Author, context.Reason is null ? $"status: {Name(step)}" : $"status: {Name(step)}: {context.Reason}");
            var saved = await store.Records.UpdateAsync(value with { Status = step }, version, why, cancellationToken);
            (value, version) = (saved.Value, saved.Version);
        }

        return version;
    }

    private static IReadOnlyList<EventStatus>? Steps(EventStatus from, EventStatus to) =>
        EventStatusTransitions.IsAllowed(from, to) ? [to]
        : from == EventStatus.Reviewed && to == EventStatus.Published ? [EventStatus.Verified, EventStatus.Published]
        : null;

    private static string Name(EventStatus status) => status.ToString().ToLowerInvariant();
}

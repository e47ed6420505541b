using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Core.Review;

/// <summary>An editor moves an event along review (verify, publish, withdraw, reject, reopen); only the steps <see cref="EventStatusTransitions"/> allows.</summary>
public sealed class SetEventStatus(IMarsadStore store)
{
    /// <summary>Returns the event's new version.</summary>
    public async Task<long> RunAsync(Guid id, EventStatus status, long? expectedVersion, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stored = await store.Records.GetAsync<ConflictEvent>(id, cancellationToken) ?? throw new RecordNotFoundException($"no event with id {id}");
        if (!EventStatusTransitions.IsAllowed(stored.Value.Status, status))
        {
            throw new ArgumentException($"event {id}: cannot go from {Name(stored.Value.Status)} to {Name(status)}", nameof(status));
        }

        var why = new ChangeContext(context.Author, context.Reason ?? $"status: {Name(status)}");
        return (await store.Records.UpdateAsync(stored.Value with { Status = status }, expectedVersion ?? stored.Version, why, cancellationToken)).Version;
    }

    private static string Name(EventStatus status) => status.ToString().ToLowerInvariant();
}

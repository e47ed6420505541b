using Marsad.Domain.Audit;

namespace Marsad.Core.Audit;

/// <summary>Reads and verifies the chain of revisions (appending happens inside the stores' writes).</summary>
public interface IAuditLog
{
    /// <summary>Walks the whole chain in order and checks every link, every hash, and that each record's stored state is the one its last revision sealed.</summary>
    Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Revisions of one record (or all when <paramref name="entityId"/> is null), oldest first.</summary>
    Task<IReadOnlyList<Revision>> ListAsync(Guid? entityId = null, int limit = 1000, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The hash of the revision with this sequence number, or null when there is none.</summary>
    Task<string?> HashAtAsync(long sequence, CancellationToken cancellationToken = default);
}

namespace Marsad.Core.Audit;

/// <summary>
/// The outcome of walking the audit chain: how many revisions verified, the head hash (publish it to
/// anchor the chain), and, when it failed, the first revision that does not verify and why.
/// </summary>
public sealed record AuditVerification(long Checked, string HeadHash, AuditFailure? FirstFailure)
{
    public bool Ok => FirstFailure is null;

    /// <summary>Every failure found (up to a thousand), first by sequence; a broken chain stops at its first break.</summary>
    public IReadOnlyList<AuditFailure> Failures { get; init; } = FirstFailure is null ? [] : [FirstFailure];
}

/// <summary>The first revision (by sequence) that does not verify, what it concerns, and what is wrong with it.</summary>
public sealed record AuditFailure(long Sequence, string EntityType, string EntityId, string Problem);

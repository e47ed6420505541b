using System.Text.RegularExpressions;
using Marsad.Domain.Common;

namespace Marsad.Domain.Audit;

/// <summary>
/// One change to the record: who, when, what (the changed fields as JSON), why. <see cref="Hash"/>
/// is the SHA-256 of this revision's content and <see cref="PreviousHash"/>, so changing any stored
/// revision breaks every hash after it. The first revision's previous hash is 64 zeros.
/// </summary>
public sealed partial record Revision
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public Revision(long sequence, string entityType, Guid entityId, RevisionAction action, string author, DateTimeOffset at, string? reason, string changes, string previousHash, string hash)
    {
        DomainException.ThrowIf(sequence < 1, $"revision: sequence {sequence} must be positive");
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(entityType), "revision: entity type is required");
        DomainException.ThrowIf(entityId == Guid.Empty, "revision: entity id must not be empty");
        DomainException.ThrowIf(!Enum.IsDefined(action), $"revision: action {(int)action} is not defined");
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(author), "revision: author is required");
        ArgumentNullException.ThrowIfNull(changes);
        DomainException.ThrowIf(!HashPattern().IsMatch(previousHash ?? ""), "revision: previous hash must be 64 lower-case hex digits");
        DomainException.ThrowIf(!HashPattern().IsMatch(hash ?? ""), "revision: hash must be 64 lower-case hex digits");
        Sequence = sequence;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Author = author;
        At = at;
        Reason = reason;
        Changes = changes;
        PreviousHash = previousHash!;
        Hash = hash!;
    }

    /// <summary>Position in the one chain of all revisions, from 1.</summary>
    public long Sequence { get; }

    /// <summary>event, claim, person, allegation, document.</summary>
    public string EntityType { get; }

    public Guid EntityId { get; }

    public RevisionAction Action { get; }

    public string Author { get; }

    public DateTimeOffset At { get; }

    public string? Reason { get; }

    /// <summary>JSON object: field → {"old": ..., "new": ...}.</summary>
    public string Changes { get; }

    public string PreviousHash { get; }

    public string Hash { get; }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();
}

using Marsad.Domain.Common;

namespace Marsad.Domain.Documents;

/// <summary>
/// Who reported: an outlet, a field network or a named person. A confidential source's identity
/// is for editors only and never appears in public output.
/// </summary>
public sealed record Source
{
    public Source(Guid id, string name, SourceKind kind = SourceKind.Outlet, bool confidential = false, string? url = null, string? reliabilityNote = null)
    {
        DomainException.ThrowIf(id == Guid.Empty, "source: id must not be empty");
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(name), "source: name is required");
        DomainException.ThrowIf(!Enum.IsDefined(kind), $"source: kind {(int)kind} is not defined");
        Id = id;
        Name = name.Trim();
        Kind = kind;
        Confidential = confidential;
        Url = url;
        ReliabilityNote = reliabilityNote;
    }

    public Guid Id { get; }

    public string Name { get; }

    public SourceKind Kind { get; }

    public bool Confidential { get; }

    public string? Url { get; }

    public string? ReliabilityNote { get; }
}

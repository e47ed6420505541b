using Marsad.Domain.Documents;

namespace Marsad.Core.Sources;

/// <summary>A source as the sources register lists it: identity, kind, confidentiality, reliability note, and how many documents it gave.</summary>
public sealed record SourceInfo(Guid Id, string Name, SourceKind Kind, bool Confidential, string? Url, string? ReliabilityNote, long Documents);

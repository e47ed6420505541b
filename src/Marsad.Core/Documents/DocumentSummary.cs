namespace Marsad.Core.Documents;

/// <summary>One line of <c>marsad documents list</c>: a stored document without its text.</summary>
public sealed record DocumentSummary(Guid Id, string? Title, DateOnly? Published, string? Source, string Origin, int TextLength, string TextSha256, DateTimeOffset ReceivedAt);

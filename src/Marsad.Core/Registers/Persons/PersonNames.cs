namespace Marsad.Core.Registers.Persons;

/// <summary>
/// What duplicate detection compares of one person: every name they are known by (name, aliases, Arabic name) and
/// the facts that can tell two namesakes apart (date of birth, governorate last seen).
/// </summary>
public sealed record PersonNames(Guid Id, IReadOnlyList<string> Names, DateOnly? DateOfBirth = null, string? Admin1 = null);

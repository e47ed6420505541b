namespace Marsad.Core.Registers;

/// <summary>
/// A register record as a role may see it: the record (already masked for the role), the version an update must
/// name, its sources by name (confidential ones masked), and the sensitive fields withheld from this role.
/// </summary>
public sealed record RegisterItem<T>(T Record, long Version, IReadOnlyList<string> Sources, IReadOnlyList<string> Withheld) where T : class;

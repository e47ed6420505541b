namespace Marsad.Core.Ids;

/// <summary>The kinds of record a person names by id, each with its own table and so its own id space.</summary>
public enum IdKind
{
    Event,
    Claim,
    Person,
    Allegation,
    Document,
}

public static class IdKinds
{
    public static string Table(IdKind kind) => kind switch
    {
        IdKind.Event => "events",
        IdKind.Claim => "claims",
        IdKind.Person => "persons",
        IdKind.Allegation => "allegations",
        IdKind.Document => "documents",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Word(IdKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind a review decision or route names ("event", "claim", ...), or null.</summary>
    public static IdKind? FromWord(string? word) =>
        Enum.TryParse<IdKind>(word, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
}

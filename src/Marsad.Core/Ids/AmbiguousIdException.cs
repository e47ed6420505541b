namespace Marsad.Core.Ids;

/// <summary>A typed id prefix that starts more than one record's id; <see cref="Matches"/> names them (the first few).</summary>
public sealed class AmbiguousIdException : ArgumentException
{
    public AmbiguousIdException() { }

    public AmbiguousIdException(string message) : base(message) { }

    public AmbiguousIdException(string message, Exception innerException) : base(message, innerException) { }

    public AmbiguousIdException(string kind, string typed, IReadOnlyList<string> matches)
        : base($"'{typed}' starts the id of more than one {kind}: {string.Join(", ", matches)}; type more of it")
    {
        Matches = matches;
    }

    public IReadOnlyList<string> Matches { get; } = [];
}

namespace Marsad.Core.Review.PlainValues;

/// <summary>A value typed in plain words that could not be read; the message says what forms work, or names the candidates.</summary>
public sealed class PlainValueException : ArgumentException
{
    public PlainValueException() { }

    public PlainValueException(string message) : base(message) { }

    public PlainValueException(string message, Exception innerException) : base(message, innerException) { }

    public PlainValueException(string message, IReadOnlyList<PlaceChoice> candidates) : base(message)
    {
        Candidates = candidates;
    }

    /// <summary>For an ambiguous place: the candidates to pick from, numbered from 1.</summary>
    public IReadOnlyList<PlaceChoice> Candidates { get; } = [];
}

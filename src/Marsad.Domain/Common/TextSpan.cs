namespace Marsad.Domain.Common;

/// <summary>Characters [Start, End) of a document's clean text: the evidence for a field.</summary>
public sealed record TextSpan
{
    public TextSpan(int start, int end)
    {
        DomainException.ThrowIf(start < 0, $"text span: start {start} is negative");
        DomainException.ThrowIf(end < start, $"text span: end {end} is before start {start}");
        Start = start;
        End = end;
    }

    public int Start { get; }

    /// <summary>Exclusive end offset.</summary>
    public int End { get; }

    public int Length => End - Start;
}

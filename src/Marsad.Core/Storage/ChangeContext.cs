namespace Marsad.Core.Storage;

/// <summary>Who makes a change and why; every revision carries both.</summary>
public sealed record ChangeContext
{
    public ChangeContext(string author, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        Author = author.Trim();
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public string Author { get; }

    public string? Reason { get; }
}

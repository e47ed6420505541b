using System.Text.RegularExpressions;
using Marsad.Domain.Common;

namespace Marsad.Domain.Documents;

/// <summary>
/// One report as received: the original bytes, the clean text extraction reads, where it came from
/// and when it was published. <see cref="TextSha256"/> (of the normalised clean text) is its identity
/// for de-duplication; <see cref="OriginalSha256"/> fingerprints the bytes as received. Immutable once stored.
/// </summary>
public sealed partial record Document
{
    public Document(
        Guid id,
        string? title,
        string cleanText,
        string textSha256,
        string originalSha256,
        byte[] original,
        string mediaType,
        DateOnly? published,
        string? sourceName,
        string? url,
        string language,
        string origin,
        DateTimeOffset receivedAt)
    {
        DomainException.ThrowIf(id == Guid.Empty, "document: id must not be empty");
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(cleanText), "document: clean text is empty");
        DomainException.ThrowIf(!Sha256Pattern().IsMatch(textSha256 ?? ""), "document: text SHA-256 must be 64 lower-case hex digits");
        DomainException.ThrowIf(!Sha256Pattern().IsMatch(originalSha256 ?? ""), "document: original SHA-256 must be 64 lower-case hex digits");
        ArgumentNullException.ThrowIfNull(original);
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(mediaType), "document: media type is required");
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(language), "document: language is required");
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(origin), "document: origin (where it was read from) is required");
        Id = id;
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        CleanText = cleanText;
        TextSha256 = textSha256!;
        OriginalSha256 = originalSha256!;
        Original = original;
        MediaType = mediaType;
        Published = published;
        SourceName = string.IsNullOrWhiteSpace(sourceName) ? null : sourceName.Trim();
        Url = url;
        Language = language;
        Origin = origin;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; }

    public string? Title { get; }

    public string CleanText { get; }

    public string TextSha256 { get; }

    public string OriginalSha256 { get; }

    public byte[] Original { get; }

    /// <summary>text/plain, text/markdown, text/html, or the feed's type for feed items.</summary>
    public string MediaType { get; }

    public DateOnly? Published { get; }

    public string? SourceName { get; }

    public string? Url { get; }

    /// <summary>BCP 47 language tag of the text ("en").</summary>
    public string Language { get; }

    /// <summary>Where it was read from: a file path, or "feed.xml#3" for a feed's third item.</summary>
    public string Origin { get; }

    public DateTimeOffset ReceivedAt { get; }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}

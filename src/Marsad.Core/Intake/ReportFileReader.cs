using System.Globalization;
using Marsad.Core.Intake.Parsing;

namespace Marsad.Core.Intake;

/// <summary>
/// Reads one input file into the reports it holds: one for a text, Markdown or HTML file, one per
/// item for a feed. Throws <see cref="IntakeFormatException"/> with a one-line problem when the file
/// cannot be taken (too large, binary, not UTF-8, empty, a malformed feed).
/// </summary>
public static class ReportFileReader
{
    /// <summary>The largest input Marsad reads: far above any report, well below what would exhaust memory.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public static async Task<(byte[] Original, IReadOnlyList<ParsedReport> Reports)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw new IntakeFormatException($"too large ({Megabytes(length)} MB; the limit is {Megabytes(MaxBytes)} MB)");
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            throw new IntakeFormatException("permission denied (cannot read file)");
        }
        catch (IOException ex) when (ex is not FileNotFoundException)
        {
            throw new IntakeFormatException($"cannot read: {ex.Message}");
        }
        catch (FileNotFoundException)
        {
            throw new IntakeFormatException("no such file or directory");
        }

        var text = InputDecoder.Decode(bytes);
        return (bytes, Parse(text, Path.GetExtension(path)));
    }

    /// <summary>Chooses the parser by extension, and by content for names that do not say (a feed saved as .txt, a page without extension).</summary>
    public static IReadOnlyList<ParsedReport> Parse(string text, string extension)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ext = (extension ?? "").ToLowerInvariant();
        if (ext is ".xml" or ".rss" or ".atom" || FeedReader.LooksLikeFeed(text))
        {
            return FeedReader.Read(text);
        }

        if (ext is ".html" or ".htm" || LooksLikeHtml(text))
        {
            return [HtmlReportReader.Read(text)];
        }

        return [PlainTextReader.Read(text, ext is ".md" or ".markdown" ? MediaTypes.Markdown : MediaTypes.PlainText)];
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture);
}

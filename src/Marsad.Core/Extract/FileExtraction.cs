using System.Security.Cryptography;
using Marsad.Core.Intake;
using Marsad.Core.Intake.Parsing;
using Marsad.Extraction;

namespace Marsad.Core.Extract;

/// <summary>
/// <c>extract FILE</c>: reads a report file as intake does (strict UTF-8, HTML cleaned to text, front matter
/// and feed items read) and extracts each report in it. A file that is there but is not a readable report
/// (binary, not UTF-8, empty, too large) gives one result with an error; a file that cannot be opened
/// throws <see cref="FileUnreadableException"/>.
/// </summary>
public static class FileExtraction
{
    /// <summary>
    /// One result per report in the file. <paramref name="published"/> and <paramref name="source"/> apply to reports
    /// that do not state their own (front matter, feed item date), as in <c>marsad ingest</c>. <paramref name="notPlaces"/>:
    /// the sources register's names (<see cref="Sources.SourceNamesNotPlaces"/>), never a place, beside each report's own source.
    /// </summary>
    public static async Task<IReadOnlyList<ExtractionResult>> ExtractAsync(ExtractionEngine engine, string path, DateOnly? published, string? source, CancellationToken cancellationToken, IReadOnlyList<string>? notPlaces = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var (bytes, length, fileId) = await ReadAsync(path, cancellationToken);
        if (bytes is null)
        {
            return [ExtractionResult.Failed(fileId, $"too large ({length} bytes; the limit is {ReportFileReader.MaxBytes})")];
        }

        IReadOnlyList<ParsedReport> reports;
        try
        {
            reports = ReportFileReader.Parse(InputDecoder.Decode(bytes), Path.GetExtension(path));
        }
        catch (IntakeFormatException ex)
        {
            return [ExtractionResult.Failed(fileId, ex.Message)];
        }

        if (reports.Count == 0)
        {
            return [ExtractionResult.Failed(fileId, "no report in the file (a feed without items)")];
        }

        var results = new List<ExtractionResult>(reports.Count);
        foreach (var r in reports)
        {
            // The text intake would store, so evidence offsets agree with an ingested copy of the same file.
            var text = TextNormalizer.Normalize(r.Text);
            results.Add(engine.Extract(new DocumentInput(text, r.PublishedOr(text, published), r.SourceName ?? source, r.Title, NotPlaces: notPlaces)));
        }

        return results;
    }

    // The bytes (null when over the limit: only hashed, never held), the length, and the SHA-256 that names the file.
    private static async Task<(byte[]? Bytes, long Length, string Sha256)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new FileUnreadableException("is a directory, not a file");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            if (stream.Length > ReportFileReader.MaxBytes)
            {
                var hash = await SHA256.HashDataAsync(stream, cancellationToken);
                return (null, stream.Length, Convert.ToHexStringLower(hash));
            }

            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return (bytes, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FileUnreadableException(ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
                UnauthorizedAccessException => "permission denied (cannot read file)",
                _ => $"cannot read: {ex.Message}",
            }, ex);
        }
    }
}

using System.Globalization;

namespace Marsad.Core.Intake.Parsing;

/// <summary>Reads .txt and .md reports, with their optional front matter.</summary>
public static class PlainTextReader
{
    /// <summary>
    /// .txt and .md: an optional front-matter block at the very top ("---" line, "key: value" lines, "---" line;
    /// keys title, published (YYYY-MM-DD), source, url, case-insensitive; unknown keys ignored) is removed from the text and fills the fields.
    /// A block with any line that is not "key: value" is not front matter (a Markdown rule can open a file too).
    /// For text/markdown without a front-matter title, the first "# " heading outside code fences is the title.
    /// For text/plain without front matter, Title stays null.
    /// Throws <see cref="IntakeFormatException"/> when 'published' is not a YYYY-MM-DD date.
    /// </summary>
    public static ParsedReport Read(string text, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mediaType);
        if (mediaType is not (MediaTypes.PlainText or MediaTypes.Markdown))
        {
            throw new ArgumentException($"expected {MediaTypes.PlainText} or {MediaTypes.Markdown}, got '{mediaType}'", nameof(mediaType));
        }

        var lines = text.Split('\n');
        var (fields, bodyStart) = ReadFrontMatter(lines);
        var body = bodyStart == 0 ? text : string.Join('\n', lines, bodyStart, lines.Length - bodyStart);

        var title = Field(fields, "title");
        if (title is null && mediaType == MediaTypes.Markdown)
        {
            title = FirstHeading(lines.AsSpan(bodyStart));
        }

        DateOnly? published = null;
        var publishedText = Field(fields, "published");
        if (publishedText is not null)
        {
            if (!DateOnly.TryParseExact(publishedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new IntakeFormatException($"front matter: 'published' is not a date (YYYY-MM-DD): {publishedText}");
            }

            published = date;
        }

        return new ParsedReport(title, body, published, Field(fields, "source"), Field(fields, "url"), mediaType);
    }

    private static string? Field(Dictionary<string, string>? fields, string key) =>
        fields is not null && fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>The front-matter fields and the index of the first body line; (null, 0) when there is no front matter.</summary>
    private static (Dictionary<string, string>? Fields, int BodyStart) ReadFrontMatter(string[] lines)
    {
        if (lines.Length < 2 || !IsFence(lines[0]))
        {
            return (null, 0);
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (IsFence(line))
            {
                return (fields, i + 1);
            }

            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsKey(line.AsSpan(0, colon)))
            {
                return (null, 0);
            }

            // The first occurrence wins, so a later stray line cannot silently override the title.
            fields.TryAdd(line[..colon], Unquote(line[(colon + 1)..].Trim()));
        }

        return (null, 0);
    }

    private static bool IsFence(string line) => line.TrimEnd() == "---";

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0] ? value[1..^1].Trim() : value;

    private static string? FirstHeading(ReadOnlySpan<string> lines)
    {
        string? fence = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();

            // CommonMark allows up to three spaces before a heading or fence; four make an indented code block.
            if (line.Length - trimmed.Length > 3)
            {
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3];
                continue;
            }

            if (trimmed.StartsWith("# ", StringComparison.Ordinal))
            {
                // A closing run of '#' is decoration, not part of the heading.
                var heading = trimmed[2..].Trim();
                var closing = heading.TrimEnd('#');
                if (closing.Length == 0 || closing.EndsWith(' '))
                {
                    heading = closing.TrimEnd();
                }

                if (heading.Length > 0)
                {
                    return heading;
                }
            }
        }

        return null;
    }
}

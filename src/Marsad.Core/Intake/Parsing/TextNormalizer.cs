using System.Text;

namespace Marsad.Core.Intake.Parsing;

/// <summary>The canonical clean text that de-duplication hashes and evidence offsets point into.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Canonical form, idempotent (Normalize(Normalize(x)) == Normalize(x)):
    /// line breaks (CRLF, CR, VT, FF, NEL, U+2028) become LF and U+2029 a blank line;
    /// control characters other than LF, zero-width and bidi formatting characters, and soft hyphens are removed;
    /// lone surrogates become U+FFFD;
    /// within a line, every run of tabs and other whitespace becomes one space, and each line is trimmed at both ends
    /// (indentation carries no meaning for reports and would defeat de-duplication);
    /// runs of blank lines become exactly one blank line; the whole text is trimmed; finally Unicode NFC.
    /// </summary>
    /// <remarks>NFC relies on <see cref="string.Normalize(NormalizationForm)"/>, which is a no-op for non-ASCII text when the process runs with InvariantGlobalization.</remarks>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var output = new StringBuilder(text.Length);
        var line = new StringBuilder();
        var pendingSpace = false;
        var pendingNewlines = 0;

        void EndLine(int newlines)
        {
            if (line.Length > 0)
            {
                if (output.Length > 0)
                {
                    // A line break between two lines, a blank line when any empty line came between them.
                    output.Append(pendingNewlines > 1 ? "\n\n" : "\n");
                }

                output.Append(line);
                line.Clear();
                pendingNewlines = 0;
            }

            pendingNewlines += newlines;
            pendingSpace = false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    EndLine(1);
                    continue;
                case '\n' or '\v' or '\f' or '\u0085' or '\u2028':
                    EndLine(1);
                    continue;
                case '\u2029':
                    EndLine(2);
                    continue;
                case '\t':
                    pendingSpace = line.Length > 0;
                    continue;
            }

            if (char.IsControl(c) || IsInvisibleFormat(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = line.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                line.Append(' ');
                pendingSpace = false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                line.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // string.Normalize rejects unpaired surrogates; the replacement character keeps the position visible.
                line.Append('\uFFFD');
            }
            else
            {
                line.Append(c);
            }
        }

        EndLine(0);

        // Last, because removing an invisible character can bring a base letter and its combining mark together.
        // NFC never produces whitespace, controls or formatting characters, so the passes above stay satisfied.
        return output.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsInvisibleFormat(char c) => c switch
    {
        '\u00AD' => true, // soft hyphen
        '\u061C' => true, // Arabic letter mark
        '\u180E' => true, // Mongolian vowel separator
        >= '\u200B' and <= '\u200F' => true, // zero-width space, non-joiner, joiner, LRM, RLM
        >= '\u202A' and <= '\u202E' => true, // bidi embeddings and overrides
        >= '\u2060' and <= '\u2064' => true, // word joiner and invisible operators
        >= '\u2066' and <= '\u2069' => true, // bidi isolates
        '\uFEFF' => true, // BOM / zero-width no-break space
        _ => false,
    };
}

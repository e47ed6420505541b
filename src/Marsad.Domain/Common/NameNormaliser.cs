using System.Globalization;
using System.Text;

namespace Marsad.Domain.Common;

/// <summary>
/// The form in which two spellings of one name compare equal: compatibility-decomposed (full-width letters,
/// ligatures), lower case, without diacritics or invisible format characters (soft hyphen, zero-width
/// joiners), and every run of whitespace or punctuation (a non-breaking space, a newline, a trailing '.')
/// as one space. Confidential names are found, and sources told apart, in this form; it keeps, for each
/// character it yields, where that came from in the original, so a match can be cut out of the original text.
/// </summary>
public static class NameNormaliser
{
    /// <summary>The normal form of a name (trimmed: no leading or trailing space).</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Map(name).Text.Trim();
    }

    /// <summary>The normal form of a text with, for each of its characters, the span of the original it came from.</summary>
    public static Normalised Map(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        var separatorOpen = false;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            i += consumed;
            if (rune.IsAscii)
            {
                var c = (char)rune.Value;
                if (char.IsAsciiLetterOrDigit(c))
                {
                    Append(char.ToLowerInvariant(c), start, i);
                }
                else
                {
                    Separator(start, i);
                }

                continue;
            }

            var decomposed = rune.ToString().Normalize(NormalizationForm.FormKD);
            foreach (var d in decomposed.EnumerateRunes())
            {
                switch (Rune.GetUnicodeCategory(d))
                {
                    // Marks, invisible format characters and transliteration's modifier letters (ʿ ʾ) do not tell names apart.
                    case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                        or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol:
                        break;
                    case var _ when Rune.IsLetterOrDigit(d):
                        foreach (var ch in Rune.ToLowerInvariant(d).ToString())
                        {
                            Append(ch, start, i);
                        }

                        break;
                    default:
                        Separator(start, i);
                        break;
                }
            }
        }

        return new Normalised(sb.ToString(), [.. starts], [.. ends]);

        void Append(char c, int from, int to)
        {
            separatorOpen = false;
            sb.Append(c);
            starts.Add(from);
            ends.Add(to);
        }

        void Separator(int from, int to)
        {
            if (separatorOpen)
            {
                ends[^1] = to;
                return;
            }

            separatorOpen = true;
            sb.Append(' ');
            starts.Add(from);
            ends.Add(to);
        }
    }

    /// <summary>A normalised text; character k came from the original's [Starts[k], Ends[k]).</summary>
    public sealed record Normalised(string Text, int[] Starts, int[] Ends);
}

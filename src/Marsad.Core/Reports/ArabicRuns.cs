using System.Text;
using System.Text.RegularExpressions;

namespace Marsad.Core.Reports;

/// <summary>
/// The Arabic runs of an English report line (a title, a place or actor name as an Arabic report wrote it, a quoted
/// statement): each is isolated so that the bidi algorithm orders it on its own, and the brackets, figures and Latin
/// names around it stay where an English reader expects them ("Military Forces of Syria (2000-) (قوات النظام)").
/// </summary>
public static partial class ArabicRuns
{
    /// <summary>First strong isolate … pop directional isolate (Unicode bidi, UAX #9): for plain text and Markdown.</summary>
    public const char FirstStrongIsolate = '\u2068';

    public const char PopIsolate = '\u2069';

    /// <summary><paramref name="text"/> with <paramref name="plain"/> applied to what is not Arabic and <paramref name="arabic"/> to each Arabic run.</summary>
    public static string Isolate(string? text, Func<string, string> plain, Func<string, string> arabic)
    {
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(arabic);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (Match run in Run().Matches(text))
        {
            result.Append(plain(text[at..run.Index])).Append(arabic(run.Value));
            at = run.Index + run.Length;
        }

        return result.Append(plain(text[at..])).ToString();
    }

    /// <summary>Plain text (Markdown) with each Arabic run between FSI and PDI.</summary>
    public static string IsolatePlain(string? text, Func<string, string> escape) =>
        Isolate(text, escape, run => FirstStrongIsolate + escape(run) + PopIsolate);

    // Arabic letters (and presentation forms), with the spaces, Arabic commas and guillemets between two of them.
    [GeneratedRegex(@"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+(?:[\s\u060C\u061B\u061F«»\u200C-]+[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+)*")]
    private static partial Regex Run();
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marsad.Bench.Extraction.Reports;

/// <summary>
/// The reference scorer's text keys (<c>score_reports.py</c>: <c>norm</c>, <c>norm_ar</c>, <c>key</c>) and its
/// <c>json.dumps</c> rendering, which claims and persons are matched against; kept character for character so
/// that both scorers print the same figures.
/// </summary>
public static partial class ReportKeys
{
    private static readonly (string From, string To)[] Folds =
        [("ou", "u"), ("ee", "i"), ("oo", "u"), ("kh", "k"), ("q", "k"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("gh", "g"), ("e", "a"), ("o", "u")];

    public static string Key(string? s)
    {
        var k = Norm(s);
        return k.Length > 0 ? k : NormArabic(s);
    }

    public static string Norm(string? s)
    {
        s = (s ?? string.Empty).ToLowerInvariant();
        s = Apostrophes().Replace(s, " ");
        s = Particles().Replace(s, " ");
        s = NotLatin().Replace(s, " ");
        foreach (var (from, to) in Folds)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        s = Doubled().Replace(s, "$1");
        return string.Concat(s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static string NormArabic(string? s)
    {
        s = ArabicMarks().Replace(s ?? string.Empty, string.Empty);
        foreach (var (from, to) in new[] { ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ؤ", "و"), ("ئ", "ي") })
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        s = ArabicArticle().Replace(s.Trim(), string.Empty, 1);
        return string.Concat(ArabicLetters().Matches(s).Select(m => m.Value));
    }

    /// <summary>Python's <c>json.dumps(value, ensure_ascii=False)</c> of a parsed JSON value.</summary>
    public static string PythonDumps(JsonElement e)
    {
        var sb = new StringBuilder();
        Dump(sb, e);
        return sb.ToString();
    }

    private static void Dump(StringBuilder sb, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                var first = true;
                foreach (var p in e.EnumerateObject())
                {
                    sb.Append(first ? string.Empty : ", ");
                    first = false;
                    DumpString(sb, p.Name);
                    sb.Append(": ");
                    Dump(sb, p.Value);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    sb.Append(i++ == 0 ? string.Empty : ", ");
                    Dump(sb, item);
                }

                sb.Append(']');
                break;
            case JsonValueKind.String:
                DumpString(sb, e.GetString()!);
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            default:
                sb.Append(e.GetRawText());
                break;
        }
    }

    private static void DumpString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        sb.Append('"');
    }

    [GeneratedRegex("['’‘`ʿʾ\\-]")]
    private static partial Regex Apostrophes();

    [GeneratedRegex(@"\b(al|el|ad|ar|as|ash|at|az|an|um|umm|town|village|city|area|countryside|of|the)\b")]
    private static partial Regex Particles();

    [GeneratedRegex("[^a-z0-9 ]")]
    private static partial Regex NotLatin();

    [GeneratedRegex("(.)\\1")]
    private static partial Regex Doubled();

    [GeneratedRegex("[\u064B-\u0652\u0640]")]
    private static partial Regex ArabicMarks();

    [GeneratedRegex("^(و|ب|ل|ف)?ال")]
    private static partial Regex ArabicArticle();

    [GeneratedRegex("[\u0621-\u064A]+")]
    private static partial Regex ArabicLetters();
}

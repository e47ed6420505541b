using System.Text;

namespace Marsad.Tests.Support;

/// <summary>
/// The hostile and odd inputs of issue 15, made on demand (never stored): each is the shape an attacker or a broken
/// feed would send, at the size that once tied Marsad up. The bench (<c>hostile-input</c>) and the bounded-input tests
/// write the same bytes, so what the tests guard is what the bench measures.
/// </summary>
public static class HostileInputs
{
    /// <summary>
    /// One input: its name, a file name (its extension picks the reader), how Marsad is run on it ("ingest" to store
    /// and extract, "extract" for a report file, "extract-jsonl" for JSON Lines) and the bytes, made when asked.
    /// </summary>
    public sealed record Input(string Name, string FileName, string Command, Func<byte[]> Bytes);

    // Sentences we wrote, in the style of a conflict report (no report text is copied).
    private const string Line = "On 3 March 2023, regime forces shelled Kafr Nabl in the southern countryside of Idlib, killing two civilians.";
    private const string Short = "Regime forces shelled Saraqib, killing two civilians.";
    private const string Calm = "The council met on Tuesday to discuss the water supply in the eastern districts.";

    public static IReadOnlyList<Input> All { get; } =
    [
        new("nested-div-1.1MB", "nested-div.html", "ingest", () => Html(Nest("<div>", "</div>", 100_000, Line))),
        new("nested-b-i-1.8MB", "nested-bi.html", "ingest", () => Html(Nest("<b><i>", "</i></b>", 128_000, Line))),
        new("rss-200k-nested", "nested.rss", "ingest", NestedRss),
        new("comma-places-4MB", "places.txt", "ingest", CommaPlaces),
        new("repeated-lines-47k", "repeated.txt", "ingest", () => Utf8(Repeat(Short + "\n", 47_000))),
        new("unclosed-table-3MB", "table.html", "ingest", UnclosedTable),
        new("lone-surrogate-jsonl", "surrogate.jsonl", "extract-jsonl", LoneSurrogateJsonl),
        new("report-4.5MB", "large.txt", "ingest", () => Utf8(Repeat(Line + " " + Calm + "\n\n", 4_500_000 / (Line.Length + Calm.Length + 3)))),
        new("utf16-bom-report", "utf16.txt", "ingest", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Repeat(Line + "\n\n", 20))]),
    ];

    public static Input Named(string name) => All.Single(i => i.Name == name);

    /// <summary>Writes the input into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(Input input, string folder)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = Path.Combine(folder, input.FileName);
        File.WriteAllBytes(path, input.Bytes());
        return path;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    private static string Nest(string open, string close, int depth, string inner) =>
        new StringBuilder((open.Length + close.Length) * depth + inner.Length).Insert(0, open, depth).Append(inner).Insert(open.Length * depth + inner.Length, close, depth).ToString();

    private static byte[] Html(string body) =>
        Utf8($"<!doctype html><html><head><title>Daily report</title></head><body>{body}</body></html>");

    private static byte[] NestedRss()
    {
        var item = Nest("<span>", "</span>", 200_000, "x");
        return Utf8($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title><item><title>Report</title><description>{Line}</description><extra>{item}</extra></item></channel></rss>");
    }

    // "shelled A, B, C, ...": one sentence listing places, about 4 MB.
    private static byte[] CommaPlaces()
    {
        string[] names = ["Kafr Nabl", "Saraqib", "Maarrat al-Numan", "Ariha", "Jisr al-Shughur", "Khan Shaykhun", "Sarmin", "Binnish"];
        var sb = new StringBuilder(4_200_000).Append("On 3 March 2023, regime forces shelled ");
        for (var i = 0; sb.Length < 4_000_000; i++)
        {
            sb.Append(names[i % names.Length]).Append(", ");
        }

        return Utf8(sb.Append("and Taftanaz, killing two civilians.\n").ToString());
    }

    private static byte[] UnclosedTable()
    {
        var sb = new StringBuilder(3_100_000).Append("<!doctype html><html><body><p>").Append(Line).Append("</p><table>");
        while (sb.Length < 3_000_000)
        {
            sb.Append("<tr><td>Idlib<td>2<td>shelling");
        }

        return Utf8(sb.ToString());
    }

    // A good record, one whose text holds a lone surrogate (valid JSON, not valid UTF-16), and another good record.
    private static byte[] LoneSurrogateJsonl() => Utf8(
        $"{{\"id\":\"a\",\"text\":\"{Line}\",\"published\":\"2023-03-04\"}}\n" +
        "{\"id\":\"b\",\"text\":\"Shelling on \\ud800 Saraqib killed one.\",\"published\":\"2023-03-04\"}\n" +
        $"{{\"id\":\"c\",\"text\":\"{Line}\",\"published\":\"2023-03-04\"}}\n");
}

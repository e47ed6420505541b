using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Access;
using Marsad.Domain.Common;

namespace Marsad.Core.Events;

/// <summary>
/// Replaces confidential source names with <see cref="RoleRules.ConfidentialSourceName"/> in text a role below
/// editor receives. Names are found in <see cref="NameNormaliser"/>'s form, so a different case, a
/// non-breaking space, a line break, a soft hyphen, full-width letters or diacritics, or punctuation between
/// or after the words do not let a name through; a name is replaced wherever its words stand together as
/// whole words, even where they name something else (a place, a person): over-redaction is the price of
/// never leaking. JSON is redacted value by value (escapes decoded first). The common case (plain ASCII
/// text without any name's longest word) is one vectorised scan.
/// </summary>
public sealed class ConfidentialNames
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string[] _keys;
    private readonly SearchValues<string>? _asciiWords;

    public ConfidentialNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _keys = [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(NameNormaliser.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderByDescending(k => k.Length)];
        var words = _keys.Select(k => k.Split(' ').MaxBy(w => w.Length)!).Where(w => Ascii.IsValid(w)).Distinct(StringComparer.Ordinal).ToArray();
        _asciiWords = words.Length == 0 ? null : SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
    }

    public static ConfidentialNames None { get; } = new([]);

    /// <summary>The names in <see cref="NameNormaliser"/>'s form (lower case, words joined by one space), longest first.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>Whether there is nothing to hide (no confidential names): callers may pass text on untouched.</summary>
    public bool IsEmpty => _keys.Length == 0;

    /// <summary>Whether the text (plain, not JSON) holds any of the names in any spelling.</summary>
    public bool Occurs(ReadOnlySpan<char> text) => MayOccur(text) && Spans(text.ToString()).Count > 0;

    /// <summary>
    /// A stored JSON payload (UTF-8) with every string value redacted; when no name can occur (the common case)
    /// the bytes come back as they are, without a string made of them.
    /// </summary>
    public byte[] Scrub(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        if (IsEmpty)
        {
            return utf8;
        }

        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(utf8, chars);
            if (!MayOccur(chars.AsSpan(0, count)))
            {
                return utf8;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        var node = JsonNode.Parse(utf8);
        return Walk(node) ? Encoding.UTF8.GetBytes(node!.ToJsonString(Relaxed)) : utf8;
    }

    /// <summary>JSON text with every string value redacted (a revision's changes, a serialised record).</summary>
    public string ScrubJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (IsEmpty || !MayOccur(json))
        {
            return json;
        }

        var node = JsonNode.Parse(json);
        return Walk(node) ? node!.ToJsonString(Relaxed) : json;
    }

    /// <summary>Plain text with every name replaced.</summary>
    public string Scrub(string text) => Redact(text).Text;

    /// <summary>
    /// Plain text with every name replaced, and where each offset of the original now stands, so that evidence
    /// spans into the original still point at the same words after redaction.
    /// </summary>
    public Redaction Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsEmpty || !MayOccur(text))
        {
            return new Redaction(text, []);
        }

        var spans = Spans(text);
        if (spans.Count == 0)
        {
            return new Redaction(text, []);
        }

        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in spans)
        {
            sb.Append(text, at, start - at).Append(RoleRules.ConfidentialSourceName);
            at = end;
        }

        sb.Append(text, at, text.Length - at);
        return new Redaction(sb.ToString(), spans);
    }

    private bool MayOccur(ReadOnlySpan<char> text)
    {
        if (IsEmpty)
        {
            return false;
        }

        // Only plain ASCII without JSON \u escapes is certain to show a name's longest word as it is.
        if (!Ascii.IsValid(text) || text.Contains("\\u", StringComparison.Ordinal))
        {
            return true;
        }

        // A name with a non-ASCII letter cannot stand in ASCII text; the others show their longest word.
        return _asciiWords is not null && text.IndexOfAny(_asciiWords) >= 0;
    }

    /// <summary>The original spans that hold a name, in order, overlaps joined.</summary>
    private List<(int Start, int End)> Spans(string text)
    {
        var normal = NameNormaliser.Map(text);
        var found = new List<(int Start, int End)>();
        foreach (var key in _keys)
        {
            var from = 0;
            while (from <= normal.Text.Length - key.Length)
            {
                var p = normal.Text.IndexOf(key, from, StringComparison.Ordinal);
                if (p < 0)
                {
                    break;
                }

                var end = p + key.Length;
                if ((p == 0 || normal.Text[p - 1] == ' ') && (end == normal.Text.Length || normal.Text[end] == ' '))
                {
                    found.Add((normal.Starts[p], normal.Ends[end - 1]));
                }

                from = p + 1;
            }
        }

        found.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var span in found)
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private bool Walk(JsonNode? node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        var s = value.GetValue<string>();
                        var scrubbed = Scrub(s);
                        if (!ReferenceEquals(s, scrubbed))
                        {
                            obj[name] = scrubbed;
                            changed = true;
                        }
                    }
                    else
                    {
                        changed |= Walk(child);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        var s = value.GetValue<string>();
                        var scrubbed = Scrub(s);
                        if (!ReferenceEquals(s, scrubbed))
                        {
                            array[i] = scrubbed;
                            changed = true;
                        }
                    }
                    else
                    {
                        changed |= Walk(array[i]);
                    }
                }

                break;
        }

        return changed;
    }
}

/// <summary>Redacted text, and the original spans that were replaced (in order), to move offsets into the original.</summary>
public sealed record Redaction(string Text, IReadOnlyList<(int Start, int End)> Replaced)
{
    /// <summary>Where an offset of the original stands in the redacted text (an offset inside a replaced span moves to its start).</summary>
    public int Map(int offset)
    {
        var shift = 0;
        foreach (var (start, end) in Replaced)
        {
            if (offset < end)
            {
                return offset <= start ? offset + shift : start + shift;
            }

            shift += RoleRules.ConfidentialSourceName.Length - (end - start);
        }

        return offset + shift;
    }

    /// <summary>The end of a span: an end inside a replaced span moves to the end of its replacement.</summary>
    public int MapEnd(int offset)
    {
        var shift = 0;
        foreach (var (start, end) in Replaced)
        {
            if (offset <= start)
            {
                return offset + shift;
            }

            if (offset < end)
            {
                return start + shift + RoleRules.ConfidentialSourceName.Length;
            }

            shift += RoleRules.ConfidentialSourceName.Length - (end - start);
        }

        return offset + shift;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Unicode;
using Marsad.Extraction;

namespace Marsad.Core.Extract;

/// <summary>
/// One JSON Lines input record, <c>{"id", "text", "published", "source"?, "title"?}</c>, read into a
/// <see cref="DocumentInput"/>, or the one-line reason it cannot be. Fields other than these are ignored.
/// </summary>
public static class JsonlRecordParser
{
    /// <summary>What a line held: the input to extract (null when it cannot be), its id, and problems found.</summary>
    public sealed record Parsed(DocumentInput? Input, string Id, IReadOnlyList<string> Problems);

    public static Parsed Parse(RawLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.TooLong)
        {
            return Failed(HashId(line), string.Create(CultureInfo.InvariantCulture, $"line {line.Number}: longer than the limit ({line.ByteCount} bytes); skipped"));
        }

        if (line.Bytes.AsSpan().Trim(" \t"u8).IsEmpty)
        {
            return Failed(HashId(line), string.Create(CultureInfo.InvariantCulture, $"line {line.Number}: empty line"));
        }

        if (!Utf8.IsValid(line.Bytes))
        {
            return Failed(HashId(line), string.Create(CultureInfo.InvariantCulture, $"line {line.Number}: not valid UTF-8"));
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line.Bytes);
        }
        catch (JsonException ex)
        {
            return Failed(HashId(line), string.Create(CultureInfo.InvariantCulture, $"line {line.Number}: not JSON ({FirstSentence(ex.Message)})"));
        }

        using (json)
        {
            try
            {
                return Read(json.RootElement, line);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses to turn an escaped lone surrogate ("\ud800") into a string: valid JSON, not text.
                return Failed(HashId(line), string.Create(CultureInfo.InvariantCulture, $"line {line.Number}: a string holds an escaped lone surrogate (not Unicode text); skipped"));
            }
        }
    }

    private static Parsed Read(JsonElement root, RawLine line)
    {
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed(HashId(line), string.Create(CultureInfo.InvariantCulture, $"line {line.Number}: not a JSON object"));
            }

            var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (idValue.ValueKind == JsonValueKind.String ? idValue.GetString()! : idValue.GetRawText())
                : HashId(line);
            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                return Failed(id, string.Create(CultureInfo.InvariantCulture, $"line {line.Number}: missing \"text\" (a string)"));
            }

            var problems = new List<string>();
            DateOnly? published = null;
            if (root.TryGetProperty("published", out var p) && p.ValueKind != JsonValueKind.Null)
            {
                if (p.ValueKind == JsonValueKind.String && TryParseDate(p.GetString()!, out var date))
                {
                    published = date;
                }
                else
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {line.Number}: \"published\" is not a date (YYYY-MM-DD or an ISO timestamp); relative dates left unresolved"));
                }
            }

            var input = new DocumentInput(text.GetString()!, published, OptionalString(root, "source"), OptionalString(root, "title"), id);
            return new Parsed(input, id, problems);
        }
    }

    // Without an id of its own a record is named by the hash of its bytes, as a document is by its text's.
    private static string HashId(RawLine line) => Convert.ToHexStringLower(SHA256.HashData(line.Bytes));

    private static Parsed Failed(string id, string problem) => new(null, id, [problem]);

    // A timestamp's date part is the publication day; the time of day does not move relative dates.
    private static bool TryParseDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s.Length > 10 && s[10] is 'T' or ' ' ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}

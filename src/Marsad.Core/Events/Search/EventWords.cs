using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marsad.Domain.Common;

namespace Marsad.Core.Events.Search;

/// <summary>
/// The words a text search compares, on every database alike: an event's text fields (the JSON's string values, never
/// its keys, ids or numbers) and a query, both in <see cref="NameNormaliser"/>'s form, the form confidential names are
/// redacted in: case, diacritics ("Ḥasan" is "hasan"), full-width letters, Arabic tashkeel and tatweel, and the hamza
/// on an alef do not tell words apart. The databases then only index and look up these words as they are.
/// </summary>
public static class EventWords
{
    /// <summary>Longer words are cut (a PostgreSQL lexeme holds at most 2,046 bytes; no one searches for a word that long).</summary>
    public const int MaxWordLength = 100;

    /// <summary>The distinct words of a stored event's JSON, joined by one space.</summary>
    public static string OfPayload(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        using (var document = JsonDocument.Parse(json))
        {
            Walk(document.RootElement);
        }

        return string.Join(' ', ordered);

        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case JsonValueKind.String:
                    var value = element.GetString()!;
                    // An id is no text anyone searches for, and thousands of them would bloat the index.
                    if (!Guid.TryParse(value, out _))
                    {
                        foreach (var word in Split(value))
                        {
                            if (words.Add(word))
                            {
                                ordered.Add(word);
                            }
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The words of a search, in order, each once; empty when it holds no letter or digit.</summary>
    public static IReadOnlyList<string> OfQuery(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. Split(text).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<string> Split(string text) =>
        NameNormaliser.Map(text).Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w);

    /// <summary>What the public words were redacted with: a hash of the confidential names' normal forms, in order.</summary>
    public static string Fingerprint(ConfidentialNames secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var keys = secrets.Keys.Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', keys))));
    }
}

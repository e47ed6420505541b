using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Marsad.Core.Audit;

/// <summary>
/// One row of a <see cref="SealedTable"/> in canonical form: a JSON object of its columns in the table's order, digested
/// columns as <c>sha256:…</c>. The revision that seals the row carries this JSON as its changes and its hash as its state,
/// so verify can both detect an edit (state) and name the columns that differ (changes).
/// </summary>
internal static class SealedRow
{
    public static (Guid Id, string Json) Read(SealedTable table, DbDataReader reader)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var name = table.Columns[i];
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                values[name] = value;
                json.WritePropertyName(name);
                Write(json, value, table.Digested.Contains(name));
            }

            json.WriteEndObject();
        }

        return (table.Id(values), Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static string State(string json) => RevisionHasher.Sha256Hex(json);

    /// <summary>The columns whose values differ between two canonical forms (all of them when the sealed one cannot be read).</summary>
    public static IReadOnlyList<string> Differences(SealedTable table, string sealedJson, string storedJson)
    {
        try
        {
            using var sealedDoc = JsonDocument.Parse(sealedJson);
            using var storedDoc = JsonDocument.Parse(storedJson);
            return [.. table.Columns.Where(c =>
                !sealedDoc.RootElement.TryGetProperty(c, out var a) || !storedDoc.RootElement.TryGetProperty(c, out var b)
                || a.GetRawText() != b.GetRawText())];
        }
        catch (JsonException)
        {
            return table.Columns;
        }
    }

    private static void Write(Utf8JsonWriter json, object? value, bool digest)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case byte[] bytes:
                json.WriteStringValue("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
                break;
            case string text when digest:
                json.WriteStringValue("sha256:" + RevisionHasher.Sha256Hex(text));
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case long or int or short or byte or bool:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}

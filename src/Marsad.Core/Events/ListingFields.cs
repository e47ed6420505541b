using System.Text.Json;
using Marsad.Core.Records;

namespace Marsad.Core.Events;

/// <summary>
/// What a listing reads from a stored payload besides copying it whole: its top-level <c>document_ids</c> (for the
/// source names) and, when asked, its place line (<see cref="Names.PlaceLine"/>, from <c>location</c>'s name, admin2 and
/// admin1). One pass of the reader for both: a page of a hundred events read each payload twice before.
/// </summary>
internal readonly record struct ListingFields(Guid[] Documents, IReadOnlyList<string>? PlaceLine)
{
    public static ListingFields Read(ReadOnlySpan<byte> payload, bool withPlaceLine)
    {
        var reader = new Utf8JsonReader(payload);
        reader.Read();
        Guid[] documents = [];
        string? name = null, admin1 = null, admin2 = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(RecordKind.DocumentsField))
            {
                reader.Read();
                documents = reader.TokenType == JsonTokenType.StartArray ? Ids(ref reader) : Skipped(ref reader);
            }
            else if (withPlaceLine && reader.ValueTextEquals("location"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (isName, isAdmin1, isAdmin2) = (reader.ValueTextEquals("name"u8), reader.ValueTextEquals("admin1"u8), reader.ValueTextEquals("admin2"u8));
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        reader.Skip();
                    }
                    else if (isName)
                    {
                        name = reader.GetString();
                    }
                    else if (isAdmin1)
                    {
                        admin1 = reader.GetString();
                    }
                    else if (isAdmin2)
                    {
                        admin2 = reader.GetString();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ListingFields(documents, withPlaceLine ? Names.PlaceLine.Parts(name, admin2, admin1) : null);
    }

    /// <summary>The array's ids up to its first value that is not a string; the reader is left on the array's end.</summary>
    private static Guid[] Ids(ref Utf8JsonReader reader)
    {
        var ids = new List<Guid>(1);
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            ids.Add(reader.GetGuid());
        }

        while (reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
            reader.Read();
        }

        return [.. ids];
    }

    private static Guid[] Skipped(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return [];
    }
}

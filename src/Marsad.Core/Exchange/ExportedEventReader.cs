using System.Collections.Immutable;
using System.Text.Json;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Exchange;

/// <summary>
/// Reads a stored event payload for the column formats in one pass of a <see cref="Utf8JsonReader"/>, building the
/// model through its own constructors and setters (so every domain check still runs) and stepping over the members
/// of <see cref="ExportedFields.Unwritten"/>. The serializer spent more per event on its own bookkeeping (a frame
/// stack grown and copied for each nested object) than on the values. It reads only the shapes
/// <see cref="MarsadJson"/> writes; anything else (an escaped name, a member it does not know, a value of another
/// shape) makes it give up, and <see cref="ExportedFields.Read"/> hands that payload to the serializer instead, so
/// the result is always what the serializer would have built.
/// </summary>
internal static class ExportedEventReader
{
    private static readonly byte[][] UnwrittenNames = [.. ExportedFields.Unwritten.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>The event, or null when the payload holds something this reader leaves to the serializer.</summary>
    public static ConflictEvent? TryRead(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        try
        {
            return Event(ref reader);
        }
        catch (Exception ex) when (ex is Unreadable or JsonException or InvalidOperationException or FormatException or DomainException)
        {
            // The reader's own complaints (a token of another type than the one asked for) and the model's checks
            // alike: the serializer reads the payload again and says what it says about it.
            return null;
        }
    }

    private static ConflictEvent Event(ref Utf8JsonReader reader)
    {
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        Guid? id = null;
        AcledSubEventType? subType = null;
        DateSpan? date = null;
        var tags = ImmutableArray<string>.Empty;
        string? actor1 = null, actor2 = null, summary = null;
        var assoc1 = ImmutableArray<string>.Empty;
        var assoc2 = ImmutableArray<string>.Empty;
        Location? location = null;
        var quantities = Domain.Common.Quantities.Empty;
        var status = EventStatus.Extracted;
        Grade? grade = null;
        EventOrigin? origin = null;
        while (Next(ref reader))
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("id"u8))
            {
                id = reader.GetGuid();
            }
            else if (name.SequenceEqual("sub_event_type"u8))
            {
                subType = AcledSubEventType.FromLabel(Text(ref reader)) ?? throw new Unreadable();
            }
            else if (name.SequenceEqual("event_type"u8))
            {
                // The sub-event type's parent: the model derives it.
                Expect(reader.TokenType == JsonTokenType.String);
            }
            else if (name.SequenceEqual("tags"u8))
            {
                tags = Strings(ref reader);
            }
            else if (name.SequenceEqual("date"u8))
            {
                date = Date(ref reader);
            }
            else if (name.SequenceEqual("actor1"u8))
            {
                actor1 = OptionalText(ref reader);
            }
            else if (name.SequenceEqual("actor2"u8))
            {
                actor2 = OptionalText(ref reader);
            }
            else if (name.SequenceEqual("assoc_actor1"u8))
            {
                assoc1 = Strings(ref reader);
            }
            else if (name.SequenceEqual("assoc_actor2"u8))
            {
                assoc2 = Strings(ref reader);
            }
            else if (name.SequenceEqual("location"u8))
            {
                location = reader.TokenType == JsonTokenType.Null ? null : Location(ref reader);
            }
            else if (name.SequenceEqual("quantities"u8))
            {
                quantities = Quantities(ref reader);
            }
            else if (name.SequenceEqual("summary"u8))
            {
                summary = OptionalText(ref reader);
            }
            else if (name.SequenceEqual("status"u8))
            {
                status = Names<EventStatus>.Read(ref reader);
            }
            else if (name.SequenceEqual("grade"u8))
            {
                grade = reader.TokenType == JsonTokenType.Null ? null : Names<Grade>.Read(ref reader);
            }
            else if (name.SequenceEqual("origin"u8))
            {
                origin = reader.TokenType == JsonTokenType.Null ? null : Origin(ref reader);
            }
            else if (Unwritten(name))
            {
                reader.Skip();
            }
            else
            {
                throw new Unreadable();
            }
        }

        Expect(reader.TokenType == JsonTokenType.EndObject && id is not null && subType is not null && date is not null);
        return new ConflictEvent
        {
            Id = id!.Value,
            SubEventType = subType!,
            Tags = tags,
            Date = date!,
            Actor1 = actor1,
            Actor2 = actor2,
            AssocActor1 = assoc1,
            AssocActor2 = assoc2,
            Location = location,
            Quantities = quantities,
            Summary = summary,
            Status = status,
            Grade = grade,
            Origin = origin,
        };
    }

    private static bool Unwritten(ReadOnlySpan<byte> name)
    {
        foreach (var unwritten in UnwrittenNames)
        {
            if (name.SequenceEqual(unwritten))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves to the object's next member name (false at its end); an escaped name is left to the serializer.</summary>
    private static bool Next(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        Expect(reader.TokenType == JsonTokenType.PropertyName && !reader.ValueIsEscaped);
        return true;
    }

    private static DateSpan Date(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return DateSpan.Unresolved;
        }

        Expect(reader.TokenType == JsonTokenType.StartObject);
        DateOnly? start = null, end = null;
        TimePrecision? precision = null;
        while (Next(ref reader))
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("start"u8))
            {
                start = Day(ref reader);
            }
            else if (name.SequenceEqual("end"u8))
            {
                end = Day(ref reader);
            }
            else if (name.SequenceEqual("precision"u8))
            {
                precision = Names<TimePrecision>.Read(ref reader);
            }
            else
            {
                throw new Unreadable();
            }
        }

        Expect(start is not null && end is not null && precision is not null);
        return new DateSpan(start!.Value, end!.Value, precision!.Value);
    }

    /// <summary>A day as the serializer writes it, yyyy-MM-dd; any other form is left to the serializer.</summary>
    private static DateOnly Day(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped);
        var text = reader.ValueSpan;
        Expect(text.Length == 10 && text[4] == (byte)'-' && text[7] == (byte)'-');
        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        Expect(year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, day);
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            Expect(c is >= (byte)'0' and <= (byte)'9');
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static Location Location(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        string? name = null, placeId = null, admin1 = null, admin2 = null, admin3 = null;
        GeoPoint? point = null;
        GeoPrecision? precision = null;
        while (Next(ref reader))
        {
            var member = reader.ValueSpan;
            reader.Read();
            if (member.SequenceEqual("name"u8))
            {
                name = OptionalText(ref reader);
            }
            else if (member.SequenceEqual("place_id"u8))
            {
                placeId = OptionalText(ref reader);
            }
            else if (member.SequenceEqual("admin1"u8))
            {
                admin1 = OptionalText(ref reader);
            }
            else if (member.SequenceEqual("admin2"u8))
            {
                admin2 = OptionalText(ref reader);
            }
            else if (member.SequenceEqual("admin3"u8))
            {
                admin3 = OptionalText(ref reader);
            }
            else if (member.SequenceEqual("point"u8))
            {
                point = reader.TokenType == JsonTokenType.Null ? null : Point(ref reader);
            }
            else if (member.SequenceEqual("precision"u8))
            {
                precision = reader.TokenType == JsonTokenType.Null ? null : Names<GeoPrecision>.Read(ref reader);
            }
            else
            {
                throw new Unreadable();
            }
        }

        return new Location(name, placeId, admin1, admin2, admin3, point, precision);
    }

    private static GeoPoint Point(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        double? latitude = null, longitude = null;
        while (Next(ref reader))
        {
            var member = reader.ValueSpan;
            reader.Read();
            if (member.SequenceEqual("latitude"u8))
            {
                latitude = reader.GetDouble();
            }
            else if (member.SequenceEqual("longitude"u8))
            {
                longitude = reader.GetDouble();
            }
            else
            {
                throw new Unreadable();
            }
        }

        Expect(latitude is not null && longitude is not null);
        return new GeoPoint(latitude!.Value, longitude!.Value);
    }

    private static Quantities Quantities(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        var items = new List<KeyValuePair<string, Quantity>>(1);
        while (Next(ref reader))
        {
            var name = reader.GetString()!;
            reader.Read();
            Expect(reader.TokenType == JsonTokenType.StartObject);
            int? low = null, best = null, high = null;
            string? text = null;
            while (Next(ref reader))
            {
                var member = reader.ValueSpan;
                reader.Read();
                if (member.SequenceEqual("low"u8))
                {
                    low = Count(ref reader);
                }
                else if (member.SequenceEqual("best"u8))
                {
                    best = Count(ref reader);
                }
                else if (member.SequenceEqual("high"u8))
                {
                    high = Count(ref reader);
                }
                else if (member.SequenceEqual("text"u8))
                {
                    text = OptionalText(ref reader);
                }
                else
                {
                    throw new Unreadable();
                }
            }

            items.Add(new(name, new Quantity(low, best, high, text)));
        }

        return items.Count == 0 ? Domain.Common.Quantities.Empty : new Quantities(items);
    }

    private static int? Count(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();

    private static EventOrigin Origin(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        string? dataset = null, id = null, version = null;
        var fields = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        var checks = ImmutableArray<string>.Empty;
        while (Next(ref reader))
        {
            var member = reader.ValueSpan;
            reader.Read();
            if (member.SequenceEqual("dataset"u8))
            {
                dataset = Text(ref reader);
            }
            else if (member.SequenceEqual("id"u8))
            {
                id = Text(ref reader);
            }
            else if (member.SequenceEqual("version"u8))
            {
                version = OptionalText(ref reader);
            }
            else if (member.SequenceEqual("fields"u8))
            {
                fields = Fields(ref reader);
            }
            else if (member.SequenceEqual("checks"u8))
            {
                checks = Strings(ref reader);
            }
            else
            {
                throw new Unreadable();
            }
        }

        Expect(dataset is not null && id is not null);
        return new EventOrigin { Dataset = dataset!, Id = id!, Version = version, Fields = fields, Checks = checks };
    }

    /// <summary>The kept columns, in the order they were written (the serializer wrote them sorted, ordinally).</summary>
    private static ImmutableSortedDictionary<string, string> Fields(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = Text(ref reader);
        }

        Expect(reader.TokenType == JsonTokenType.EndObject);
        return map.ToImmutable();
    }

    private static ImmutableArray<string> Strings(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray);
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>();
        do
        {
            items.Add(Text(ref reader));
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);
        return items.DrainToImmutable();
    }

    private static string Text(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.String);
        return reader.GetString()!;
    }

    private static string? OptionalText(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Text(ref reader);

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new Unreadable();
        }
    }

    /// <summary>The payload has something this reader does not take: the serializer reads it.</summary>
    private sealed class Unreadable : Exception;

    /// <summary>Each value of an enum by the name the stored JSON gives it (made by the serializer itself, once).</summary>
    private static class Names<T> where T : struct, Enum
    {
        private static readonly (byte[] Name, T Value)[] All =
            [.. Enum.GetValues<T>().Select(v => (JsonSerializer.SerializeToUtf8Bytes(v, MarsadJson.Options)[1..^1], v))];

        public static T Read(ref Utf8JsonReader reader)
        {
            Expect(reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped);
            foreach (var (name, value) in All)
            {
                if (reader.ValueSpan.SequenceEqual(name))
                {
                    return value;
                }
            }

            throw new Unreadable();
        }
    }
}

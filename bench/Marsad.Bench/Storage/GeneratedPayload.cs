using System.Buffers;
using System.Text.Json;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Bench.Storage;

/// <summary>
/// The stored payload of a generated event (<see cref="Analytics.EventGenerator"/>), written straight into UTF-8 bytes
/// field by field: the serializer's general object path cost about half of the load's generating thread (per row:
/// its write stack, a converter per property, a string, then UTF-16 to UTF-8 again). It covers only what the generator
/// sets; <see cref="Verify"/> compares it byte for byte with <see cref="MarsadJson"/> before a load, so a change to the
/// event's JSON shape stops the bench instead of loading another shape.
/// </summary>
internal static class GeneratedPayload
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText SubEventType = JsonEncodedText.Encode("sub_event_type");
    private static readonly JsonEncodedText EventType = JsonEncodedText.Encode("event_type");
    private static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
    private static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText Precision = JsonEncodedText.Encode("precision");
    private static readonly JsonEncodedText Actor1 = JsonEncodedText.Encode("actor1");
    private static readonly JsonEncodedText Actor2 = JsonEncodedText.Encode("actor2");
    private static readonly JsonEncodedText AssocActor1 = JsonEncodedText.Encode("assoc_actor1");
    private static readonly JsonEncodedText AssocActor2 = JsonEncodedText.Encode("assoc_actor2");
    private static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Admin1 = JsonEncodedText.Encode("admin1");
    private static readonly JsonEncodedText Admin2 = JsonEncodedText.Encode("admin2");
    private static readonly JsonEncodedText Admin3 = JsonEncodedText.Encode("admin3");
    private static readonly JsonEncodedText Point = JsonEncodedText.Encode("point");
    private static readonly JsonEncodedText Latitude = JsonEncodedText.Encode("latitude");
    private static readonly JsonEncodedText Longitude = JsonEncodedText.Encode("longitude");
    private static readonly JsonEncodedText Quantities = JsonEncodedText.Encode("quantities");
    private static readonly JsonEncodedText Low = JsonEncodedText.Encode("low");
    private static readonly JsonEncodedText Best = JsonEncodedText.Encode("best");
    private static readonly JsonEncodedText High = JsonEncodedText.Encode("high");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Aggregate = JsonEncodedText.Encode("aggregate");
    private static readonly JsonEncodedText Incidents = JsonEncodedText.Encode("incidents");
    private static readonly JsonEncodedText Places = JsonEncodedText.Encode("places");
    private static readonly JsonEncodedText Dates = JsonEncodedText.Encode("dates");
    private static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Grade = JsonEncodedText.Encode("grade");
    private static readonly JsonEncodedText DocumentIds = JsonEncodedText.Encode("document_ids");
    private static readonly JsonEncodedText GradeFixed = JsonEncodedText.Encode("grade_fixed");

    /// <summary>The writer options the serializer would use with <see cref="MarsadJson.Options"/> (its encoder: Arabic and quotes kept).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = MarsadJson.Options.Encoder, Indented = false };

    /// <summary>Writes the event's payload as one JSON value; the caller flushes (or resets) the writer.</summary>
    public static void Write(Utf8JsonWriter w, ConflictEvent e)
    {
        w.WriteStartObject();
        w.WriteString(Id, e.Id);
        w.WriteString(SubEventType, e.SubEventType.Label);
        w.WriteString(EventType, e.EventType.Label);
        Strings(w, Tags, e.Tags);
        w.WriteStartObject(Date);
        w.WriteString(Start, EnumText.Iso(e.Date.Start));
        w.WriteString(End, EnumText.Iso(e.Date.End));
        w.WriteString(Precision, EnumText.Of(e.Date.Precision));
        w.WriteEndObject();
        OptionalString(w, Actor1, e.Actor1);
        OptionalString(w, Actor2, e.Actor2);
        Strings(w, AssocActor1, e.AssocActor1);
        Strings(w, AssocActor2, e.AssocActor2);
        if (e.Location is { } place)
        {
            w.WriteStartObject(Location);
            OptionalString(w, Name, place.Name);
            OptionalString(w, Admin1, place.Admin1);
            OptionalString(w, Admin2, place.Admin2);
            OptionalString(w, Admin3, place.Admin3);
            if (place.Point is { } point)
            {
                w.WriteStartObject(Point);
                w.WriteNumber(Latitude, point.Latitude);
                w.WriteNumber(Longitude, point.Longitude);
                w.WriteEndObject();
            }

            if (place.Precision is { } precision)
            {
                w.WriteString(Precision, EnumText.Of(precision));
            }

            w.WriteEndObject();
        }

        w.WriteStartObject(Quantities);
        foreach (var (name, q) in e.Quantities)
        {
            w.WriteStartObject(name);
            OptionalNumber(w, Low, q.Low);
            OptionalNumber(w, Best, q.Best);
            OptionalNumber(w, High, q.High);
            OptionalString(w, Text, q.Text);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (e.Aggregate is { } aggregate)
        {
            w.WriteStartObject(Aggregate);
            w.WriteNumber(Incidents, aggregate.Incidents);
            w.WriteStartArray(Places);
            w.WriteEndArray();
            w.WriteStartArray(Dates);
            foreach (var day in aggregate.Dates)
            {
                w.WriteStringValue(EnumText.Iso(day));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStartObject(Evidence);
        w.WriteEndObject();
        OptionalString(w, Summary, e.Summary);
        w.WriteString(Status, EnumText.Of(e.Status));
        if (e.Grade is { } grade)
        {
            w.WriteString(Grade, EnumText.Of(grade));
        }

        w.WriteStartArray(DocumentIds);
        w.WriteEndArray();
        w.WriteBoolean(GradeFixed, false);
        w.WriteEndObject();
    }

    /// <summary>
    /// Generates <paramref name="count"/> events (a seed of their own) and compares each payload with the serializer's;
    /// the first difference is the error (null when all agree).
    /// </summary>
    public static string? Verify(int count)
    {
        var generator = new Analytics.EventGenerator(12_345);
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        for (var i = 0; i < count; i++)
        {
            var e = generator.Next();
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            Write(writer, e);
            writer.Flush();
            var expected = JsonSerializer.SerializeToUtf8Bytes(e, MarsadJson.Options);
            if (!buffer.WrittenSpan.SequenceEqual(expected))
            {
                return $"generated event {i}: the bench's payload writer differs from MarsadJson's serializer (update Storage/GeneratedPayload.cs).\n  serializer: {System.Text.Encoding.UTF8.GetString(expected)}\n  bench:      {System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan)}";
            }
        }

        return null;
    }

    private static void Strings(Utf8JsonWriter w, JsonEncodedText name, System.Collections.Immutable.ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void OptionalString(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void OptionalNumber(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }
}

/// <summary>Stored names (snake_case, as <see cref="MarsadJson"/> writes them) and ISO days, each made once and shared by the rows.</summary>
internal static class EnumText
{
    private static readonly DateOnly FirstDay = new(1990, 1, 1);
    private static readonly string?[] Days = new string?[60 * 366];

    public static string Of<T>(T value) where T : struct, Enum => Names<T>.Of[value];

    /// <summary>A day as YYYY-MM-DD; days 1990-2049 are kept (a benign race: every thread would store the same text).</summary>
    public static string Iso(DateOnly day)
    {
        var i = day.DayNumber - FirstDay.DayNumber;
        return (uint)i < (uint)Days.Length
            ? Days[i] ??= day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static class Names<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Of = Enum.GetValues<T>().ToDictionary(v => v, v => JsonSerializer.Serialize(v, MarsadJson.Options).Trim('"'));
    }
}

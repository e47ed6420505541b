using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Extraction.Output;

/// <summary>Writes an <see cref="ExtractionResult"/> as the extraction contract's JSON object (DESIGN section 5), field by field.</summary>
public static class ContractJsonWriter
{
    public static void Write(Utf8JsonWriter w, ExtractionResult r)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteStartObject("document");
        w.WriteString("title", r.Document.Title);
        WriteDate(w, "published", r.Document.Published);
        if (r.Document.Undated)
        {
            w.WriteBoolean("undated", true);
        }

        w.WriteString("source", r.Document.Source);
        w.WriteString("language", r.Document.Language);
        w.WriteString("sha256", r.Document.Sha256);
        w.WriteNumber("clean_text_length", r.Document.CleanTextLength);
        w.WriteEndObject();

        WriteArray(w, "events", r.Events, (w, e) => WriteEvent(w, e, r.Undated));
        WriteArray(w, "claims", r.Claims, WriteClaim);
        WriteArray(w, "persons", r.Persons, WritePerson);
        WriteArray(w, "allegations", r.Allegations, WriteAllegation);
        w.WriteStartArray("checks");
        foreach (var c in r.Checks)
        {
            w.WriteStartObject();
            w.WriteString("kind", c.Kind);
            w.WriteString("message", c.Message);
            w.WriteStartArray("evidence");
            foreach (var s in c.Evidence)
            {
                WriteSpan(w, s);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        // Optional (DESIGN section 5): written only when the engine left something out, so a note with nothing to say
        // costs nothing.
        if (r.NotEvents.Length > 0)
        {
            w.WriteStartArray("not_events");
            foreach (var n in r.NotEvents)
            {
                w.WriteStartObject();
                w.WriteString("reason", n.Reason);
                w.WriteString("text", r.CleanText.AsSpan(n.Evidence.Start, Math.Min(n.Evidence.End, r.CleanText.Length) - n.Evidence.Start).Trim());
                w.WritePropertyName("evidence");
                WriteSpan(w, n.Evidence);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("errors");
        foreach (var e in r.Errors)
        {
            w.WriteStringValue(e);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Non-ASCII text (Arabic names, typographic quotes) is written as UTF-8, not as \u escapes; output is never embedded in HTML.
    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The contract JSON of one result as a string (one line unless <paramref name="indented"/>).</summary>
    public static string ToJson(ExtractionResult r, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            Write(w, r);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Appends one result as one line of JSON Lines (compact JSON and a line feed) as UTF-8.</summary>
    public static void WriteLine(IBufferWriter<byte> output, ExtractionResult r)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var w = LineWriter(output);
        WriteLine(w, output, r);
    }

    /// <summary>A writer for <see cref="WriteLine(Utf8JsonWriter, IBufferWriter{byte}, ExtractionResult)"/>, to reuse for many lines into one output.</summary>
    public static Utf8JsonWriter LineWriter(IBufferWriter<byte> output) => new(output, Compact);

    /// <summary>Appends one result as one line of JSON Lines with a writer made by <see cref="LineWriter"/> over the same output (no writer per line).</summary>
    public static void WriteLine(Utf8JsonWriter w, IBufferWriter<byte> output, ExtractionResult r)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(output);
        Write(w, r);
        w.Flush();
        output.Write("\n"u8);
        w.Reset(output); // one top-level value per line: the writer starts afresh after the line feed
    }

    private static void WriteEvent(Utf8JsonWriter w, ConflictEvent e, ImmutableDictionary<Guid, string?> undated)
    {
        w.WriteStartObject();
        w.WriteString("event_type", e.EventType.Label);
        w.WriteString("sub_event_type", e.SubEventType.Label);
        WriteStrings(w, "tags", e.Tags);
        if (e.Date.IsUnresolved || undated.ContainsKey(e.Id))
        {
            // Never an invented date: the words stay for the coder, who sets the document's date.
            w.WriteNull("date");
            w.WriteString("date_text", e.DateText ?? undated.GetValueOrDefault(e.Id));
        }
        else
        {
            WriteDateSpan(w, "date", e.Date);
        }

        w.WriteString("actor1", e.Actor1);
        WriteStrings(w, "assoc_actor_1", e.AssocActor1);
        w.WriteString("actor2", e.Actor2);
        WriteStrings(w, "assoc_actor_2", e.AssocActor2);
        WriteLocation(w, "location", e.Location);
        WriteQuantities(w, e.Quantities);
        if (e.Aggregate is { } a)
        {
            w.WriteStartObject("aggregate");
            w.WriteNumber("incidents", a.Incidents);
            w.WriteStartArray("places");
            foreach (var p in a.Places)
            {
                WriteLocation(w, null, p);
            }

            w.WriteEndArray();
            w.WriteStartArray("dates");
            Span<char> day = stackalloc char[DayLength];
            foreach (var d in a.Dates)
            {
                w.WriteStringValue(Day(d, day));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("aggregate");
        }

        WriteEvidence(w, e.Evidence);
        if (e.Confidence is { } c)
        {
            w.WriteNumber("confidence", c);
        }

        w.WriteEndObject();
    }

    private static void WriteClaim(Utf8JsonWriter w, Claim c)
    {
        w.WriteStartObject();
        w.WriteString("claimant", c.Claimant);
        w.WriteString("statement", c.Statement);
        // Only a statement in another language has a gloss; English output keeps its exact shape.
        if (c.Gloss is not null)
        {
            w.WriteString("statement_en", c.Gloss);
        }

        w.WriteString("verdict", c.Verdict.ToString().ToLowerInvariant());
        w.WriteString("verdict_by", c.VerdictBy);
        WriteDate(w, "date", c.Date);
        WriteEvidence(w, c.Evidence);
        w.WriteEndObject();
    }

    private static void WritePerson(Utf8JsonWriter w, Person p)
    {
        w.WriteStartObject();
        w.WriteString("name", p.Name);
        w.WriteString("status", p.Status.ToString().ToLowerInvariant());
        if (p.GroupSize is { } g)
        {
            w.WritePropertyName("group_size");
            WriteQuantity(w, g);
        }
        else
        {
            w.WriteNull("group_size");
        }

        w.WriteString("fate", p.Fate);
        w.WriteString("held_by", p.HeldBy);
        WriteEvidence(w, p.Evidence);
        w.WriteEndObject();
    }

    private static void WriteAllegation(Utf8JsonWriter w, Allegation a)
    {
        w.WriteStartObject();
        w.WriteString("summary", a.Summary);
        w.WriteString("kind", a.Kind);
        if (a.Date is { } d)
        {
            WriteDateSpan(w, "date", d);
        }
        else
        {
            w.WriteNull("date");
        }

        WriteLocation(w, "location", a.Location);
        w.WriteString("alleged_perpetrator", a.AllegedPerpetrator);
        WriteQuantities(w, a.Quantities);
        w.WriteString("status", StatusLabel(a.Status));
        w.WriteStartArray("history");
        foreach (var step in a.History)
        {
            w.WriteStartObject();
            w.WriteString("status", StatusLabel(step.Status));
            WriteDate(w, "since", step.Since);
            w.WriteString("note", step.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteEvidence(w, a.Evidence);
        w.WriteEndObject();
    }

    private static string StatusLabel(InvestigationStatus s) => s switch
    {
        InvestigationStatus.InvestigationRequested => "investigation requested",
        InvestigationStatus.UnderInvestigation => "under investigation",
        InvestigationStatus.ResponsibilityAcknowledged => "responsibility acknowledged",
        _ => s.ToString().ToLowerInvariant(),
    };

    private static void WriteQuantities(Utf8JsonWriter w, Quantities q)
    {
        w.WriteStartObject("quantities");
        foreach (var (name, value) in q)
        {
            w.WritePropertyName(name);
            WriteQuantity(w, value);
        }

        w.WriteEndObject();
    }

    private static void WriteQuantity(Utf8JsonWriter w, Quantity q)
    {
        w.WriteStartObject();
        WriteInt(w, "low", q.Low);
        WriteInt(w, "best", q.Best);
        WriteInt(w, "high", q.High);
        if (q.Text is not null)
        {
            w.WriteString("text", q.Text);
        }

        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, string? name, Location? l)
    {
        if (l is null)
        {
            if (name is not null)
            {
                w.WriteNull(name);
            }

            return;
        }

        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteString("name", l.Name);
        w.WriteString("place_id", l.PlaceId);
        w.WriteString("admin1", l.Admin1);
        w.WriteString("admin2", l.Admin2);
        w.WriteString("admin3", l.Admin3);
        if (l.Point is { } p)
        {
            w.WriteNumber("latitude", p.Latitude);
            w.WriteNumber("longitude", p.Longitude);
        }
        else
        {
            w.WriteNull("latitude");
            w.WriteNull("longitude");
        }

        WriteInt(w, "precision", (int?)l.Precision);
        w.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter w, Evidence e)
    {
        w.WriteStartObject("evidence");
        foreach (var (field, span) in e.Spans)
        {
            w.WritePropertyName(field);
            WriteSpan(w, span);
        }

        w.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter w, TextSpan s)
    {
        w.WriteStartArray();
        w.WriteNumberValue(s.Start);
        w.WriteNumberValue(s.End);
        w.WriteEndArray();
    }

    private static void WriteDateSpan(Utf8JsonWriter w, string name, DateSpan d)
    {
        w.WriteStartObject(name);
        WriteDate(w, "start", d.Start);
        WriteDate(w, "end", d.End);
        w.WriteNumber("precision", (int)d.Precision);
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is { } v)
        {
            Span<char> day = stackalloc char[DayLength];
            w.WriteString(name, Day(v, day));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private const int DayLength = 10;

    // Dates are written on every event: formatted into the caller's buffer rather than into a new string each time.
    private static ReadOnlySpan<char> Day(DateOnly d, Span<char> buffer) =>
        d.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture) ? buffer[..written] : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteInt(Utf8JsonWriter w, string name, int? v)
    {
        if (v is { } i)
        {
            w.WriteNumber(name, i);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    // ImmutableArray, not IEnumerable: no boxed array and enumerator per list written.
    private static void WriteStrings(Utf8JsonWriter w, string name, ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteArray<T>(Utf8JsonWriter w, string name, ImmutableArray<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    }
}

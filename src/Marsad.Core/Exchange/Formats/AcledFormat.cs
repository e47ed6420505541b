using Marsad.Domain.Common;
using Marsad.Domain.Events;
using static Marsad.Core.Exchange.Formats.ColumnKind;

namespace Marsad.Core.Exchange.Formats;

/// <summary>
/// ACLED's export: its 31 columns in the order of its current export, read from both the older text-date
/// ("02 June 2023") and the ISO-date exports and from numeric or text inter codes (both are kept as written).
/// Conventions: <c>fatalities</c> is the conservative low count; <c>event_id_cnty</c> is the imported id or a stable
/// Marsad id in ACLED's pattern; <c>notes</c> is the event's summary; inter codes, <c>interaction</c>,
/// <c>disorder_type</c> and <c>civilian_targeting</c> are derived from the event where the source gave none.
/// </summary>
public sealed class AcledFormat : IDatasetFormat
{
    public static AcledFormat Instance { get; } = new();

    public string Dataset => "acled";

    public IReadOnlyList<string> Required { get; } = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "latitude", "longitude", "geo_precision", "fatalities"];

    public IReadOnlyList<ExchangeColumn> Columns { get; } =
    [
        new("event_id_cnty", Kept, i => i.Event.Origin is { Dataset: "acled" } origin ? origin.Id : AcledId(i.Event.Id)),
        new("event_date", Modelled, i => ExchangeText.Start(i.Event), ExchangeText.SameDate),
        new("year", Modelled, i => ExchangeText.Year(i.Event)),
        new("time_precision", Modelled, i => ExchangeText.Precision(i.Event)),
        new("disorder_type", Kept, i => DisorderType(i.Event.EventType)),
        new("event_type", Modelled, i => i.Event.EventType.Label),
        new("sub_event_type", Modelled, i => i.Event.SubEventType.Label),
        new("actor1", Modelled, i => i.Event.Actor1),
        new("assoc_actor_1", Modelled, i => ExchangeText.Join(i.Event.AssocActor1), ExchangeText.SameList),
        new("inter1", Kept, i => ExchangeText.Integer(ActorKinds.InterCode(i.Event.Actor1))),
        new("actor2", Modelled, i => i.Event.Actor2),
        new("assoc_actor_2", Modelled, i => ExchangeText.Join(i.Event.AssocActor2), ExchangeText.SameList),
        new("inter2", Kept, i => ExchangeText.Integer(ActorKinds.InterCode(i.Event.Actor2))),
        new("interaction", Kept, i => ExchangeText.Integer(ActorKinds.Interaction(ActorKinds.InterCode(i.Event.Actor1), ActorKinds.InterCode(i.Event.Actor2)))),
        new("civilian_targeting", Kept, i => ActorKinds.TargetsCivilians(i.Event) ? "Civilian targeting" : ""),
        new("iso", Kept, _ => "760"),
        new("region", Kept, _ => "Middle East"),
        new("country", Kept, _ => "Syria"),
        new("admin1", Modelled, i => i.Event.Location?.Admin1),
        new("admin2", Modelled, i => i.Event.Location?.Admin2),
        new("admin3", Modelled, i => i.Event.Location?.Admin3),
        new("location", Modelled, i => i.Event.Location?.Name),
        new("latitude", Modelled, i => ExchangeText.Number(i.Event.Location?.Point?.Latitude), ExchangeText.SameNumber),
        new("longitude", Modelled, i => ExchangeText.Number(i.Event.Location?.Point?.Longitude), ExchangeText.SameNumber),
        new("geo_precision", Modelled, i => i.Event.Location?.Precision is { } p ? ExchangeText.Integer((int)p) : null),
        new("source", Kept, i => ExchangeText.Join(i.Sources)),
        new("source_scale", Kept, _ => ""),
        new("notes", Modelled, i => i.Event.Summary),
        new("fatalities", Modelled, i => ExchangeText.Count(i.Event, q => q.Low ?? q.Best) ?? "0"),
        new("tags", Kept, i => ExchangeText.Join(i.Event.Tags)),
        new("timestamp", Kept, _ => ""),
    ];

    public string RowId(DatasetRow row) => row["event_id_cnty"].Trim();

    public string? Version(DatasetRow row) => row["timestamp"].Trim() is { Length: > 0 } t ? t : null;

    public ConflictEvent? Read(DatasetRow row, EventStatus status, ICollection<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = new RowFields(row, errors);
        var id = RowId(row);
        if (id.Length == 0)
        {
            f.Fail<string>("event_id_cnty", "the row has no id");
        }

        var subType = AcledSubEventType.FromLabel(f.Text("sub_event_type"));
        if (subType is null)
        {
            f.Fail<string>("sub_event_type", $"'{row["sub_event_type"]}' is not one of ACLED's 25 sub-event types");
        }
        else if (subType.EventType.Label != f.Text("event_type"))
        {
            f.Fail<string>("event_type", $"'{row["event_type"]}' is not the event type of '{subType.Label}' ({subType.EventType.Label})");
        }

        var date = f.Date("event_date");
        var timePrecision = f.Integer("time_precision", 1, 3);
        var latitude = f.Coordinate("latitude", 90);
        var longitude = f.Coordinate("longitude", 180);
        var geoPrecision = f.OptionalInteger("geo_precision", 1, 3);
        var fatalities = f.Integer("fatalities", 0, int.MaxValue);
        if (latitude is null != longitude is null && !f.Failed)
        {
            f.Fail<string>(latitude is null ? "latitude" : "longitude", "a point needs both latitude and longitude");
        }

        if (latitude is not null && geoPrecision is null && !f.Failed)
        {
            f.Fail<string>("geo_precision", "a point needs a geo precision");
        }

        if (f.Failed)
        {
            return null;
        }

        var point = latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;
        var location = new Location(f.Optional("location"), null, f.Optional("admin1"), f.Optional("admin2"), f.Optional("admin3"), point, (GeoPrecision?)geoPrecision);
        return new ConflictEvent
        {
            Id = ExchangeText.StableId(Dataset, id),
            SubEventType = subType!,
            Date = new DateSpan(date, date, (TimePrecision)timePrecision),
            Actor1 = f.Optional("actor1"),
            Actor2 = f.Optional("actor2"),
            AssocActor1 = [.. ExchangeText.Split(row["assoc_actor_1"])],
            AssocActor2 = [.. ExchangeText.Split(row["assoc_actor_2"])],
            Location = location,
            Quantities = Quantities.Empty.With(Quantities.Names.Fatalities, Quantity.Exactly(fatalities)),
            Summary = f.Optional("notes"),
            Status = status,
        };
    }

    /// <summary>A Marsad event's id in ACLED's pattern (letters, then digits), never one of ACLED's own (they start with a country code).</summary>
    public static string AcledId(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var number = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) % 1_000_000_000_000UL;
        return "MRS" + number.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string DisorderType(AcledEventType type) =>
        type == AcledEventType.Protests || type == AcledEventType.Riots ? "Demonstrations"
        : type == AcledEventType.StrategicDevelopments ? "Strategic developments"
        : "Political violence";
}

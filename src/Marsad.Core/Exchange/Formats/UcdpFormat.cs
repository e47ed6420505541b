using System.Globalization;
using Marsad.Core.Events;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using static Marsad.Core.Exchange.Formats.ColumnKind;

namespace Marsad.Core.Exchange.Formats;

/// <summary>
/// UCDP's Georeferenced Event Dataset (GED): its columns in order. Deaths are the range low/best/high; UCDP's
/// where_prec (1-7) and date_prec (1-5) map to ACLED's precisions (1 place, 2 near it, 3-7 a region; 1 day, 2-3 a
/// week, 4-5 a month or more), and the codes UCDP gave are written back while they still mean the same. A range the
/// source gives out of order is stored in order with a check that keeps the source's figures, which the export writes back.
/// </summary>
public sealed class UcdpFormat : IDatasetFormat
{
    public static UcdpFormat Instance { get; } = new();

    public string Dataset => "ucdp";

    public IReadOnlyList<string> Required { get; } = ["id", "type_of_violence", "side_a", "side_b", "where_prec", "latitude", "longitude", "date_prec", "date_start", "date_end", "low", "best", "high"];

    public IReadOnlyList<ExchangeColumn> Columns { get; } =
    [
        new("id", Kept, i => i.Event.Origin is { Dataset: "ucdp" } origin ? origin.Id : AcledFormat.AcledId(i.Event.Id)),
        new("year", Modelled, i => ExchangeText.Year(i.Event)),
        new("active_year", Kept, _ => ""),
        new("type_of_violence", Kept, i => ExchangeText.Integer(ViolenceType(i.Event))),
        new("conflict_new_id", Kept, _ => ""),
        new("conflict_name", Kept, _ => ""),
        new("dyad_new_id", Kept, _ => ""),
        new("dyad_name", Kept, i => i.Event.Actor2 is null ? i.Event.Actor1 : $"{i.Event.Actor1} - {i.Event.Actor2}"),
        new("side_a_new_id", Kept, _ => ""),
        new("side_a", Modelled, i => i.Event.Actor1),
        new("side_b_new_id", Kept, _ => ""),
        new("gwnob", Kept, _ => ""),
        new("side_b", Modelled, i => i.Event.Actor2),
        new("number_of_sources", Kept, i => ExchangeText.Integer(i.Sources.Count)),
        new("source_article", Kept, _ => ""),
        new("source_office", Kept, i => ExchangeText.Join(i.Sources)),
        new("source_date", Kept, _ => ""),
        new("source_headline", Modelled, i => i.Event.Summary),
        new("source_original", Kept, i => ExchangeText.Join(i.Sources)),
        new("where_prec", Modelled, i => i.Event.Location?.Precision is { } p ? ExchangeText.Integer(p == GeoPrecision.Region ? 4 : (int)p) : null, WherePrecision),
        new("where_coordinates", Modelled, i => i.Event.Location?.Name),
        new("adm_1", Modelled, i => i.Event.Location?.Admin1),
        new("adm_2", Modelled, i => i.Event.Location?.Admin2),
        new("latitude", Modelled, i => ExchangeText.Number(i.Event.Location?.Point?.Latitude), ExchangeText.SameNumber),
        new("longitude", Modelled, i => ExchangeText.Number(i.Event.Location?.Point?.Longitude), ExchangeText.SameNumber),
        new("geom_wkt", Kept, i => i.Event.Location?.Point is { } p ? $"POINT ({ExchangeText.Number(p.Longitude)} {ExchangeText.Number(p.Latitude)})" : ""),
        new("priogrid_gid", Kept, _ => ""),
        new("country", Kept, _ => "Syria"),
        new("country_id", Kept, _ => "652"),
        new("region", Kept, _ => "Middle East"),
        new("event_clarity", Kept, _ => "1"),
        new("date_prec", Modelled, i => i.Event.Date.IsUnresolved ? null : ExchangeText.Integer(i.Event.Date.Precision switch { TimePrecision.Day => 1, TimePrecision.Week => 3, _ => 4 }), DatePrecision),
        new("date_start", Modelled, i => ExchangeText.Start(i.Event), ExchangeText.SameDate),
        new("date_end", Modelled, i => ExchangeText.End(i.Event), ExchangeText.SameDate),
        new("deaths_a", Kept, _ => ""),
        new("deaths_b", Kept, _ => ""),
        new("deaths_civilians", Kept, _ => ""),
        new("deaths_unknown", Kept, _ => ""),
        new("low", Modelled, i => Deaths(i, 0)),
        new("best", Modelled, i => Deaths(i, 1)),
        new("high", Modelled, i => Deaths(i, 2)),
    ];

    private static readonly string[] RangeColumns = ["low", "best", "high"];

    public string RowId(DatasetRow row) => row["id"].Trim();

    public string? Version(DatasetRow row) => null;

    public ConflictEvent? Read(DatasetRow row, EventStatus status, ICollection<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = new RowFields(row, errors);
        var id = RowId(row);
        if (id.Length == 0)
        {
            f.Fail<string>("id", "the row has no id");
        }

        var violence = f.Integer("type_of_violence", 1, 3);
        var start = f.Date("date_start");
        var end = f.Date("date_end");
        var datePrecision = f.Integer("date_prec", 1, 5);
        var latitude = f.Coordinate("latitude", 90);
        var longitude = f.Coordinate("longitude", 180);
        var wherePrecision = f.Integer("where_prec", 1, 7);
        var figures = RangeColumns.Select(c => f.Integer(c, 0, int.MaxValue)).ToArray();
        if (!f.Failed && end < start)
        {
            f.Fail<string>("date_end", $"'{row["date_end"]}' is before date_start '{row["date_start"]}'");
        }

        if (latitude is null != longitude is null && !f.Failed)
        {
            f.Fail<string>(latitude is null ? "latitude" : "longitude", "a point needs both latitude and longitude");
        }

        if (f.Failed)
        {
            return null;
        }

        Array.Sort(figures);
        var point = latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;
        var precision = wherePrecision switch { 1 => GeoPrecision.Place, 2 => GeoPrecision.NearPlace, _ => GeoPrecision.Region };
        return new ConflictEvent
        {
            Id = ExchangeText.StableId(Dataset, id),
            SubEventType = violence == 3 ? AcledSubEventType.Attack : AcledSubEventType.ArmedClash,
            Date = new DateSpan(start, end, datePrecision switch { 1 => TimePrecision.Day, 2 or 3 => TimePrecision.Week, _ => TimePrecision.Month }),
            Actor1 = f.Optional("side_a"),
            Actor2 = f.Optional("side_b"),
            Location = new Location(f.Optional("where_coordinates"), null, f.Optional("adm_1"), f.Optional("adm_2"), null, point, point is null ? null : precision),
            Quantities = Quantities.Empty.With(Quantities.Names.Fatalities, new Quantity(figures[0], figures[1], figures[2])),
            Summary = f.Optional("source_headline"),
            Status = status,
        };
    }

    public IReadOnlyList<string> Checks(DatasetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var figures = RangeColumns.Select(c => ExchangeText.TryInteger(row[c], out var n) ? n : 0).ToArray();
        return figures[0] <= figures[1] && figures[1] <= figures[2]
            ? []
            : [string.Create(CultureInfo.InvariantCulture, $"deaths out of order in the source: low {figures[0]}, best {figures[1]}, high {figures[2]}; stored in order")];
    }

    private static int ViolenceType(ConflictEvent e) =>
        e.EventType == AcledEventType.ViolenceAgainstCivilians ? 3
        : ActorKinds.InterCode(e.Actor1) is 1 or 8 || ActorKinds.InterCode(e.Actor2) is 1 or 8 ? 1 : 2;

    /// <summary>
    /// One of low, best, high: the source's own figure while the stored range is still those figures put in order
    /// (the source gave them out of order), else the stored range's.
    /// </summary>
    private static string? Deaths(EventListItem item, int index)
    {
        if (!item.Event.Quantities.TryGetValue(Quantities.Names.Fatalities, out var q))
        {
            return null;
        }

        if (item.Event.Origin is { Dataset: "ucdp" } origin && origin.Checks.Length > 0)
        {
            int?[] stored = [q.Low, q.Best, q.High];
            // A figure not kept was the same as the stored one when imported.
            var source = RangeColumns.Select((c, i) => origin.Fields.TryGetValue(c, out var t) ? (ExchangeText.TryInteger(t, out var n) ? n : null) : stored[i]).ToArray();
            if (source.All(n => n is not null) && source.Order().Cast<int?>().SequenceEqual(stored))
            {
                return ExchangeText.Integer(source[index]!.Value);
            }
        }

        // Asked three times a row on import and export alike: no array for the common case.
        return (index switch { 0 => q.Low, 1 => q.Best, _ => q.High }) is { } value ? ExchangeText.Integer(value) : null;
    }

    private static string WherePrecision(string code) => code.Trim() switch { "1" => "1", "2" => "2", "" => "", _ => "3" };

    private static string DatePrecision(string code) => code.Trim() switch { "1" => "1", "2" or "3" => "2", "" => "", _ => "3" };
}

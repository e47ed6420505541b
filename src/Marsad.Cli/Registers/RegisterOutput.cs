using System.Globalization;
using Marsad.Core.Exchange;
using Marsad.Core.Registers;
using Marsad.Domain.Common;
using Marsad.Domain.Records;
using Spectre.Console;

namespace Marsad.Cli.Registers;

/// <summary>
/// Register listings and records as a table, JSON or CSV. Every format prints the records the query layer
/// returned for the role, so a withheld field cannot reach any of them.
/// </summary>
internal static class RegisterOutput
{
    public static void Write<T>(CliEnvironment env, IReadOnlyList<RegisterItem<T>> items, string format, bool single, IReadOnlyDictionary<Guid, string>? shortIds = null) where T : class
    {
        var today = new InvestigationClock(env.Time).Today;
        var writer = env.Out.Profile.Out.Writer;
        switch (format)
        {
            case "json" when single:
                writer.WriteLine(RegisterExporter.JsonOf(items[0], today).ToJsonString(Core.Storage.Json.MarsadJson.Indented));
                break;
            case "json":
                RegisterExporter.WriteJson(writer, items, today);
                break;
            case "csv":
                RegisterExporter.WriteCsv(writer, items, today);
                break;
            default:
                if (single)
                {
                    env.Out.Write(Details(items[0], today));
                }
                else
                {
                    env.Out.Write(Table(items, today, shortIds ?? new Dictionary<Guid, string>()));
                    env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{items.Count} {Plural<T>()}"));
                }

                break;
        }

        writer.Flush();
    }

    public static string Plural<T>() => typeof(T) == typeof(Person) ? "persons" : typeof(T) == typeof(Claim) ? "claims" : "allegations";

    private static Table Table<T>(IReadOnlyList<RegisterItem<T>> items, DateOnly today, IReadOnlyDictionary<Guid, string> shortIds) where T : class
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in Columns<T>())
        {
            table.AddColumn(column);
        }

        foreach (var item in items)
        {
            table.AddRow([.. Row(item, today, shortIds).Select(Markup.Escape)]);
        }

        return table;
    }

    private static string[] Columns<T>() =>
        typeof(T) == typeof(Person) ? ["id", "name", "status", "since", "last seen", "where", "held by", "group", "review", "sources"]
        : typeof(T) == typeof(Claim) ? ["id", "date", "claimant", "statement", "verdict", "decided by", "review"]
        : ["id", "date", "kind", "place", "alleged perpetrator", "killed", "investigation", "months without", "review"];

    private static string[] Row<T>(RegisterItem<T> item, DateOnly today, IReadOnlyDictionary<Guid, string> shortIds) where T : class => item.Record switch
    {
        Person p =>
        [
            Short(p.Id, shortIds), p.Name, RegisterExporter.Name(p.Status), Day(p.History.LastOrDefault(s => s.When is not null)?.When?.Start), Day(p.LastSeen?.Start),
            p.LastSeenAt?.Name ?? "—", p.HeldBy ?? "—", Range(p.GroupSize), RegisterExporter.Name(p.ReviewStatus), string.Join(", ", item.Sources),
        ],
        Claim c => [Short(c.Id, shortIds), Day(c.Date), c.Claimant, Cut(c.Statement), RegisterExporter.Name(c.Verdict), c.VerdictBy ?? "—", RegisterExporter.Name(c.Status)],
        Allegation a =>
        [
            Short(a.Id, shortIds), Day(a.Date?.Start), a.Kind ?? "—", a.Location?.Name ?? "—", a.AllegedPerpetrator ?? "—",
            a.Quantities.TryGetValue(Quantities.Names.Fatalities, out var q) ? Range(q) : "—", RegisterExporter.Name(a.Status),
            a.MonthsWithoutInvestigation(today)?.ToString(CultureInfo.InvariantCulture) ?? "—", RegisterExporter.Name(a.ReviewStatus),
        ],
        _ => throw new NotSupportedException(typeof(T).Name),
    };

    /// <summary>One record, field by field, with its history: what <c>show</c> prints on a terminal.</summary>
    private static Grid Details<T>(RegisterItem<T> item, DateOnly today) where T : class
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                grid.AddRow($"[bold]{name}[/]", Markup.Escape(value));
            }
        }

        switch (item.Record)
        {
            case Person p:
                Add("id", p.Id.ToString("D"));
                Add("name", p.Name);
                Add("arabic name", p.ArabicName);
                Add("aliases", string.Join("; ", p.Aliases));
                Add("status", RegisterExporter.Name(p.Status));
                Add("group", p.GroupSize is null ? null : Range(p.GroupSize));
                Add("fate", p.Fate);
                Add("held by", p.HeldBy);
                Add("last seen", p.LastSeen is null ? null : Day(p.LastSeen.Start));
                Add("last seen at", p.LastSeenAt?.Name);
                Add("date of birth", p.DateOfBirth is null ? null : Day(p.DateOfBirth));
                Add("family", p.FamilyDetails);
                Add("contacts", p.Contacts);
                for (var i = 0; i < p.History.Length; i++)
                {
                    Add(i == 0 ? "history" : "", RegisterExporter.Step(p.History[i]) + (p.History[i].Note is { } n ? $" ({n})" : ""));
                }

                Add("sensitive", p.Sensitive ? "yes" + (p.PublicFields.IsEmpty ? "" : $" (public: {string.Join(", ", p.PublicFields)})") : "no, marked public");
                Add("withheld", string.Join(", ", item.Withheld));
                Add("events", string.Join(", ", p.EventIds));
                Add("merged into", p.MergedInto?.ToString("D"));
                Add("review", RegisterExporter.Name(p.ReviewStatus));
                break;
            case Claim c:
                Add("id", c.Id.ToString("D"));
                Add("claimant", c.Claimant);
                Add("statement", c.Statement);
                Add("date", c.Date is null ? null : Day(c.Date));
                Add("place", c.Place?.Name);
                Add("verdict", RegisterExporter.Name(c.Verdict));
                Add("evidence", c.VerdictReason);
                Add("decided by", c.VerdictBy);
                Add("decided on", c.VerdictOn is null ? null : Day(c.VerdictOn));
                Add("events", string.Join(", ", c.EventIds));
                Add("merged into", c.MergedInto?.ToString("D"));
                Add("review", RegisterExporter.Name(c.Status));
                break;
            case Allegation a:
                Add("id", a.Id.ToString("D"));
                Add("kind", a.Kind);
                Add("summary", a.Summary);
                Add("date", a.Date is null ? null : Day(a.Date.Start) + (a.Date.End != a.Date.Start ? "…" + Day(a.Date.End) : ""));
                Add("place", a.Location?.Name);
                Add("alleged perpetrator", a.AllegedPerpetrator);
                foreach (var (name, q) in a.Quantities)
                {
                    Add(name, Range(q));
                }

                for (var i = 0; i < a.History.Length; i++)
                {
                    Add(i == 0 ? "investigation" : "", $"{RegisterExporter.Name(a.History[i].Status)} {Day(a.History[i].Since)}" + (a.History[i].Note is { } n ? $" ({n})" : ""));
                }

                Add("months without investigation", a.MonthsWithoutInvestigation(today)?.ToString(CultureInfo.InvariantCulture));
                Add("named sources", string.Join("; ", a.Sources));
                Add("events", string.Join(", ", a.EventIds));
                Add("merged into", a.MergedInto?.ToString("D"));
                Add("review", RegisterExporter.Name(a.ReviewStatus));
                break;
        }

        Add("sources", string.Join(", ", item.Sources));
        Add("version", item.Version.ToString(CultureInfo.InvariantCulture));
        return grid;
    }

    private static string Short(Guid id, IReadOnlyDictionary<Guid, string> shortIds) => shortIds.TryGetValue(id, out var shown) ? shown : id.ToString("D");

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private static string Cut(string text) => text.Length <= 70 ? text : text[..69] + "…";

    private static string Range(Quantity? q) => q is null ? "—"
        : q.Low is { } low && q.High is { } high && low != high ? string.Create(CultureInfo.InvariantCulture, $"{low}-{high}")
        : (q.Best ?? q.Low ?? q.High)?.ToString(CultureInfo.InvariantCulture) + (q.High is null ? "+" : "");
}

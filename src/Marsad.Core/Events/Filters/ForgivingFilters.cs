using Marsad.Core.Names;
using Marsad.Domain.Events;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Events.Filters;

/// <summary>
/// Filter values as people type them, turned into the canonical names the record stores: any spelling the gazetteer knows
/// for a governorate or district ("Idlib", "Idleb", "إدلب"), any name the actor lexicon knows ("Turkey", "SDF", "isis"),
/// ACLED's type labels in any case. A value none of them knows is refused with the nearest known name, rather than
/// silently matching nothing. One instance serves every host (CLI, web); the gazetteer is loaded on first need.
/// </summary>
public sealed class ForgivingFilters(Func<GazetteerGeocoder> geocoder, ActorNames actors)
{
    private readonly Lazy<GazetteerGeocoder> gazetteer = new(geocoder);

    public static ForgivingFilters Default { get; } = new(() => GazetteerGeocoder.Shared, ActorNames.Default);

    public EventQuery Canonical(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query with
        {
            EventType = Label(query.EventType, AcledEventType.All.Select(t => t.Label), "event type"),
            SubEventType = Label(query.SubEventType, AcledSubEventType.All.Select(t => t.Label), "sub-event type"),
            Actor = Actor(query.Actor),
            Admin1 = Area(query.Admin1, 1, "governorate"),
            Admin2 = Area(query.Admin2, 2, "district"),
        };
    }

    /// <summary>Loads the gazetteer and the actor lexicon now, so a server pays for them before it listens rather than on its first filtered request.</summary>
    public void Load()
    {
        _ = AreaName("Damascus", 1);
        _ = actors.Canonical("x");
    }

    /// <summary>The governorate or district's name as events store it, or null when the gazetteer knows no such area.</summary>
    public string? AreaName(string typed, int level) =>
        gazetteer.Value.FindArea(typed) is { } area && area.Level == level ? area.NameEn
        : Areas(level).FirstOrDefault(a => a.AllNames.Contains(typed.Trim(), StringComparer.OrdinalIgnoreCase))?.NameEn;

    private string? Actor(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        return actors.Canonical(typed)
            ?? throw new UnknownFilterValueException($"no actor '{typed.Trim()}' in the actor lexicon{Hint(actors.Nearest(typed))}", "actor: not in the actor lexicon");
    }

    private string? Area(string? typed, int level, string what)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        return AreaName(typed, level)
            ?? throw new UnknownFilterValueException($"no {what} '{typed.Trim()}' in the gazetteer{Hint(NearestName.Of(typed, Areas(level).Select(a => a.NameEn)))}", $"{what}: not in the gazetteer");
    }

    private IEnumerable<AdminArea> Areas(int level) => gazetteer.Value.Gazetteer.Boundaries.Areas.Where(a => a.Level == level);

    private static string? Label(string? typed, IEnumerable<string> labels, string what)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var all = labels.ToList();
        return all.FirstOrDefault(l => string.Equals(l, typed.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UnknownFilterValueException($"'{typed.Trim()}' is not an ACLED {what}{Hint(NearestName.Of(typed, all))}", $"{what}: not an ACLED {what}");
    }

    private static string Hint(string? nearest) => nearest is null ? string.Empty : $"; did you mean '{nearest}'?";
}

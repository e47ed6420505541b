using Marsad.Domain.Common;

namespace Marsad.Extraction.Recognition.Actors;

/// <summary>
/// ACLED names some state forces by administration: the United States' forces are "(2009-2017)", "(2017-2021)" and
/// "(2021-)", each from an inauguration day; Israel's "(2009-2021)", "(2021-2022)" and "(2022-)", each from the day a
/// government was sworn in. The lexicon knows one name per actor; an event takes the name of the era its
/// first day falls in. An undated event takes the current name: nothing in it points to an earlier era, and it counts
/// nowhere until a coder dates it.
/// </summary>
public static class ActorEras
{
    private static readonly (DateOnly From, string Name)[][] Families =
    [
        [
            (DateOnly.MinValue, "Military Forces of the United States (2009-2017)"),
            (new DateOnly(2017, 1, 20), "Military Forces of the United States (2017-2021)"),
            (new DateOnly(2021, 1, 20), "Military Forces of the United States (2021-)"),
        ],
        [
            (DateOnly.MinValue, "Military Forces of Israel (2009-2021)"),
            (new DateOnly(2021, 6, 13), "Military Forces of Israel (2021-2022)"),
            (new DateOnly(2022, 12, 29), "Military Forces of Israel (2022-)"),
        ],
    ];

    private static readonly Dictionary<string, (DateOnly From, string Name)[]> FamilyOf =
        Families.SelectMany(f => f.Select(era => (era.Name, Family: f))).ToDictionary(p => p.Name, p => p.Family, StringComparer.Ordinal);

    /// <summary>The name of <paramref name="name"/>'s actor in the era of <paramref name="date"/>; other names as they are.</summary>
    public static string? For(string? name, DateSpan date)
    {
        ArgumentNullException.ThrowIfNull(date);
        if (name is null || !FamilyOf.TryGetValue(name, out var family))
        {
            return name;
        }

        if (date.IsUnresolved)
        {
            return family[^1].Name;
        }

        var named = family[0].Name;
        foreach (var (from, era) in family)
        {
            if (date.Start >= from)
            {
                named = era;
            }
        }

        return named;
    }
}

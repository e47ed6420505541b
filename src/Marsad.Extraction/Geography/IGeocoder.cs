using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// What the extraction engine asks of the gazetteer: where the text names known places, and which
/// location a place reference resolves to. Implementations are immutable after construction and safe
/// to call from many threads.
/// </summary>
public interface IGeocoder
{
    /// <summary>Every span of <paramref name="text"/> that names a known place (longest match first, no overlaps), in text order.</summary>
    IReadOnlyList<PlaceMatch> FindNames(string text);

    /// <summary>
    /// <see cref="FindNames(string)"/> over tokens the engine already has: a geocoder that matches tokens overrides
    /// this to skip tokenising the text a second time.
    /// </summary>
    IReadOnlyList<PlaceMatch> FindNames(string text, Text.Token[] tokens) => FindNames(text);

    /// <summary>The governorate <paramref name="name"/> also names ("Idlib" → "Idleb"), or null (the engine then weighs it as a region).</summary>
    string? GovernorateNamed(string name) => null;

    /// <summary>Whether the gazetteer holds <paramref name="name"/> as spelled (up to case, articles and marks), not only a looser spelling of it.</summary>
    bool KnowsExactly(string name) => true;

    /// <summary>The location a place reference resolves to, or null when no candidate is good enough.</summary>
    Location? Resolve(PlaceQuery query);
}

/// <summary>Characters [Start, End) of the text name a known place.</summary>
public sealed record PlaceMatch(int Start, int End, string Text);

/// <summary>
/// A place reference as the text gives it. <paramref name="Precision"/> is what the wording implies
/// (near X → 2, "X countryside" → 3); <paramref name="WithinArea"/> a region that must contain the
/// place ("al-Hasakah" in "eastern countryside of al-Hasakah"); <paramref name="Near"/> points of the
/// report's other places, to prefer candidates close to them.
/// </summary>
public sealed record PlaceQuery(string Name, GeoPrecision Precision = GeoPrecision.Place, string? WithinArea = null, IReadOnlyList<GeoPoint>? Near = null);

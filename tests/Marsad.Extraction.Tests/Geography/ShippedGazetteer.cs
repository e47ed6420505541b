using Marsad.Extraction.Geography;

namespace Marsad.Extraction.Tests.Geography;

/// <summary>The shipped gazetteer (data/gazetteer, copied beside the test assembly by the build), loaded once.</summary>
internal static class ShippedGazetteer
{
    private static readonly Lazy<GazetteerGeocoder> Loaded = new(() => new GazetteerGeocoder(Gazetteer.Load(GazetteerLocator.ShippedDirectory(_ => null))));

    public static GazetteerGeocoder Geocoder => Loaded.Value;
}

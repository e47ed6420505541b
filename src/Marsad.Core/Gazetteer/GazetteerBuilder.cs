using System.Globalization;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Gazetteer;

/// <summary>What a gazetteer build wrote.</summary>
public sealed record GazetteerBuildReport(int AdminAreas, int Places, int Drafts, IReadOnlyDictionary<string, int> PlacesBySource, long Bytes, string Directory);

/// <summary>
/// Builds the shipped gazetteer from the open reference sources in <c>../shared/data</c> (never from ACLED):
/// OCHA boundaries, OpenSyria sub-districts, GeoNames cities500, the IOM community list with OCHA/OSM points,
/// and UCDP GED place names up to <see cref="LastUcdpYear"/> (2019 is UCDP's evaluation year). Sources are
/// merged best point first; the output is deterministic for the same inputs.
/// </summary>
public static class GazetteerBuilder
{
    public const int LastUcdpYear = 2018;

    public static GazetteerBuildReport Build(string sourceDirectory, string outDirectory)
    {
        var areas = AdminAreaSource.Read(sourceDirectory);
        var boundaries = new AdminBoundaries(areas);
        var subDistricts = areas.Where(a => a.Level == 3).ToDictionary(a => a.PCode, StringComparer.Ordinal);
        var centrePopulation = SubDistrictPopulation(Path.Combine(sourceDirectory, "gazetteer", "syria_adm3_subdistricts_opensyria.csv"));

        var communities = CommunitySource.Read(Path.Combine(sourceDirectory, "gazetteer", "syria_communities_extended.csv"), subDistricts)
            .Select(d => IsCentreOf(d, subDistricts) && centrePopulation.TryGetValue(d.Admin3Hint!, out var pop) ? d with { Population = pop } : d)
            .ToList();
        var geoNames = GeoNamesSource.Read(Path.Combine(sourceDirectory, "geonames", "geonames_SY_from_cities500.txt")).ToList();
        communities = [.. PlaceNeighbourhoodsInTowns(communities, geoNames, subDistricts, boundaries)];
        var drafts = geoNames
            .Concat(communities.Where(d => d.PointQuality >= 1).OrderByDescending(d => d.PointQuality))
            .Concat(UcdpSource.Read(Path.Combine(sourceDirectory, "ucdp", "ucdp-ged-syria-2016-2019.csv"), LastUcdpYear).OrderByDescending(d => d.Mentions).ThenBy(d => d.Id, StringComparer.Ordinal))
            .Concat(communities.Where(d => d.PointQuality < 1))
            .ToList();

        var merger = new PlaceMerger();
        drafts.ForEach(merger.Add);
        var places = merger.Entries(boundaries);

        var directory = Path.Combine(outDirectory, "gazetteer");
        Directory.CreateDirectory(directory);
        var placesPath = Path.Combine(directory, GazetteerFiles.PlacesFileName);
        var areasPath = Path.Combine(directory, GazetteerFiles.AdminAreasFileName);
        GazetteerFiles.WritePlaces(placesPath, places);
        GazetteerFiles.WriteAdminAreas(areasPath, areas);

        var bySource = places.SelectMany(p => p.Sources.Split('+')).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var bytes = new FileInfo(placesPath).Length + new FileInfo(areasPath).Length;
        return new GazetteerBuildReport(areas.Count, places.Count, drafts.Count, bySource, bytes, directory);
    }

    // A neighbourhood without a point lies in its sub-district's town (the community named after the sub-district,
    // else its most populous GeoNames place): a better guess than the sub-district's centroid.
    private static IEnumerable<PlaceDraft> PlaceNeighbourhoodsInTowns(List<PlaceDraft> communities, List<PlaceDraft> geoNames, Dictionary<string, AdminArea> subDistricts, AdminBoundaries boundaries)
    {
        var centres = communities.Where(d => d.PointQuality >= 1 && IsCentreOf(d, subDistricts)).Select(d => (Admin3: d.Admin3Hint!, d.Point, Rank: 1))
            .Concat(geoNames.Where(g => g.Population > 0).OrderByDescending(g => g.Population).Select(g => (Admin3: boundaries.Locate(g.Point).Admin3 ?? string.Empty, g.Point, Rank: 0)))
            .OrderBy(c => c.Rank)
            .GroupBy(c => c.Admin3, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Point, StringComparer.Ordinal);
        return communities.Select(d => d.IsApproximate && d.Kind == PlaceKind.Neighbourhood && centres.TryGetValue(d.Admin3Hint!, out var centre)
            ? d with { Point = centre, Confidence = GazetteerEntry.TownCentreConfidence, PointQuality = 0.5 }
            : d);
    }

    // The community that gives its sub-district its name is the sub-district's centre; the 2004 census counts it.
    private static bool IsCentreOf(PlaceDraft draft, Dictionary<string, AdminArea> subDistricts) =>
        draft.Admin3Hint is not null && subDistricts.TryGetValue(draft.Admin3Hint, out var area) && NameKey.Of(area.NameEn) == NameKey.Of(draft.Name);

    private static Dictionary<string, long> SubDistrictPopulation(string path)
    {
        var table = CsvTable.Read(path);
        return table.Rows
            .Select(r => (PCode: table.Get(r, "admin3_pcode"), Population: table.Get(r, "population_2004")))
            .Where(r => r.Population.Length > 0)
            .ToDictionary(r => r.PCode, r => (long)double.Parse(r.Population, CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }
}

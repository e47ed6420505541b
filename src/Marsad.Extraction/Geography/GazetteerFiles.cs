using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Marsad.Domain.Common;
using NetTopologySuite.IO;

namespace Marsad.Extraction.Geography;

/// <summary>
/// The gazetteer's file formats: tab-separated UTF-8 with a header line, gzip'd when the name ends in .gz.
/// Places: id, name, kind, lat, lon, admin1, admin2, admin3 (P-codes), population, prominence, confidence,
/// sources, alternate names joined by '|'. Admin areas: level, pcode, parent, name_en, name_ar, lat, lon
/// (representative point), aliases joined by '|', boundary as WKT (empty for sub-districts).
/// The shipped gazetteer and a team's user gazetteer share the places format.
/// </summary>
public static class GazetteerFiles
{
    public const string PlacesFileName = "places.tsv.gz";
    public const string AdminAreasFileName = "admin-areas.tsv.gz";

    private const string PlacesHeader = "id\tname\tkind\tlat\tlon\tadmin1\tadmin2\tadmin3\tpopulation\tprominence\tconfidence\tsources\tnames";
    private const string AdminHeader = "level\tpcode\tparent\tname_en\tname_ar\tlat\tlon\taliases\twkt";

    public static IReadOnlyList<GazetteerEntry> ReadPlaces(string path)
    {
        using var reader = OpenText(path);
        var entries = new List<GazetteerEntry>();
        foreach (var f in Rows(reader, PlacesHeader, path))
        {
            entries.Add(new GazetteerEntry(
                f[0], f[1], Enum.Parse<PlaceKind>(f[2]), new GeoPoint(Number(f[3]), Number(f[4])),
                NullIfEmpty(f[5]), NullIfEmpty(f[6]), NullIfEmpty(f[7]),
                long.Parse(f[8], CultureInfo.InvariantCulture), Number(f[9]), f[10], f[11], SplitNames(f[12])));
        }

        return entries;
    }

    public static void WritePlaces(string path, IEnumerable<GazetteerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = CreateText(path);
        writer.Write(PlacesHeader + "\n");
        foreach (var e in entries)
        {
            WriteRow(writer,
                e.Id, e.Name, e.Kind.ToString(), Coordinate(e.Point.Latitude), Coordinate(e.Point.Longitude),
                e.Admin1, e.Admin2, e.Admin3, e.Population.ToString(CultureInfo.InvariantCulture),
                e.Prominence.ToString("0.###", CultureInfo.InvariantCulture), e.Confidence, e.Sources, JoinNames(e.AlternateNames));
        }
    }

    public static IReadOnlyList<AdminArea> ReadAdminAreas(string path)
    {
        using var reader = OpenText(path);
        var wkt = new WKTReader();
        var areas = new List<AdminArea>();
        foreach (var f in Rows(reader, AdminHeader, path))
        {
            areas.Add(new AdminArea(
                int.Parse(f[0], CultureInfo.InvariantCulture), f[1], NullIfEmpty(f[2]), f[3], NullIfEmpty(f[4]),
                new GeoPoint(Number(f[5]), Number(f[6])), SplitNames(f[7]), f[8].Length == 0 ? null : wkt.Read(f[8])));
        }

        return areas;
    }

    public static void WriteAdminAreas(string path, IEnumerable<AdminArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        using var writer = CreateText(path);
        writer.Write(AdminHeader + "\n");
        var wkt = new WKTWriter { MaxCoordinatesPerLine = int.MaxValue };
        foreach (var a in areas)
        {
            WriteRow(writer,
                a.Level.ToString(CultureInfo.InvariantCulture), a.PCode, a.ParentPCode, a.NameEn, a.NameAr,
                Coordinate(a.RepresentativePoint.Latitude), Coordinate(a.RepresentativePoint.Longitude),
                JoinNames(a.Aliases), a.Boundary is null ? null : wkt.Write(a.Boundary));
        }
    }

    private static IEnumerable<string[]> Rows(TextReader reader, string header, string path)
    {
        var first = reader.ReadLine();
        if (first != header)
        {
            throw new InvalidDataException($"{path}: expected the header '{header}'");
        }

        var columns = header.Split('\t').Length;
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {fields.Length} fields, expected {columns}");
            }

            yield return fields;
        }
    }

    private static void WriteRow(TextWriter writer, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write('\t');
            }

            writer.Write(Clean(fields[i]));
        }

        writer.Write('\n');
    }

    private static string Clean(string? field) =>
        field is null ? string.Empty : field.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static string JoinNames(IEnumerable<string> names) => string.Join('|', names.Select(n => n.Replace('|', '/')));

    private static ImmutableArray<string> SplitNames(string field) =>
        field.Length == 0 ? [] : [.. field.Split('|')];

    private static string? NullIfEmpty(string field) => field.Length == 0 ? null : field;

    private static double Number(string field) => double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Coordinate(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static StreamReader OpenText(string path)
    {
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, Encoding.UTF8);
    }

    private static StreamWriter CreateText(string path)
    {
        Stream stream = File.Create(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionLevel.SmallestSize);
        }

        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}

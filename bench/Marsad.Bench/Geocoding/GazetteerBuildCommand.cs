using Marsad.Core.Gazetteer;

namespace Marsad.Bench.Geocoding;

/// <summary>Builds the shipped gazetteer until <c>marsad gazetteer build</c> exists (same library call).</summary>
internal static class GazetteerBuildCommand
{
    public static int Run(string[] args)
    {
        var from = GeoBenchArgs.Option(args, "--from", GeoBenchArgs.SharedData(args));
        var output = GeoBenchArgs.Option(args, "--out", "data");
        var report = GazetteerBuilder.Build(from, output);
        Console.WriteLine($"admin areas {report.AdminAreas}, places {report.Places} (from {report.Drafts} source rows), {report.Bytes / 1024} KiB in {report.Directory}");
        foreach (var (source, count) in report.PlacesBySource.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {source,-10} {count,6} places");
        }

        return 0;
    }
}

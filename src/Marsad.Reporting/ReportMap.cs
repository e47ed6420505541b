using Marsad.Extraction.Geography;
using NetTopologySuite.Geometries;
using ScottPlot;
using Coordinates = ScottPlot.Coordinates;

namespace Marsad.Core.Reports;

/// <summary>
/// The month's events over the OCHA boundaries shipped with the gazetteer (districts thin, governorates
/// bold), drawn from the polygons themselves (no tile server). Longitudes are scaled by the cosine of
/// the mean latitude so the country keeps its shape. Each point carries its event label (E1, …).
/// </summary>
public static class ReportMap
{
    public const int Width = 900;
    public const int Height = 760;

    /// <summary>At twice the pixels (ScottPlot's scale factor), so text stays sharp in a printed PDF.</summary>
    public static byte[] Png(IReadOnlyList<ReportMapPoint> points, IReadOnlyList<AdminArea> areas)
    {
        var plot = Build(points, areas);
        plot.ScaleFactor = 2;
        return plot.GetImageBytes(Width * 2, Height * 2, ImageFormat.Png);
    }

    public static string Svg(IReadOnlyList<ReportMapPoint> points, IReadOnlyList<AdminArea> areas) => Build(points, areas).GetSvgXml(Width, Height);

    private static Plot Build(IReadOnlyList<ReportMapPoint> points, IReadOnlyList<AdminArea> areas)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(areas);
        var plot = new Plot();
        var shaped = areas.Where(a => a.Boundary is not null && a.Level <= 2).ToList();
        var meanLatitude = shaped.Count > 0 ? shaped.Average(a => a.RepresentativePoint.Latitude) : points.Count > 0 ? points.Average(p => p.Latitude) : 35;
        var scale = Math.Cos(meanLatitude * Math.PI / 180);
        foreach (var area in shaped.OrderByDescending(a => a.Level))
        {
            foreach (var ring in Rings(area.Boundary!))
            {
                var polygon = plot.Add.Polygon([.. ring.Select(c => new Coordinates(c.X * scale, c.Y))]);
                polygon.FillColor = area.Level == 1 ? Colors.Transparent : new Color(240, 238, 230);
                polygon.LineColor = area.Level == 1 ? new Color(90, 90, 90) : new Color(185, 185, 185);
                polygon.LineWidth = area.Level == 1 ? 1.6f : 0.6f;
            }
        }

        foreach (var area in shaped.Where(a => a.Level == 1))
        {
            var label = plot.Add.Text(area.NameEn, area.RepresentativePoint.Longitude * scale, area.RepresentativePoint.Latitude);
            label.LabelFontSize = 11;
            label.LabelFontColor = new Color(120, 120, 120);
            label.LabelAlignment = Alignment.MiddleCenter;
        }

        var palette = new ScottPlot.Palettes.Category10();
        var types = points.Select(p => p.EventType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var group in Clusters(points))
        {
            var first = group[0];
            var color = palette.GetColor(types.IndexOf(first.EventType));
            var marker = plot.Add.Marker(first.Longitude * scale, first.Latitude, MarkerShape.FilledCircle, 11, color);
            marker.MarkerLineColor = Colors.White;
            var text = plot.Add.Text(string.Join(",", group.Select(p => p.Label).Distinct()), first.Longitude * scale, first.Latitude);
            text.LabelFontSize = 13;
            text.LabelBold = true;
            text.LabelOffsetX = 8;
            text.LabelAlignment = Alignment.MiddleLeft;
        }

        foreach (var (type, i) in types.Select((t, i) => (t, i)))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = type, MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = palette.GetColor(i), MarkerSize = 10 });
        }

        plot.Font.Set(ReportFonts.Family);
        plot.Legend.FontName = ReportFonts.Family;
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Axes.SquareUnits();
        plot.Title(shaped.Count > 0 ? "Events of the month over the OCHA boundaries" : "Events of the month (boundaries not found)");
        return plot;
    }

    /// <summary>Points within about 15 km of each other share one marker and one label, so labels do not overprint.</summary>
    private static List<List<ReportMapPoint>> Clusters(IReadOnlyList<ReportMapPoint> points)
    {
        var clusters = new List<List<ReportMapPoint>>();
        foreach (var point in points)
        {
            var near = clusters.FirstOrDefault(c => Math.Abs(c[0].Latitude - point.Latitude) < 0.14 && Math.Abs(c[0].Longitude - point.Longitude) < 0.17);
            if (near is null)
            {
                clusters.Add([point]);
            }
            else
            {
                near.Add(point);
            }
        }

        return clusters;
    }

    private static IEnumerable<Coordinate[]> Rings(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon)
            {
                yield return polygon.ExteriorRing.Coordinates;
            }
        }
    }
}

using System.Globalization;
using ScottPlot;

namespace Marsad.Core.Reports;

/// <summary>
/// The month by week and event type: one stacked bar a week (ISO weeks, named by their Monday), plus a
/// bar for incidents that have no day of their own, so none is silently dropped. Drawn with ScottPlot.
/// </summary>
public static class ReportChart
{
    public const int Width = 900;
    public const int Height = 420;

    /// <summary>At twice the pixels (ScottPlot's scale factor), so text stays sharp in a printed PDF.</summary>
    public static byte[] Png(ReportChartData data)
    {
        var plot = Build(data);
        plot.ScaleFactor = 2;
        return plot.GetImageBytes(Width * 2, Height * 2, ImageFormat.Png);
    }

    public static string Svg(ReportChartData data) => Build(data).GetSvgXml(Width, Height);

    private static Plot Build(ReportChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var labels = data.Weeks.Select(w => "week of " + w.ToString("d MMM", CultureInfo.InvariantCulture)).ToList();
        var hasUndated = data.Undated.Values.Any(n => n > 0);
        if (hasUndated)
        {
            labels.Add("no day stated");
        }

        var bars = new List<Bar>();
        for (var t = 0; t < data.Types.Count; t++)
        {
            var type = data.Types[t];
            var color = palette.GetColor(t);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = type, FillColor = color });
        }

        for (var x = 0; x < labels.Count; x++)
        {
            double stacked = 0;
            for (var t = 0; t < data.Types.Count; t++)
            {
                var type = data.Types[t];
                var n = x < data.Weeks.Count ? data.Counts.GetValueOrDefault((data.Weeks[x], type)) : data.Undated.GetValueOrDefault(type);
                if (n == 0)
                {
                    continue;
                }

                bars.Add(new Bar { Position = x, ValueBase = stacked, Value = stacked + n, FillColor = palette.GetColor(t), Size = 0.6 });
                stacked += n;
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        var highest = bars.Count == 0 ? 1 : bars.Max(b => b.Value);
        plot.Axes.SetLimits(-0.6, Math.Max(labels.Count, 1) - 0.4, 0, highest * 1.1);
        plot.Title("Incidents by week and event type");
        plot.YLabel("incidents");
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Font.Set(ReportFonts.Family);
        plot.Legend.FontName = ReportFonts.Family;
        plot.ShowLegend(Edge.Bottom);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot;
    }
}

using System.Globalization;

namespace Marsad.Core.Events;

/// <summary>A longitude/latitude box, west-south-east-north as GeoJSON writes bounding boxes.</summary>
public sealed record BoundingBox(double West, double South, double East, double North)
{
    /// <summary>Reads "west,south,east,north"; null when the text is not four numbers in range with west ≤ east and south ≤ north.</summary>
    public static BoundingBox? TryParse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4)
        {
            return null;
        }

        var values = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return null;
            }
        }

        var box = new BoundingBox(values[0], values[1], values[2], values[3]);
        return box.West <= box.East && box.South <= box.North && box.West >= -180 && box.East <= 180 && box.South >= -90 && box.North <= 90 ? box : null;
    }
}

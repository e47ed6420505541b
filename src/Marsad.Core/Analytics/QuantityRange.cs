using System.Globalization;
using Marsad.Domain.Common;

namespace Marsad.Core.Analytics;

/// <summary>
/// A sum of quantities that keeps their uncertainty: the sum of the lows (an unknown low counts 0, as
/// ACLED counts an unstated figure), of the bests (best, else low, else 0), and of the highs — which is
/// open (null) as soon as one summand has no stated ceiling, because nothing then bounds the total.
/// </summary>
public sealed record QuantityRange(long Low, long Best, long? High)
{
    public static QuantityRange Zero { get; } = new(0, 0, 0);

    public static QuantityRange Of(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return new QuantityRange(quantity.Low ?? 0, quantity.Best ?? quantity.Low ?? 0, quantity.High);
    }

    public QuantityRange Plus(QuantityRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new QuantityRange(Low + other.Low, Best + other.Best, High is { } h && other.High is { } o ? h + o : null);
    }

    public bool IsExact => High == Low && Best == Low;

    /// <summary>"240", "3 (2–5)", "at most 10", "at least 1000", "an unstated number" (nothing known but that some may be).</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        if (IsExact)
        {
            return Best.ToString(c);
        }

        if (Low == 0 && Best == 0 && High is { } ceiling)
        {
            return string.Create(c, $"at most {ceiling}");
        }

        if (High is null && Best == 0)
        {
            return "an unstated number";
        }

        if (High is null)
        {
            return Low == Best ? string.Create(c, $"at least {Low}") : string.Create(c, $"{Best} (at least {Low})");
        }

        return string.Create(c, $"{Best} ({Low}–{High})");
    }
}

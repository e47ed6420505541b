namespace Marsad.Domain.Common;

/// <summary>
/// A count with its uncertainty. <see cref="Low"/> is the conservative count by ACLED's rules
/// ("dozens" 12, "several" 3, no figure 0); <see cref="High"/> a stated or implied ceiling;
/// <see cref="Best"/> the most likely value. Any of the three may be unknown (null), but those
/// that are known satisfy 0 &lt;= low &lt;= best &lt;= high. <see cref="Text"/> is the wording it came from.
/// </summary>
public sealed record Quantity
{
    public Quantity(int? low, int? best, int? high, string? text = null)
    {
        DomainException.ThrowIf(low is < 0 || best is < 0 || high is < 0, "quantity: counts cannot be negative");
        DomainException.ThrowIf(low is null && best is null && high is null, "quantity: at least one of low, best and high must be known");
        DomainException.ThrowIf(low > best, $"quantity: low {low} is above best {best}");
        DomainException.ThrowIf(best > high, $"quantity: best {best} is above high {high}");
        DomainException.ThrowIf(low > high, $"quantity: low {low} is above high {high}");
        Low = low;
        Best = best;
        High = high;
        Text = text;
    }

    public int? Low { get; }

    public int? Best { get; }

    public int? High { get; }

    public string? Text { get; }

    /// <summary>A count stated exactly.</summary>
    public static Quantity Exactly(int count, string? text = null) => new(count, count, count, text);

    /// <summary>A ceiling only ("has not exceeded ten").</summary>
    public static Quantity AtMost(int ceiling, string? text = null) => new(null, null, ceiling, text);
}

using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Domain.Common;

namespace Marsad.Core.Review.PlainValues;

/// <summary>
/// Counts as a coder types them: <c>3</c>; <c>3-5</c> (low 3, high 5); <c>at least 3</c> or <c>3+</c> (low and best 3, no ceiling);
/// <c>more than 3</c> (low 4); <c>at most 10</c> or <c>up to 10</c> (high 10); <c>fewer than 10</c> (high 9).
/// The typed words are kept as the quantity's text.
/// </summary>
public static partial class PlainQuantity
{
    public static Quantity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (Exact().Match(t) is { Success: true } exact)
        {
            return Quantity.Exactly(N(exact.Groups["n"].Value), t);
        }

        if (Range().Match(t) is { Success: true } range)
        {
            var (low, high) = (N(range.Groups["a"].Value), N(range.Groups["b"].Value));
            return low <= high ? new Quantity(low, null, high, t) : throw new PlainValueException($"'{t}': the low figure is above the high one");
        }

        if (AtLeast().Match(t) is { Success: true } atLeast)
        {
            var n = N(atLeast.Groups["n"].Value) + (atLeast.Groups["w"].Value.ToLowerInvariant() is "more than" or "over" ? 1 : 0);
            return new Quantity(n, n, null, t);
        }

        if (AtMost().Match(t) is { Success: true } atMost)
        {
            var n = N(atMost.Groups["n"].Value) - (atMost.Groups["w"].Value.ToLowerInvariant() is "fewer than" or "less than" or "under" ? 1 : 0);
            return n >= 0 ? Quantity.AtMost(n, t) : throw new PlainValueException($"'{t}' leaves no possible count");
        }

        throw new PlainValueException($"'{t}' is not a count: type 3, 3-5, at least 3 or at most 10");
    }

    private static int N(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new PlainValueException($"'{digits}' is too large a count");

    [GeneratedRegex(@"^(?<n>\d+)$")]
    private static partial Regex Exact();

    [GeneratedRegex(@"^(?<a>\d+)\s*(?:-|–|—|to)\s*(?<b>\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"^(?:(?<w>at least|no fewer than|no less than|more than|over|min(?:imum)?)\s+(?<n>\d+)|(?<n>\d+)\s*\+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AtLeast();

    [GeneratedRegex(@"^(?<w>at most|up to|no more than|fewer than|less than|under|max(?:imum)?)\s+(?<n>\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AtMost();
}

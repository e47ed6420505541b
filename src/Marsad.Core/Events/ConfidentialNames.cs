using System.Text.RegularExpressions;
using Marsad.Core.Access;

namespace Marsad.Core.Events;

/// <summary>
/// Replaces confidential source names, whatever their case, with <see cref="RoleRules.ConfidentialSourceName"/>
/// in text a role below editor receives: a grade's reason lists the sources it counted, and a summary may
/// quote one. A cheap containment test first keeps the common case (no name present) to one scan per name.
/// </summary>
public sealed class ConfidentialNames
{
    private readonly IReadOnlyList<(string Name, Regex Pattern)> _names;

    public ConfidentialNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => (n, new Regex(Regex.Escape(n), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))];
    }

    public static ConfidentialNames None { get; } = new([]);

    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (name, pattern) in _names)
        {
            if (text.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                text = pattern.Replace(text, RoleRules.ConfidentialSourceName);
            }
        }

        return text;
    }
}

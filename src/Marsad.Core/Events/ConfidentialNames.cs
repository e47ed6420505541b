using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Marsad.Core.Access;

namespace Marsad.Core.Events;

/// <summary>
/// Replaces confidential source names, whatever their case, with <see cref="RoleRules.ConfidentialSourceName"/>
/// in text a role below editor receives: a grade's reason lists the sources it counted, and a summary may
/// quote one. The common case (no name present) is one vectorised scan for all names together; the
/// replacing pattern is built only when a name is found, so a set of names is cheap to hold and to test.
/// </summary>
public sealed class ConfidentialNames
{
    private readonly string[] _names;
    private readonly SearchValues<string>? _search;
    private readonly Lazy<Regex> _pattern;

    public ConfidentialNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase)];
        _search = _names.Length == 0 ? null : SearchValues.Create(_names, StringComparison.OrdinalIgnoreCase);
        // Longest first, so a name that contains another is replaced whole.
        _pattern = new(() => new Regex(string.Join('|', _names.OrderByDescending(n => n.Length).Select(Regex.Escape)),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    public static ConfidentialNames None { get; } = new([]);

    /// <summary>Whether there is nothing to hide (no confidential names): callers may pass text on untouched.</summary>
    public bool IsEmpty => _search is null;

    /// <summary>Whether the text holds any of the names (ordinal, ignoring case).</summary>
    public bool Occurs(ReadOnlySpan<char> text) => _search is not null && text.IndexOfAny(_search) >= 0;

    /// <summary>
    /// The same for UTF-8 text, as the database hands it over: when no name occurs (the common case) the bytes
    /// come back as they are, without a string made of them.
    /// </summary>
    public byte[] Scrub(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        if (_search is null)
        {
            return utf8;
        }

        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(utf8, chars);
            return Occurs(chars.AsSpan(0, count)) ? Encoding.UTF8.GetBytes(Scrub(new string(chars, 0, count))) : utf8;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Occurs(text) ? _pattern.Value.Replace(text, RoleRules.ConfidentialSourceName) : text;
    }
}

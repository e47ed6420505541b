using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Extraction.Recognition.Dates;

/// <summary>
/// The publication date a report states in its own text when no metadata gives one: a printed date line at its top or
/// foot ("Last Update: 2023-07-23", "2020-01-02 09:07", "Published on March 4, 2021"), else a full date the writer
/// calls today ("until today, September 23, 2022"), else the Nth month of an
/// operation whose start is known ("Completing the 83rd consecutive month of ... operations" of the Coalition: the day
/// that month completes). Null when the text states neither: a date is never guessed.
/// </summary>
public static partial class StatedPublication
{
    // A date line is a short line of its own near the top (under the title) or at the foot of a page.
    private const int HeadLines = 6;
    private const int FootLines = 4;
    private const int MaxDateLineLength = 80;
    // The month count is read in the title and the lede only: the body counts other spans ("22 months since ...").
    private const int LedeLines = 3;
    private const int MaxOrdinal = 600;

    public static DateOnly? Find(string text, ActorLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        foreach (var line in lines.Take(HeadLines).Concat(lines.Skip(Math.Max(HeadLines, lines.Count - FootLines))))
        {
            if (line.Length <= MaxDateLineLength && DateLine(line) is { } printed)
            {
                return printed;
            }
        }

        // "until today, September 23, 2022": the writer's today, with its year.
        if (TodayPattern().Match(text) is { Success: true } today && DateLine(today.Groups["date"].Value) is { } written)
        {
            return written;
        }

        return NthMonth(lines.Take(LedeLines), lexicon ?? ActorLexicon.Default);
    }

    private static DateOnly? DateLine(string line)
    {
        var m = DateLinePattern().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : MonthOf(m.Groups["mon"].Value);
        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static int MonthOf(string name) =>
        Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames, m => m.Length > 0 && name.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;

    private static DateOnly? NthMonth(IEnumerable<string> lede, ActorLexicon lexicon)
    {
        foreach (var line in lede)
        {
            var m = NthMonthPattern().Match(line);
            if (!m.Success || !int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxOrdinal)
            {
                continue;
            }

            foreach (var (actor, start) in OperationStarts.Default)
            {
                if (lexicon.ByName.TryGetValue(actor, out var entry) && entry.Actor.Variants.Any(v => Names(line, v)))
                {
                    return start.AddMonths(n);
                }
            }
        }

        return null;
    }

    private static bool Names(string line, string phrase)
    {
        var at = line.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetter(line[at - 1])) && (end == line.Length || !char.IsLetter(line[end])))
            {
                return true;
            }

            at = line.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    [GeneratedRegex(@"^(?:(?:last\s+)?updated?|published(?:\s+on)?|posted(?:\s+on)?|date)?\s*:?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})|(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})|(?<d>\d{1,2})\s+(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?<y>\d{4}))(?:[\sT,-]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|Z)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DateLinePattern();

    [GeneratedRegex(@"\btoday,?\s+(?:\((?<date>[^()]{8,30})\)|(?<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TodayPattern();

    [GeneratedRegex(@"\b(?:(?<n>\d{1,3})(?:st|nd|rd|th)\s+(?:consecutive\s+)?month|(?<n>\d{1,3})\s+(?:consecutive\s+)?months)\s+of\b.{0,80}?\boperations\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NthMonthPattern();
}

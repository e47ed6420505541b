namespace Marsad.Extraction.Recognition.Dates;

/// <summary>Month and weekday names, full and abbreviated.</summary>
internal static class CalendarWords
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["January"] = 1, ["Jan"] = 1, ["February"] = 2, ["Feb"] = 2, ["March"] = 3, ["Mar"] = 3, ["April"] = 4, ["Apr"] = 4,
        ["May"] = 5, ["June"] = 6, ["Jun"] = 6, ["July"] = 7, ["Jul"] = 7, ["August"] = 8, ["Aug"] = 8, ["September"] = 9,
        ["Sept"] = 9, ["Sep"] = 9, ["October"] = 10, ["Oct"] = 10, ["November"] = 11, ["Nov"] = 11, ["December"] = 12, ["Dec"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Monday"] = DayOfWeek.Monday, ["Tuesday"] = DayOfWeek.Tuesday, ["Wednesday"] = DayOfWeek.Wednesday, ["Thursday"] = DayOfWeek.Thursday,
        ["Friday"] = DayOfWeek.Friday, ["Saturday"] = DayOfWeek.Saturday, ["Sunday"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every month and weekday name.</summary>
    public static IEnumerable<string> Names => Months.Keys.Concat(Weekdays.Keys);

    /// <summary>A month name; it must be capitalised, so the verbs "march" and "may" are not months.</summary>
    public static bool TryMonth(ReadOnlySpan<char> word, out int month)
    {
        month = 0;
        return word.Length >= 3 && char.IsUpper(word[0]) && MonthLookup.TryGetValue(word, out month);
    }

    public static bool TryWeekday(ReadOnlySpan<char> word, out DayOfWeek day)
    {
        day = default;
        return word.Length >= 6 && char.IsUpper(word[0]) && WeekdayLookup.TryGetValue(word, out day);
    }
}

/// <summary>Month-name test for recognisers outside the date stage (a number beside a month is not a count).</summary>
public static class CalendarWordsAccess
{
    public static bool IsMonth(ReadOnlySpan<char> word) => CalendarWords.TryMonth(word, out _);
}

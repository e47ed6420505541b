namespace Marsad.Extraction.Arabic;

/// <summary>The day words of a clause: a day the text fixes, or the relative words that need the publication date.</summary>
public sealed record ArabicDate(int Start, int End, DateOnly? Day, int DaysBack, DayOfWeek? Weekday, int Month, int DayOfMonth)
{
    /// <summary>True when the words name no day at all (a bare weekday or month still names one, but needs a reference).</summary>
    public bool IsRelative => Day is null;
}

/// <summary>
/// Arabic dates: month names in both calendars' names (Levantine كانون الثاني … كانون الأول and international
/// يناير … ديسمبر, often paired "أيلول/ سبتمبر"), weekdays, أمس، أمس الأول، اليوم، فجر اليوم، منتصف ليل السبت–الأحد.
/// A day is fixed only when the text gives its year or a publication date is known; otherwise it stays unresolved.
/// </summary>
public static class ArabicDates
{
    private static readonly ArabicLexicon<int> Months = new(new Dictionary<string, int>
    {
        ["كانون الثاني"] = 1, ["شباط"] = 2, ["آذار"] = 3, ["نيسان"] = 4, ["أيار"] = 5, ["حزيران"] = 6, ["تموز"] = 7, ["آب"] = 8,
        ["أيلول"] = 9, ["تشرين الأول"] = 10, ["تشرين الثاني"] = 11, ["كانون الأول"] = 12,
        ["يناير"] = 1, ["فبراير"] = 2, ["مارس"] = 3, ["أبريل"] = 4, ["إبريل"] = 4, ["مايو"] = 5, ["يونيو"] = 6, ["يونيه"] = 6,
        ["يوليو"] = 7, ["يوليه"] = 7, ["أغسطس"] = 8, ["سبتمبر"] = 9, ["أكتوبر"] = 10, ["نوفمبر"] = 11, ["ديسمبر"] = 12,
    });

    private static readonly ArabicLexicon<DayOfWeek> Weekdays = new(new Dictionary<string, DayOfWeek>
    {
        ["الأحد"] = DayOfWeek.Sunday, ["الإثنين"] = DayOfWeek.Monday, ["الاثنين"] = DayOfWeek.Monday, ["الثلاثاء"] = DayOfWeek.Tuesday,
        ["الأربعاء"] = DayOfWeek.Wednesday, ["الخميس"] = DayOfWeek.Thursday, ["الجمعة"] = DayOfWeek.Friday, ["السبت"] = DayOfWeek.Saturday,
    });

    // Days before publication: "أمس الأول" (the day before yesterday) is matched before "أمس".
    private static readonly ArabicLexicon<int> Relative = new(new Dictionary<string, int>
    {
        ["أمس الأول"] = 2, ["أول أمس"] = 2, ["أمس"] = 1, ["البارحة"] = 1, ["اليوم"] = 0, ["الليلة"] = 0,
    });

    // "العام الفائت 2021" (last year, 2021): the text is written the year after; "العام الجاري 2022" (this year): that year.
    private static readonly ArabicLexicon<int> YearWords = new(new Dictionary<string, int>
    {
        ["العام الفائت"] = 1, ["العام الماضي"] = 1, ["العام المنصرم"] = 1, ["السنة الماضية"] = 1, ["السنة الفائتة"] = 1, ["العام السابق"] = 1,
        ["العام الحالي"] = 0, ["العام الجاري"] = 0, ["السنة الحالية"] = 0, ["السنة الجارية"] = 0,
    });

    /// <summary>
    /// The year the text says it is written in ("… العام الفائت 2021 …": 2022), or 0 when it says none or its statements
    /// disagree. A day and month without a year then fall in that year when no publication date is known: the text
    /// itself fixes the year, nothing is guessed.
    /// </summary>
    public static int WritingYear(IReadOnlyList<ArabicToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var year = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var (offset, length) = YearWords.Match(tokens, i);
            if (length == 0 || i + length >= tokens.Count || tokens[i + length] is not { IsNumber: true, Number: >= 1900 and <= 2100 } number)
            {
                continue;
            }

            var stated = number.Number + offset;
            if (year != 0 && year != stated)
            {
                return 0;
            }

            year = stated;
        }

        return year;
    }

    /// <summary>Every date expression in tokens [from, to), in text order.</summary>
    public static List<ArabicDate> Find(IReadOnlyList<ArabicToken> tokens, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new List<ArabicDate>();
        var i = from;
        while (i < to)
        {
            var (date, next) = At(tokens, i, to);
            if (date is not null)
            {
                found.Add(date);
                i = next;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    /// <summary>
    /// The day <paramref name="date"/> names, against <paramref name="published"/> when its words need it, or (a day and
    /// month alone, no publication date) in the <paramref name="writingYear"/> the text states; null when nothing fixes it.
    /// </summary>
    public static DateOnly? Resolve(ArabicDate date, DateOnly? published, int writingYear = 0)
    {
        ArgumentNullException.ThrowIfNull(date);
        if (date.Day is { } day)
        {
            return day;
        }

        if (published is not { } p)
        {
            return writingYear > 0 && date.Month > 0 && date.DayOfMonth > 0 && date.DayOfMonth <= DateTime.DaysInMonth(writingYear, date.Month)
                ? new DateOnly(writingYear, date.Month, date.DayOfMonth)
                : null;
        }

        if (date.Month > 0 && date.DayOfMonth > 0)
        {
            // A day and month without a year: the latest such day on or before publication.
            var year = new DateOnly(p.Year, date.Month, Math.Min(date.DayOfMonth, DateTime.DaysInMonth(p.Year, date.Month))) > p ? p.Year - 1 : p.Year;
            return new DateOnly(year, date.Month, Math.Min(date.DayOfMonth, DateTime.DaysInMonth(year, date.Month)));
        }

        var d = p.AddDays(-date.DaysBack);
        if (date.Weekday is { } w && date.DaysBack < 0)
        {
            // A bare weekday: its latest day on or before publication.
            d = p;
            while (d.DayOfWeek != w)
            {
                d = d.AddDays(-1);
            }
        }

        return d;
    }

    /// <summary>The publication date a fixed day implies when the text names it relatively too ("أمس الاثنين 23 أيلول 2019": published the 24th).</summary>
    public static DateOnly? ImpliedPublication(ArabicDate date)
    {
        ArgumentNullException.ThrowIfNull(date);
        return date.Day is { } day && date.DaysBack >= 0 ? day.AddDays(date.DaysBack) : null;
    }

    private static (ArabicDate? Date, int Next) At(IReadOnlyList<ArabicToken> tokens, int i, int to)
    {
        var start = i;
        var daysBack = -1;
        DayOfWeek? weekday = null;
        var (back, backLength) = Relative.Match(tokens, i, to);
        // "اليوم" is today, "يوم" alone only "day" ("يوم أمس"); "الأحد" is Sunday, "أحد" "one of".
        if (backLength > 0 && (back > 0 || HasArticle(tokens[i])))
        {
            daysBack = back;
            i += backLength;
        }

        // "منتصف ليل السبت – الأحد", "ليلة السبت": the night belongs to the day after midnight, the second weekday.
        var (wd, wdLength) = Weekdays.Match(tokens, i, to);
        if (wdLength > 0 && HasArticle(tokens[i]))
        {
            weekday = wd;
            i += wdLength;
            var (second, secondLength) = Weekdays.Match(tokens, i, to);
            if (secondLength > 0 && HasArticle(tokens[i]))
            {
                weekday = second;
                i += secondLength;
            }
        }

        var (month, day, year, next) = DayMonthYear(tokens, i, to);
        if (month > 0)
        {
            DateOnly? fixedDay = year > 0 && day > 0 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
            return (new ArabicDate(tokens[start].Start, tokens[next - 1].End, fixedDay, daysBack, weekday, month, day), next);
        }

        if (daysBack < 0 && weekday is null)
        {
            return (null, start + 1);
        }

        // A weekday alone refers to the latest such day; with أمس/اليوم the relative word decides.
        return (new ArabicDate(tokens[start].Start, tokens[i - 1].End, null, weekday is not null && daysBack < 0 ? -1 : Math.Max(daysBack, 0), weekday, 0, 0), i);
    }

    private static bool HasArticle(ArabicToken t) => t.Forms.Any(f => f.StartsWith("ال", StringComparison.Ordinal));

    // "23 أيلول/ سبتمبر 2019", "الـ 23 من أكتوبر", "الأول من شباط", "أيلول 2019" (a month alone is not a day).
    private static (int Month, int Day, int Year, int Next) DayMonthYear(IReadOnlyList<ArabicToken> tokens, int i, int to)
    {
        var j = i;
        if (j < to && tokens[j].Norm is "ال" or "الـ")
        {
            j++;
        }

        var day = 0;
        if (j < to && tokens[j].IsNumber && tokens[j].Number is >= 1 and <= 31)
        {
            day = tokens[j].Number;
            j++;
        }
        else if (j < to && ArabicNumbers.Ordinal(tokens[j]) is var o and > 0)
        {
            day = o;
            j++;
        }

        if (day > 0 && j < to && tokens[j].Norm is "من" or "في")
        {
            j++;
        }

        var (month, length) = Months.Match(tokens, j, to);
        if (length == 0 || day == 0)
        {
            return (0, 0, 0, i);
        }

        j += length;
        // "أيلول/ سبتمبر": the same month in the other calendar's name.
        if (j + 1 < to && tokens[j].Norm == "/" && Months.Match(tokens, j + 1, to) is (_, > 0) again)
        {
            j += 1 + again.Length;
        }

        var year = 0;
        if (j < to && tokens[j].IsNumber && tokens[j].Number is >= 1990 and <= 2100)
        {
            year = tokens[j].Number;
            j++;
        }

        return (month, day, year, j);
    }
}

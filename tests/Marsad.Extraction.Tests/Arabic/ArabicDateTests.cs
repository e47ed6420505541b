using Marsad.Extraction.Arabic;

namespace Marsad.Extraction.Tests.Arabic;

public class ArabicDateTests
{
    private static ArabicDate Only(string text)
    {
        var tokens = ArabicTokenizer.Tokenize(text);
        return Assert.Single(ArabicDates.Find(tokens, 0, tokens.Length));
    }

    [Theory]
    [InlineData("يوم الخميس 14 تشرين الثاني/ نوفمبر 2019", "2019-11-14")]
    [InlineData("في الـ 3 من آذار 2020", "2020-03-03")]
    [InlineData("في الثالث من شباط 2022", "2022-02-03")]
    [InlineData("بتاريخ ٢٨ كانون الأول ٢٠٢١", "2021-12-28")]
    [InlineData("في 5 أغسطس 2018", "2018-08-05")]
    public void A_day_with_its_year_is_fixed_without_a_publication_date(string text, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), ArabicDates.Resolve(Only(text), null));

    [Theory]
    [InlineData("أمس")]
    [InlineData("صباح اليوم")]
    [InlineData("فجر اليوم الجمعة")]
    [InlineData("في 13 نيسان")]
    [InlineData("بعد منتصف ليل السبت – الأحد")]
    public void Without_a_publication_date_relative_days_stay_unresolved(string text) =>
        Assert.Null(ArabicDates.Resolve(Only(text), null));

    [Theory]
    [InlineData("تصاعدت الهجمات خلال العام الفائت 2021 وتستمر، ففي الأول من شباط قصفت مسيرة محطة", "2022-02-01")]
    [InlineData("منذ مطلع السنة الجارية 2020 وفي 13 نيسان سقطت قذائف على الحي", "2020-04-13")]
    public void A_day_and_month_fall_in_the_year_the_text_says_it_is_written_in(string text, string day)
    {
        var tokens = ArabicTokenizer.Tokenize(text);
        var date = Assert.Single(ArabicDates.Find(tokens, 0, tokens.Length), d => d.Month > 0);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), ArabicDates.Resolve(date, null, ArabicDates.WritingYear(tokens)));
    }

    [Theory]
    [InlineData("في 13 نيسان قصفت قوات النظام البلدة")]
    [InlineData("خلال العام الماضي 2019 والعام الجاري 2021 وفي 13 نيسان")]
    [InlineData("في العام الماضي قتل 2019 شخصا، وفي 13 نيسان سقطت قذائف")]
    public void Without_a_stated_year_or_with_years_that_disagree_the_day_stays_unresolved(string text)
    {
        var tokens = ArabicTokenizer.Tokenize(text);
        var date = Assert.Single(ArabicDates.Find(tokens, 0, tokens.Length), d => d.Month > 0);
        Assert.Null(ArabicDates.Resolve(date, null, ArabicDates.WritingYear(tokens)));
    }

    [Theory]
    [InlineData("أمس", "2021-06-09")]
    [InlineData("أمس الأول", "2021-06-08")]
    [InlineData("فجر اليوم", "2021-06-10")]
    [InlineData("يوم الاثنين", "2021-06-07")]
    [InlineData("بعد منتصف ليل الاثنين – الثلاثاء", "2021-06-08")]
    [InlineData("في 13 نيسان", "2021-04-13")]
    [InlineData("في 20 كانون الأول", "2020-12-20")]
    public void Relative_days_resolve_against_the_publication_date(string text, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), ArabicDates.Resolve(Only(text), new DateOnly(2021, 6, 10)));

    [Fact]
    public void One_of_is_not_sunday()
    {
        var tokens = ArabicTokenizer.Tokenize("أصيب أحد عناصر الفصائل");
        Assert.Empty(ArabicDates.Find(tokens, 0, tokens.Length));
    }

    [Fact]
    public void Yesterday_with_its_date_implies_the_publication_day() =>
        Assert.Equal(new DateOnly(2019, 11, 15), ArabicDates.ImpliedPublication(Only("أمس الخميس 14 تشرين الثاني 2019")));
}

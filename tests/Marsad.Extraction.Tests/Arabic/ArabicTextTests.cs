using Marsad.Extraction.Arabic;

namespace Marsad.Extraction.Tests.Arabic;

public class ArabicTextTests
{
    [Theory]
    [InlineData("إدلب", "ادلب")]
    [InlineData("آذار", "اذار")]
    [InlineData("قريةُ", "قريه")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مسيّرة", "مسيره")]
    [InlineData("قتــيل", "قتيل")]
    [InlineData("مسؤول", "مسوول")]
    public void Normalises_letters_for_matching(string word, string folded) =>
        Assert.Equal(folded, ArabicLetters.Normalize(word));

    [Fact]
    public void Tokens_keep_offsets_into_the_original_text()
    {
        const string text = "قصفت “قسد” قريةَ الخالدية";
        var tokens = ArabicTokenizer.Tokenize(text);
        Assert.Equal(["قصفت", "قسد", "قريه", "الخالديه"], tokens.Select(t => t.Norm));
        Assert.Equal("قريةَ", text[tokens[2].Start..tokens[2].End]);
    }

    [Theory]
    [InlineData("والفطيرة", "فطيره")]
    [InlineData("بالمدفعية", "مدفعيه")]
    [InlineData("للنظام", "نظام")]
    [InlineData("فقصفت", "قصفت")]
    [InlineData("لقوات", "قوات")]
    [InlineData("وأم", "ام")]
    public void Strips_conjunction_preposition_and_article(string word, string stem) =>
        Assert.Equal(stem, ArabicPrefixes.Stem(ArabicLetters.Normalize(word)));

    [Fact]
    public void A_word_keeps_its_own_form_first()
    {
        var forms = ArabicPrefixes.Forms(ArabicLetters.Normalize("بلدة"));
        Assert.Equal("بلده", forms[0]);
    }

    [Theory]
    [InlineData("٢٣", 23)]
    [InlineData("۱۵", 15)]
    [InlineData("1,250", 1250)]
    public void Reads_digits_of_every_script(string text, int value) =>
        Assert.Equal(value, Assert.Single(ArabicTokenizer.Tokenize(text)).Number);

    [Fact]
    public void A_time_with_a_comma_is_two_numbers() =>
        Assert.Equal(2, ArabicTokenizer.Tokenize("19,16").Count(t => t.IsNumber));

    [Theory]
    [InlineData("خمسة", 5)]
    [InlineData("خمسة وعشرون", 25)]
    [InlineData("ثلاثة عشر", 13)]
    [InlineData("عشرات", 10)]
    [InlineData("مئات", 100)]
    [InlineData("ألف", 1000)]
    public void Reads_number_words(string text, int value) =>
        Assert.Equal(value, ArabicNumbers.At(ArabicTokenizer.Tokenize(text), 0).Value);

    [Theory]
    [InlineData("نحو 12", 12)]
    [InlineData("أكثر من 30", 30)]
    [InlineData("ما لا يقل عن 8", 8)]
    [InlineData("إلى 6 على الأقل", 6)]
    public void Qualified_counts_are_the_stated_figure(string text, int value)
    {
        var tokens = ArabicTokenizer.Tokenize(text);
        Assert.Equal(value, ArabicNumbers.After(tokens, 0, tokens.Length).Value);
    }

    [Theory]
    [InlineData("عنصر", 1)]
    [InlineData("عنصرين", 2)]
    [InlineData("مدنيين", 0)]
    [InlineData("شخصين", 2)]
    public void Person_nouns_count_singular_and_dual(string word, int count) =>
        Assert.Equal(count, ArabicNumbers.PersonCount(ArabicTokenizer.Tokenize(word)[0]));

    [Theory]
    [InlineData("قصفت قوات النظام قرية في ريف حماة", "ar")]
    [InlineData("Regime forces shelled a village in rural Hama", "en")]
    [InlineData("قصفت قوات النظام (regime forces) قرية في ريف حماة الشمالي", "ar")]
    public void Detects_the_language(string text, string language) =>
        Assert.Equal(language, LanguageDetector.Detect(text));

    [Fact]
    public void Detects_the_language_of_each_paragraph()
    {
        var p = LanguageDetector.Paragraphs("قصفت قوات النظام قرية في ريف حماة.\nThe ministry said nothing happened.");
        Assert.Equal(["ar", "en"], p.Select(x => x.Language));
    }
}

using Marsad.Domain.Records;
using Marsad.Extraction.Arabic;
using Marsad.Extraction.Output;

namespace Marsad.Extraction.Tests.Arabic;

/// <summary>Claims, persons and figure checks read from Arabic sentences written for these tests.</summary>
public class ArabicStatementTests
{
    private const string Attack = "هاجم مسلحون مجهولون حاجزا لقوات النظام في بلدة كفرنبل بريف إدلب الجنوبي، ما أدى لمقتل 9 عناصر.";

    [Fact]
    public void A_ministry_statement_is_a_claim_with_an_english_gloss()
    {
        var r = ArabicRead.Run(Attack + "\nوقالت وزارة الدفاع السورية إن 6 جنود قتلوا في الهجوم.");
        var c = Assert.Single(r.Claims);
        Assert.Equal("Syrian Ministry of Defence", c.Claimant);
        Assert.Equal("6 جنود قتلوا في الهجوم", c.Statement);
        Assert.Contains("soldiers", c.Gloss, StringComparison.Ordinal);
        Assert.Contains("killed", c.Gloss, StringComparison.Ordinal);
        Assert.Equal(Verdict.Unverified, c.Verdict);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        ContractJsonWriter.WriteLine(buffer, r);
        Assert.Contains("\"statement_en\"", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
    }

    [Fact]
    public void The_party_toll_against_the_report_toll_is_a_figure_mismatch()
    {
        var r = ArabicRead.Run(Attack + "\nوقالت وزارة الدفاع السورية إن 6 جنود قتلوا في الهجوم.");
        var check = Assert.Single(r.Checks);
        Assert.Equal("figure_mismatch", check.Kind);
        Assert.Contains("9", check.Message, StringComparison.Ordinal);
        Assert.Contains("6", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_toll_raises_no_check()
    {
        var r = ArabicRead.Run(Attack + "\nوقالت وزارة الدفاع السورية إن 9 جنود قتلوا في الهجوم.");
        Assert.Single(r.Claims);
        Assert.Empty(r.Checks);
    }

    [Fact]
    public void A_claim_of_responsibility_is_glossed_as_one()
    {
        var r = ArabicRead.Run(Attack + "\nوأعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم عبر معرفاته على تلغرام.");
        var c = Assert.Single(r.Claims);
        Assert.Equal("Islamic State (Syria)", c.Claimant);
        Assert.StartsWith("claimed responsibility", c.Gloss, StringComparison.Ordinal);
        Assert.Contains("Telegram", c.Gloss, StringComparison.Ordinal);
    }

    [Fact]
    public void The_observatory_reports_and_does_not_claim()
    {
        var r = ArabicRead.Run(Attack + "\nوأفاد المرصد السوري أن المهاجمين انسحبوا إلى جهة مجهولة.");
        Assert.Empty(r.Claims);
    }

    [Fact]
    public void A_denial_that_the_observatory_rejects_is_false()
    {
        var r = ArabicRead.Run("نفت وزارة الداخلية وقوع أي اعتقالات في مدينة درعا خلال الأسبوع الماضي.\nوأكد المرصد السوري خلافا لما ذكرته الوزارة أن الأجهزة الأمنية اعتقلت 12 شابا.");
        var c = r.Claims.First(c => c.Claimant == "Ministry of Interior");
        Assert.StartsWith("denied", c.Gloss, StringComparison.Ordinal);
        Assert.Equal(Verdict.False, c.Verdict);
    }

    [Theory]
    [InlineData("عثر الأهالي على جثة المدعو سليم عواد في أطراف بلدة داعل بريف درعا.", "سليم عواد", PersonStatus.Killed)]
    [InlineData("اعتقلت الأجهزة الأمنية العقيد فراس خليل عند حاجز في مدينة حماة.", "فراس خليل", PersonStatus.Detained)]
    [InlineData("اختطف مسلحون مجهولون الشاب (ماهر سعيد) على طريق السويداء دمشق.", "ماهر سعيد", PersonStatus.Abducted)]
    [InlineData("لا يزال مصير الطفل «كريم ناصر» مجهول المصير منذ خروجه من منزله في بلدة الحراك.", "كريم ناصر", PersonStatus.Missing)]
    public void A_named_person_takes_the_status_of_the_sentence(string text, string name, PersonStatus status)
    {
        var p = Assert.Single(ArabicRead.Run(text).Persons);
        Assert.Equal(name, p.Name);
        Assert.Equal(status, p.Status);
        Assert.Equal(name, p.ArabicName);
    }

    [Theory]
    [InlineData("قتل الشاب (ع.م) برصاص مجهولين في بلدة داعل بريف درعا.")]
    [InlineData("قتل شاب برصاص مجهولين في بلدة داعل بريف درعا.")]
    public void Initials_and_descriptions_name_no_one(string text) => Assert.Empty(ArabicRead.Run(text).Persons);

    [Fact]
    public void A_local_time_that_does_not_fit_the_gmt_time_beside_it_is_an_inconsistency()
    {
        var r = ArabicRead.Run("قصفت طائرات حربية مواقع قرب مدينة حماة عند الساعة 22,30 (04,30 بتوقيت غرينتش) من مساء الأحد.");
        var check = Assert.Single(r.Checks);
        Assert.Equal("internal_inconsistency", check.Kind);
        Assert.Empty(ArabicRead.Run("قصفت طائرات حربية مواقع قرب مدينة حماة عند الساعة 22,30 (19,30 بتوقيت غرينتش) من مساء الأحد.").Checks);
    }

    [Fact]
    public void A_headline_toll_that_no_body_figure_gives_is_a_mismatch()
    {
        var body = "\nهاجم مسلحون مجهولون حاجزا لقوات النظام في بلدة كفرنبل بريف إدلب الجنوبي، ما أدى لمقتل 3 عناصر.";
        var wrong = ArabicRead.Run("مقتل 5 عناصر من قوات النظام بهجوم في ريف إدلب" + body);
        Assert.Equal("figure_mismatch", Assert.Single(wrong.Checks).Kind);
        Assert.Empty(ArabicRead.Run("مقتل 3 عناصر من قوات النظام بهجوم في ريف إدلب" + body).Checks);
        Assert.Empty(ArabicRead.Run("مقتل وجرح 5 عناصر من قوات النظام بهجوم في ريف إدلب" + body).Checks);
    }

    [Theory]
    [InlineData("وقتلت 5 إرهابيين", "and killed 5 terrorists")]
    [InlineData("قتل 11 عسكريا ومدنيين اثنين", "killed 11 soldiers and civilians two")]
    [InlineData("أدى العدوان إلى جرح جنديين", "led aggression attack … wounded two soldiers")]
    public void Death_and_injury_words_are_glossed(string arabic, string english)
    {
        var tokens = ArabicTokenizer.Tokenize(arabic);
        Assert.Equal(english, ArabicGloss.Of(tokens, 0, tokens.Length));
    }

    [Fact]
    public void The_gloss_keeps_figures_and_marks_what_it_left_out()
    {
        var tokens = ArabicTokenizer.Tokenize("أسقطت الدفاعات الجوية 4 صواريخ فوق الوادي");
        var gloss = ArabicGloss.Of(tokens, 0, tokens.Length);
        Assert.Equal("shot down intercepted air defences 4 missiles …", gloss);
        Assert.Null(ArabicGloss.Of(ArabicTokenizer.Tokenize("كلام لا يعرفه المسرد"), 0, 4));
    }
}

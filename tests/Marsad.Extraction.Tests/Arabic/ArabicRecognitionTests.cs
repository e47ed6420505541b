using Marsad.Domain.Events;
using Marsad.Extraction.Arabic;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Extraction.Tests.Arabic;

public class ArabicRecognitionTests
{
    private static ArabicToken[] T(string text) => ArabicTokenizer.Tokenize(text);

    private static AcledSubEventType? TypeOf(string clause)
    {
        var tokens = T(clause);
        var triggers = new List<Assembly.Trigger>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var (trigger, length) = ArabicTriggers.Lexicon.Match(tokens, i);
            if (length > 0)
            {
                triggers.Add(trigger!);
                i += length - 1;
            }
        }

        return ArabicTriggers.Decide(triggers)?.SubType;
    }

    public static TheoryData<string, string> Triggers => new()
    {
        { "قصفت قوات النظام بالمدفعية الثقيلة أطراف البلدة", "Shelling/artillery/missile attack" },
        { "سقطت قذائف صاروخية على الحي", "Shelling/artillery/missile attack" },
        { "نفذت طائرات حربية غارات جوية على القرية", "Air/drone strike" },
        { "استهدفت طائرة مسيّرة سيارة عسكرية", "Air/drone strike" },
        { "ألقت مروحيات النظام براميل متفجرة", "Air/drone strike" },
        { "دارت اشتباكات عنيفة على محور القرية", "Armed clash" },
        { "انفجرت عبوة ناسفة بسيارة مدنية", "Remote explosive/landmine/IED" },
        { "انفجار لغم أرضي من مخلفات الحرب", "Remote explosive/landmine/IED" },
        { "ألقى مجهولون قنبلة يدوية على حاجز", "Grenade" },
        { "شنت قوات النظام حملة اعتقالات في البلدة", "Arrests" },
        { "اختطف مسلحون شابا على الطريق", "Abduction/forced disappearance" },
        { "خرج الأهالي في مظاهرة وسط المدينة", "Peaceful protest" },
        { "وصل رتل عسكري تركي إلى القاعدة", "Change to group/activity" },
        { "نصبت القوات منظومة رادار في المنطقة", "Other" },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Wording_gives_the_acled_sub_type(string clause, string subType) =>
        Assert.Equal(subType, TypeOf(clause)?.Label);

    [Theory]
    [InlineData("دون ورود معلومات عن خسائر بشرية", ArabicCues.Cue.NoCasualties)]
    [InlineData("لم تسفر عن خسائر بشرية", ArabicCues.Cue.NoCasualties)]
    [InlineData("نفت وزارة الدفاع وقوع القصف", ArabicCues.Cue.Denial)]
    [InlineData("أطلقت القوات قنابل مضيئة فوق القرية", ArabicCues.Cue.NotEvent)]
    [InlineData("منذ مطلع العام الجاري", ArabicCues.Cue.NotEvent)]
    [InlineData("متأثرا بجراحه جراء قصف سابق", ArabicCues.Cue.Earlier)]
    public void Finds_negation_and_non_event_cues(string text, ArabicCues.Cue cue)
    {
        var tokens = T(text);
        Assert.Contains(cue, ArabicCues.Find(tokens, 0, tokens.Length));
    }

    [Fact]
    public void Unknown_size_of_losses_is_not_no_casualties()
    {
        var tokens = T("دون معلومات عن حجم الخسائر");
        Assert.Empty(ArabicCues.Find(tokens, 0, tokens.Length));
    }

    [Theory]
    [InlineData("قصفت قوات النظام القرية", "Military Forces of Syria (2000-)")]
    [InlineData("استهدفت “قسد” نقطة", "QSD: Syrian Democratic Forces")]
    [InlineData("هاجمت خلايا تنظيم «الدولة الإسلامية» الحاجز", "Islamic State (Syria)")]
    [InlineData("قصفت الفصائل الموالية لتركيا القرية", "JWS: Syrian National Army")]
    [InlineData("أغارت طائرات التحالف الدولي", "Global Coalition Against Daesh")]
    [InlineData("تقدمت الميليشيات الموالية لإيران", "Militia (Pro-Iran)")]
    [InlineData("اشتبكت هيئة تحرير الشام", "HTS: Hayat Tahrir al Sham")]
    [InlineData("أعلنت غرفة عمليات «الفتح المبين»", "Al Fath Al Mubeen Operation Room")]
    [InlineData("قصفت القوات التركية", "Military Forces of Turkey (2016-)")]
    public void Arabic_names_map_to_canonical_actors(string text, string actor)
    {
        var tokens = T(text);
        Assert.Equal(actor, ArabicActors.Find(tokens, 0, tokens.Length)[0].Actor.Name);
    }

    [Fact]
    public void The_longest_name_wins()
    {
        var tokens = T("قصفت الفصائل الموالية لتركيا قرى منبج");
        var m = Assert.Single(ArabicActors.Find(tokens, 0, tokens.Length));
        Assert.Equal(3, m.Length);
    }

    [Fact]
    public void Every_canonical_name_is_one_the_english_lexicon_uses_or_acled_names()
    {
        _ = ArabicActors.Lexicon;
        string[] acledOnly = ["Civilians (Syria)"];
        Assert.All(ArabicActors.CanonicalNames, n => Assert.True(ActorLexicon.Default.ByName.ContainsKey(n) || acledOnly.Contains(n), n));
    }

    private static List<ArabicPlace> Places(string text)
    {
        var tokens = T(text);
        return ArabicPlaces.Find(tokens, 0, tokens.Length, text, [], new bool[tokens.Length]);
    }

    [Fact]
    public void A_list_of_villages_gives_each_village()
    {
        var sites = Places("قصفت القوات قرى الحميدية والزيارة وأم الصير والشيخ حديد بريف حماة الغربي").Where(p => !p.IsRegion).Select(p => p.Name);
        Assert.Equal(["الحميدية", "الزيارة", "أم الصير", "الشيخ حديد"], sites);
    }

    [Fact]
    public void A_countryside_is_a_region_and_context()
    {
        var p = Places("في قرية المشيرفة بريف حلب الشمالي");
        Assert.Contains(p, x => x is { IsRegion: true, Name: "ريف حلب الشمالي" });
        Assert.Contains(p, x => x is { IsRegion: false, Name: "المشيرفة" });
    }

    [Fact]
    public void Two_countrysides_joined_are_two_regions() =>
        Assert.Equal(["ريف حماة الشمالي", "ريف حماة الغربي"], Places("مناطق بريفي حماة الشمالي والغربي").Select(p => p.Name));

    [Fact]
    public void A_place_after_a_direction_is_a_reference()
    {
        var p = Places("استهدفت موقعا في قرية الخربة جنوب بلدة تل حميس");
        Assert.False(p.Single(x => x.Name == "الخربة").IsReference);
        Assert.True(p.Single(x => x.Name.Contains("حميس", StringComparison.Ordinal)).IsReference);
    }

    [Fact]
    public void A_site_keeps_its_kind_in_the_name() =>
        Assert.Contains(Places("قصفت القوات محيط حقل الجفرة النفطي"), p => p.Name == "حقل الجفرة النفطي");
}

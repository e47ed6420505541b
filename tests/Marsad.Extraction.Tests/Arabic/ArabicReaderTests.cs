using Marsad.Domain.Events;
using Marsad.Extraction.Output;

namespace Marsad.Extraction.Tests.Arabic;

public class ArabicReaderTests
{
    private static int? Fatalities(ConflictEvent e) => e.Quantities.TryGetValue("fatalities", out var q) ? q.Low : null;

    [Fact]
    public void A_shelled_list_of_villages_gives_one_event_each()
    {
        var r = ArabicRead.Run("قصفت قوات النظام بالمدفعية الثقيلة قرى كفرنبل وحاس والبارة بريف إدلب الجنوبي، دون ورود معلومات عن خسائر بشرية.");
        Assert.Equal("ar", r.Document.Language);
        Assert.Equal(3, r.Events.Length);
        Assert.All(r.Events, e =>
        {
            Assert.Equal(AcledSubEventType.ShellingArtilleryMissileAttack, e.SubEventType);
            Assert.Equal("Military Forces of Syria (2000-)", e.Actor1);
            Assert.Equal(0, Fatalities(e));
        });
        Assert.Equal(["كفرنبل", "حاس", "البارة"], r.Events.Select(e => e.Location!.Name));
    }

    [Fact]
    public void A_known_village_is_placed_by_the_gazetteer()
    {
        var r = ArabicRead.Run("قصفت قوات النظام بلدة كفرنبل بريف إدلب الجنوبي.");
        var e = Assert.Single(r.Events);
        Assert.Equal("Idleb", e.Location!.Admin1);
        Assert.NotNull(e.Location.Point);
    }

    [Fact]
    public void Deaths_and_the_victims_side_are_read()
    {
        var r = ArabicRead.Run("وثق المرصد مقتل عنصرين من “قسد” جراء استهداف طائرة مسيرة تركية لسيارة عسكرية في قرية تل طويل بريف الحسكة.");
        var e = Assert.Single(r.Events);
        Assert.Equal(AcledSubEventType.AirDroneStrike, e.SubEventType);
        Assert.Equal("Military Forces of Turkey (2016-)", e.Actor1);
        Assert.Equal("QSD: Syrian Democratic Forces", e.Actor2);
        Assert.Equal(2, Fatalities(e));
    }

    [Fact]
    public void A_denied_strike_is_no_event() =>
        Assert.Empty(ArabicRead.Run("نفت وزارة الدفاع أن تكون طائراتها قصفت بلدة كفرنبل.").Events);

    [Fact]
    public void Flares_are_no_event() =>
        Assert.Empty(ArabicRead.Run("أطلقت القوات التركية قنابل مضيئة في سماء قرية عين عيسى.").Events);

    [Fact]
    public void Without_a_publication_date_yesterday_stays_undated_and_prints_null()
    {
        var r = ArabicRead.Run("قصفت قوات النظام أمس بلدة كفرنبل بريف إدلب.");
        var e = Assert.Single(r.Events);
        Assert.True(r.Undated.ContainsKey(e.Id));
        var json = ContractJsonWriter.ToJson(r);
        Assert.Contains("\"date\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"date_text\":\"أمس\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_publication_date_yesterday_is_the_day_before()
    {
        var r = ArabicRead.Run("قصفت قوات النظام أمس بلدة كفرنبل بريف إدلب.", "2021-06-10");
        var e = Assert.Single(r.Events);
        Assert.Empty(r.Undated);
        Assert.Equal(new DateOnly(2021, 6, 9), e.Date.Start);
    }

    [Fact]
    public void A_dated_yesterday_fixes_the_other_relative_days()
    {
        var r = ArabicRead.Run("قصفت قوات النظام، أمس الأحد 12 كانون الثاني/ يناير 2020، بلدة كفرنبل.\nوقضى مدني في قرية حاس جراء قصف الفصائل يوم أمس.");
        Assert.All(r.Events, e => Assert.Equal(new DateOnly(2020, 1, 12), e.Date.Start));
        Assert.Empty(r.Undated);
    }

    [Fact]
    public void An_english_report_stays_english() =>
        Assert.Equal("en", ArabicRead.Run("Regime forces shelled Kafr Nobol in the southern Idlib countryside.", "2021-06-10").Document.Language);

    [Fact]
    public void A_headline_without_a_full_stop_is_not_an_event_of_its_own()
    {
        var r = ArabicRead.Run("قوات النظام تقصف كفرنبل\nقصفت قوات النظام بلدة كفرنبل بريف إدلب الجنوبي.");
        Assert.Single(r.Events);
    }

    [Fact]
    public void A_mixed_report_reads_each_paragraph_in_its_language()
    {
        var r = ArabicRead.Run("Regime forces shelled Kafr Nobol in the southern Idlib countryside on Monday, killing two civilians.\n\nوقصفت الفصائل الموالية لتركيا بالمدفعية قرية الصيادة بريف منبج، دون ورود معلومات عن خسائر بشرية.", "2021-06-10");
        Assert.Contains(r.Events, e => e.Actor1 == "JWS: Syrian National Army" && e.Location?.Name == "الصيادة");
        Assert.Contains(r.Events, e => e.Actor1 == "Military Forces of Syria (2000-)");
    }

    [Fact]
    public void A_target_joined_to_a_target_is_not_the_attacker()
    {
        var r = ArabicRead.Run("قتل عنصر من قوات النظام والمسلحين الموالين لها جراء قصف الفصائل محور قرية الحاكورة.");
        var e = Assert.Single(r.Events);
        Assert.Equal("Opposition Rebels (Syria)", e.Actor1);
    }
}

using Marsad.Extraction.Arabic;

namespace Marsad.Extraction.Tests.Arabic;

/// <summary>The Arabic names shown beside canonical ones: each actor's usual name, and a place as a sentence (written for this test) wrote it.</summary>
public class ArabicNamesTests
{
    [Theory]
    [InlineData("Military Forces of Syria (2000-)", "قوات النظام")]
    [InlineData("Islamic State (Syria)", "تنظيم الدولة الإسلامية")]
    [InlineData("Military Forces of Israel (2009-2021)", "القوات الإسرائيلية")]
    [InlineData("Civilians (Syria)", "المدنيين")]
    public void An_actor_has_its_usual_arabic_name(string canonical, string arabic) =>
        Assert.Equal(arabic, ArabicActors.ArabicNameOf(canonical));

    [Fact]
    public void An_actor_the_arabic_lexicon_does_not_know_has_none()
    {
        Assert.Null(ArabicActors.ArabicNameOf("Military Forces of Nowhere"));
        Assert.Null(ArabicActors.ArabicNameOf(null));
    }

    [Fact]
    public void The_lexicon_lists_its_canonical_names_once_read()
    {
        Assert.Contains("Military Forces of Syria (2000-)", ArabicActors.CanonicalNames);
        Assert.True(ArabicActors.CanonicalNames.Count >= 20);
    }

    [Theory]
    [InlineData("سقطت قذائف على وكفرنبل صباحا", "وكفرنبل", "كفرنبل")]
    [InlineData("قصف استهدف والفطيرة", "والفطيرة", "الفطيرة")]
    [InlineData("اشتباكات في بنش", "بنش", "بنش")]
    [InlineData("غارة على معرة النعمان", "معرة النعمان", "معرة النعمان")]
    public void A_place_is_named_without_the_letters_written_onto_it(string sentence, string span, string name)
    {
        var start = sentence.IndexOf(span, StringComparison.Ordinal);
        Assert.Equal(name, ArabicPlaces.NameAsWritten(sentence, start, start + span.Length));
    }
}

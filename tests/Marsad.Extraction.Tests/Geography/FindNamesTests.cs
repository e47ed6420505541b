namespace Marsad.Extraction.Tests.Geography;

public sealed class FindNamesTests
{
    [Fact]
    public void Finds_place_names_with_their_articles_in_text_order()
    {
        const string text = "On Monday, clashes broke out in the eastern countryside of al-Hasakah and near Deir ez-Zor, north of Tell Abiad.";
        var found = ShippedGazetteer.Geocoder.FindNames(text).Select(m => m.Text).ToArray();
        Assert.Equal(["al-Hasakah", "Deir ez-Zor", "Tell Abiad"], found);
    }

    [Fact]
    public void Spans_point_into_the_text()
    {
        const string text = "Shelling hit Kafr Nabl.";
        var match = Assert.Single(ShippedGazetteer.Geocoder.FindNames(text));
        Assert.Equal("Kafr Nabl", text[match.Start..match.End]);
    }

    [Fact]
    public void Finds_Arabic_names()
    {
        const string text = "قصف على مدينة إدلب وريف حلب";
        var found = ShippedGazetteer.Geocoder.FindNames(text).Select(m => m.Text).ToArray();
        Assert.Contains("إدلب", found);
        Assert.Contains("حلب", found);
    }

    [Fact]
    public void A_loosely_spelled_name_is_taken_where_the_wording_expects_a_place()
    {
        const string text = "reinforcements reached the bases in al-Hasakah, Koniko and Al-Omar.";
        var found = ShippedGazetteer.Geocoder.FindNames(text).Select(m => m.Text).ToArray();
        Assert.Equal(["al-Hasakah", "Koniko", "Al-Omar"], found);
    }

    [Fact]
    public void A_loosely_spelled_two_word_name_is_not_split_at_a_first_word_that_names_another_place()
    {
        const string text = "Government forces shelled Kafr Nabl and Maarrat Harma yesterday.";
        var found = ShippedGazetteer.Geocoder.FindNames(text).Select(m => m.Text).ToArray();
        Assert.Equal(["Kafr Nabl", "Maarrat Harma"], found);
    }

    [Theory]
    [InlineData("Clashes between the Hamza Division and the SDF.")]
    [InlineData("Fighters of Ahrar al-Sham withdrew.")]
    [InlineData("Hayat Tahrir al-Sham shelled regime positions.")]
    [InlineData("Fighters of the Menbij Military Council repelled the attack.")]
    [InlineData("The Liberation Army of Afrin claimed the attack.")]
    [InlineData("Fighters of Khalid ibn al-Walid withdrew.")]
    [InlineData("Suqour al-Sham and the Hamza Division exchanged fire.")]
    [InlineData("Members of the Tall Refaat communal militia were arrested.")]
    public void Place_names_inside_armed_group_names_are_left_out(string text) =>
        Assert.Empty(ShippedGazetteer.Geocoder.FindNames(text));

    [Fact]
    public void Common_first_words_of_names_do_not_match_alone() =>
        Assert.DoesNotContain(ShippedGazetteer.Geocoder.FindNames("the bases at Tel and Deir."), m => m.Text is "Tel" or "Deir");

    [Fact]
    public void Lower_case_words_are_not_taken_for_names() =>
        Assert.Empty(ShippedGazetteer.Geocoder.FindNames("the forces were on the move and the army said nothing."));

    [Fact]
    public void The_engine_tokens_give_the_same_names_as_the_text()
    {
        const string text = "Artillery hit Kafr Nabl and al-Hasakah, then a patrol left Tell Abiad for Deir ez-Zor.";
        var fromText = ShippedGazetteer.Geocoder.FindNames(text);
        var fromTokens = ShippedGazetteer.Geocoder.FindNames(text, Text.Tokenizer.Tokenize(text));
        Assert.Equal(fromText, fromTokens);
        Assert.Equal(["Kafr Nabl", "al-Hasakah", "Tell Abiad", "Deir ez-Zor"], fromTokens.Select(m => m.Text));
    }

    [Fact]
    public void A_possessive_does_not_hide_the_name() =>
        Assert.Equal(["Idlib"], ShippedGazetteer.Geocoder.FindNames("Drones struck Idlib's southern countryside.").Select(m => m.Text));

    [Fact]
    public void An_ayn_mark_before_a_word_stays_inside_the_name()
    {
        var found = ShippedGazetteer.Geocoder.FindNames("A patrol moved into Ma‘arrat al-Nu‘man at dawn.");
        Assert.Equal(["Ma‘arrat al-Nu‘man"], found.Select(m => m.Text));
    }

    [Fact]
    public void A_group_named_after_a_family_is_not_a_place_even_with_a_possessive() =>
        Assert.Empty(ShippedGazetteer.Geocoder.FindNames("Gunmen of the Kafr Nabl's family clan fired shots."));
}

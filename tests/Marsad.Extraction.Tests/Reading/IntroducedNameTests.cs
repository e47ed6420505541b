using Marsad.Extraction.Tests.Extraction;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>A word of a person's introduced name ("known as “X Y”", "aka X Y") is no place; sentences written for these tests.</summary>
public class IntroducedNameTests
{
    [Theory]
    [InlineData("known as “Abdullah Al-Mayadin,” aka “Abu Sara Al-Tikriti,”")]
    [InlineData("aka Abu Omar Al-Mayadin,")]
    public void A_later_word_of_an_introduced_name_is_not_an_events_place(string introduced)
    {
        var r = Extract.Run("On March 3, a drone strike killed two jihadists near Tal Abyad.\n\nSources said the first of the two dead was an ISIS emir " + introduced + " and the other was his escort.", "2021-03-23");

        Assert.Contains(r.Events, e => e.Location?.Name == "Tal Abyad");
        Assert.All(r.Events, e => Assert.DoesNotContain("Mayad", e.Location?.Name ?? "", StringComparison.OrdinalIgnoreCase));
        Assert.All(r.Events, e => Assert.NotEqual("Sara", e.Location?.Name));
    }

    [Fact]
    public void The_same_name_as_a_place_is_kept()
    {
        var r = Extract.Run("On March 3, a drone strike hit Al-Mayadin, killing an ISIS commander.", "2021-03-23");

        Assert.Contains(r.Events, e => e.Location?.Name?.Contains("Mayad", StringComparison.OrdinalIgnoreCase) == true);
    }
}

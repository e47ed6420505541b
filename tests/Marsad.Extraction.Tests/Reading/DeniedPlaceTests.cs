using Marsad.Extraction.Tests.Extraction;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>A place the sentence denies is not where the event happened; sentences written for these tests.</summary>
public class DeniedPlaceTests
{
    [Theory]
    [InlineData("On January 5, the International Coalition transported prisoners from Al-Hasakah to Iraq, not to Al-Tanaf base as pro-government outlets claimed.", "Tanaf")]
    [InlineData("On March 3, Turkish forces shelled Tal Rifaat rather than Manbij, killing two civilians.", "Manbij")]
    public void A_denied_place_is_never_the_events_place(string sentence, string denied)
    {
        var r = Extract.Run(sentence, "2021-03-23");

        Assert.NotEmpty(r.Events);
        Assert.All(r.Events, e => Assert.DoesNotContain(denied, e.Location?.Name ?? "", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_same_place_without_a_denial_is_kept()
    {
        var r = Extract.Run("On March 3, Turkish forces shelled Manbij, killing two civilians.", "2021-03-23");

        Assert.Contains(r.Events, e => e.Location?.Name?.Contains("Manbij", StringComparison.OrdinalIgnoreCase) == true);
    }
}

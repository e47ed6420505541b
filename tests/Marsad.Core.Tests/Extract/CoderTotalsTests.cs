using Marsad.Bench.Extraction;

namespace Marsad.Core.Tests.Extract;

/// <summary>The bench's cut of ACLED coders' closing sentences, on notes written for this test.</summary>
public sealed class CoderTotalsTests
{
    [Theory]
    [InlineData("On 2 May 2021, rebels shelled a regime post near Kafr Nabl, killing two soldiers. 2 fatalities.", "On 2 May 2021, rebels shelled a regime post near Kafr Nabl, killing two soldiers.")]
    [InlineData("Clashes broke out in the village. An unknown number were killed. Unknown fatalities coded as 10.", "Clashes broke out in the village. An unknown number were killed.")]
    [InlineData("Total fatalities coded to 6 and split between the 2 events. Fighting went on at night.", "Fighting went on at night.")]
    [InlineData("Gunmen attacked a checkpoint in Hajin. Casualties unknown.", "Gunmen attacked a checkpoint in Hajin.")]
    [InlineData("A drone hit an empty depot. No fatalities.", "A drone hit an empty depot.")]
    [InlineData("Residents protested against prices in Azaz. [size=no report]", "Residents protested against prices in Azaz.")]
    [InlineData("A mine killed 1 shepherd. 1 fatality.", "A mine killed 1 shepherd.")]
    public void The_closing_sentences_are_cut_and_the_narrative_kept(string notes, string expected) =>
        Assert.Equal(expected, CoderTotals.Strip(notes));

    [Theory]
    // Narrative that mentions fatalities or numbers stays.
    [InlineData("No fatalities were reported after the shelling of Ariha.")]
    [InlineData("The clashes left 3 fatalities among the fighters, sources said.")]
    [InlineData("Two soldiers were killed in Tal Tamr.")]
    public void Narrative_stays(string notes) => Assert.Equal(notes, CoderTotals.Strip(notes));

    [Theory]
    [InlineData("Unknown fatalities coded as 10.", true)]
    [InlineData("Coded to provincial capital Dar'a.", true)]
    [InlineData("Fatalities coded at 3 for each location.", true)]
    [InlineData("Two fighters were killed. 2 fatalities.", false)]
    public void A_toll_coded_as_to_or_at_is_imputed(string notes, bool imputed) => Assert.Equal(imputed, CoderTotals.IsImputed(notes));
}

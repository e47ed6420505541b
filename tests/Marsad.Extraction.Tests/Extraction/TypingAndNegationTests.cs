using Marsad.Domain.Records;

namespace Marsad.Extraction.Tests.Extraction;

public class TypingAndNegationTests
{
    [Theory]
    [InlineData("On 6 June 2021, Turkish forces shelled Tal Rifaat with artillery.", "Shelling/artillery/missile attack")]
    [InlineData("On 6 June 2021, a drone targeted a car near Al-Bab.", "Air/drone strike")]
    [InlineData("On 6 June 2021, an IED exploded targeting a QSD vehicle in Hajin.", "Remote explosive/landmine/IED")]
    [InlineData("On 6 June 2021, regime forces clashed with ISIS in Sukhnah amid Russian airstrikes.", "Armed clash")]
    [InlineData("On 6 June 2021, regime forces regained control of Saraqib after clashes with rebels.", "Government regains territory")]
    [InlineData("On 6 June 2021, HTS took control of Sarmada after clashes with rebels.", "Non-state actor overtakes territory")]
    [InlineData("On 6 June 2021, the SDF kidnapped a man in Hajin.", "Abduction/forced disappearance")]
    [InlineData("On 6 June 2021, Turkish-backed factions captured the village of Umm Shaifa from the SDF.", "Non-state actor overtakes territory")]
    [InlineData("On 6 June 2021, regime troops captured two HTS fighters near Kafr Nabl.", "Armed clash")]
    [InlineData("On 6 June 2021, rebels tried to capture a hill near Kabani but were repelled by regime forces.", "Armed clash")]
    [InlineData("On 6 June 2021, the SDF and IS cells exchanged shelling near Diban.", "Armed clash")]
    [InlineData("On 6 June 2021, the SDF arrested an IS emir in Shuhayl.", "Armed clash")]
    [InlineData("On 6 June 2021, regime police arrested four young men at a checkpoint in Jasim.", "Arrests")]
    public void Types_by_acled_precedence(string text, string subType) =>
        Assert.Equal(subType, Assert.Single(Extract.Run(text).Events).SubEventType.Label);

    [Fact]
    public void A_battle_with_one_named_side_is_against_an_unidentified_group()
    {
        var e = Assert.Single(Extract.Run("On 6 June 2021, HTS fighters clashed with armed assailants near Sarmada.").Events);
        Assert.Equal("HTS: Hayat Tahrir al Sham", e.Actor1);
        Assert.Equal("Unidentified Armed Group (Syria)", e.Actor2);
    }

    [Fact]
    public void A_denied_report_is_a_false_claim_not_an_event()
    {
        var text = "Intro.\n\nOn January 9, local sources said that reports circulated on Russian media about an attack by rebels on Hama airport were fabricated.\n\nEnd.";
        var r = Extract.Run(text);
        Assert.Empty(r.Events);
        var c = Assert.Single(r.Claims);
        Assert.Equal(Verdict.False, c.Verdict);
        Assert.Equal("Russian media", c.Claimant);
        Assert.Equal(new DateOnly(2021, 1, 9), c.Date);
        Assert.Null(c.VerdictBy);
    }

    [Fact]
    public void Named_sources_that_deny_a_claim_decided_its_verdict()
    {
        var text = "Intro.\n\nOn March 2, trusted Ghab Plain sources confirmed that claims spread on Iranian media outlets about a drone downed over Salhab were untrue.\n\nEnd.";
        var c = Assert.Single(Extract.Run(text).Claims);
        Assert.Equal(Verdict.False, c.Verdict);
        Assert.Equal("Ghab Plain sources", c.VerdictBy);
        Assert.Equal(c.Date, c.VerdictOn);
    }

    [Fact]
    public void Negated_clashes_are_not_an_event() =>
        Assert.Empty(Extract.Run("Intro.\n\nThere were no clashes in Idlib city on 3 January.\n\nEnd.").Events);

    [Fact]
    public void Commentary_yields_nothing() =>
        Assert.Empty(Extract.Run("Intro.\n\nThe observatory stresses that the shelling of Idlib could have been avoided, killing hundreds.\n\nEnd.").Events);
}

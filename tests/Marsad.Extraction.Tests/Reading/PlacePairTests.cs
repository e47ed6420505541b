namespace Marsad.Extraction.Tests.Reading;

/// <summary>Two names that stand for one incident's place are one event; every sentence written for these tests.</summary>
public class PlacePairTests
{
    private static ExtractionResult Read(string text) => ReportReadingTests.Read(text, new DateOnly(2023, 5, 10));

    [Fact]
    public void An_attack_between_two_towns_is_one_event_at_the_first()
    {
        var r = Read("""
            Daily report | Checkpoint attacked

            Unknown gunmen attacked a checkpoint of the regime forces in the area between Saraqib city and Binnish town in the countryside of Idlib.

            Separately, the observatory documented the arrest of a young man at a checkpoint in the countryside of Hama.
            """);
        var e = Assert.Single(r.Events, x => x.Location?.Name is "Saraqib" or "Binnish");
        Assert.Equal("Saraqib", e.Location!.Name);
    }

    [Fact]
    public void Two_names_of_one_town_joined_by_a_slash_are_one_place()
    {
        var r = Read("""
            Daily report | Drone strike in the north

            A Turkish drone targeted a military vehicle in Saraqib/Binnish in the countryside of Idlib this morning.

            Separately, the observatory documented the arrest of a young man at a checkpoint in the countryside of Hama.
            """);
        Assert.Single(r.Events, x => x.Location?.Name is "Saraqib" or "Binnish");
    }
}

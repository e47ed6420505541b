using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Extraction.Output;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>Statistics, breakdown lines, postures and back-references are not events of their own; every sentence written for these tests.</summary>
public class NotEventTests
{
    private static ExtractionResult Read(string text) => ReportReadingTests.Read(text, new DateOnly(2023, 5, 10));

    [Fact]
    public void A_tally_since_a_start_and_the_sentences_that_go_on_with_it_are_not_events()
    {
        var r = Read("""
            Daily report | Gunmen attack a checkpoint

            Gunmen attacked a checkpoint of the regime forces in the village of Tal Harun in the countryside of Idlib at dawn, killing two soldiers.

            Since the start of the unrest in the south in early June 2021, the observatory has documented more than 120 attacks by gunfire and explosive devices. These attacks killed 87 people, distributed as follows:
            """);
        var e = Assert.Single(r.Events);
        Assert.Equal(2, e.Quantities[Quantities.Names.Fatalities].Low);
        Assert.Contains(r.NotEvents, n => n.Reason == "cumulative or periodic statistic" && r.CleanText[n.Evidence.Start..n.Evidence.End].Contains("These attacks killed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_running_number_that_has_reached_a_figure_is_a_statistic()
    {
        var r = Read("""
            Daily report | Drone strikes in the north

            Accordingly, the number of drone attacks on the region this year has reached 41, leaving 30 people dead.

            A drone struck a car in the village of Tal Harun in the countryside of Idlib this morning, injuring the driver.
            """);
        var e = Assert.Single(r.Events);
        Assert.Equal(AcledSubEventType.AirDroneStrike, e.SubEventType);
        Assert.NotEmpty(r.NotEvents);
    }

    [Fact]
    public void A_breakdown_line_labelled_with_a_region_after_a_tally_is_not_an_event()
    {
        var r = Read("""
            Monthly report | Cells strike again

            Since early 2023, the observatory has documented 30 attacks by the cells, leaving 20 dead, as follows:

            • Idlib: 12 attacks left five soldiers and two civilians dead.

            • Homs: Six attacks left four soldiers dead.
            """);
        Assert.Empty(r.Events);
        Assert.Equal(2, r.NotEvents.Count(n => n.Reason == "item of a statistic's breakdown"));
    }

    [Fact]
    public void Forces_amassing_or_on_high_alert_report_no_incident()
    {
        var r = Read("""
            Daily report | Strikes in the east

            Warplanes struck positions of the militias in the village of Tal Harun in the countryside of Idlib at dawn.

            After the strikes, the militias in the nearby towns gathered their gunmen and stayed on high alert, bracing for further raids.
            """);
        var e = Assert.Single(r.Events);
        Assert.Equal(AcledSubEventType.AirDroneStrike, e.SubEventType);
        Assert.Contains(r.NotEvents, n => n.Reason.StartsWith("troop posture", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paragraph_that_only_refers_back_to_the_attack_adds_to_it_and_is_not_a_second_event()
    {
        var r = Read("""
            Daily report | Checkpoint attacked

            Unknown gunmen attacked a checkpoint of the regime forces in the village of Tal Harun in the countryside of Idlib.

            The attack left three soldiers dead and others injured.
            """);
        var e = Assert.Single(r.Events);
        Assert.Equal(3, e.Quantities[Quantities.Names.Fatalities].Low);
    }

    [Fact]
    public void The_contract_lists_what_was_left_out_and_why()
    {
        var r = Read("""
            Daily report | Shelling in the south

            Government forces shelled the village of Tal Harun in the countryside of Idlib this morning.

            Since the beginning of the year, 54 people were killed by the shelling in the area.
            """);
        var json = ContractJsonWriter.ToJson(r);
        Assert.Contains("\"not_events\":[{\"reason\":\"cumulative or periodic statistic\",\"text\":\"Since the beginning of the year, 54 people", json, StringComparison.Ordinal);
        Assert.Single(r.Events);
    }
}

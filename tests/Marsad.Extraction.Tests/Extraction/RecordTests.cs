using Marsad.Domain.Common;
using Marsad.Domain.Records;
using Marsad.Extraction.Cleaning;

namespace Marsad.Extraction.Tests.Extraction;

public class RecordTests
{
    [Fact]
    public void Aggregate_summary_is_one_event_with_totals()
    {
        var text = "Monthly summary\n\nOver the last four weeks, the Coalition carried out five joint security operations with the SDF, which resulted in the arrest of 31 people in Hajin, Al-Mayadin and Thiban.\n\nEnd.";
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal("Arrests", e.SubEventType.Label);
        Assert.Equal(31, e.Quantities[Quantities.Names.Arrested].Best);
        Assert.Equal(5, e.Aggregate!.Incidents);
        Assert.Equal(3, e.Aggregate.Places.Length);
    }

    [Fact]
    public void Headline_figure_against_body_is_a_check()
    {
        var text = "Convoy of 120 trucks enters Syria\n\nIn the last month, observers monitored the entry of 110 trucks carrying equipment to bases in Rmilan.\n\nEnd.";
        var check = Assert.Single(Extract.Run(text).Checks);
        Assert.Equal("figure_mismatch", check.Kind);
        Assert.Contains("120", check.Message, StringComparison.Ordinal);
        Assert.Contains("110", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Persons_whose_fate_is_unknown()
    {
        var text = "Intro.\n\nConcerns grow about the fate of Father Elias Haddad, a Danish photographer, and dozens of abductees from Manbij.\n\nEnd.";
        var persons = Extract.Run(text).Persons;
        Assert.Contains(persons, p => p.Name.Contains("Elias Haddad", StringComparison.Ordinal) && p.Status == PersonStatus.Missing);
        Assert.Contains(persons, p => p.Name.Contains("Danish photographer", StringComparison.Ordinal));
        Assert.Contains(persons, p => p.GroupSize?.Low == 12);
    }

    [Fact]
    public void Alleged_massacre_with_calls_to_investigate()
    {
        var text = "Intro.\n\nThe monitor called for an investigation into the killing of 40 civilians in a massacre committed by the Russian warplanes in Ariha on June 3, 2020.\n\nEnd.";
        var a = Assert.Single(Extract.Run(text).Allegations);
        Assert.Equal("Military Forces of Russia (2000-)", a.AllegedPerpetrator);
        Assert.Equal(new DateOnly(2020, 6, 3), a.Date!.Start);
        Assert.Equal(InvestigationStatus.InvestigationRequested, a.Status);
    }

    [Fact]
    public void Cleaning_strips_title_bar_and_page_furniture()
    {
        var raw = "Shelling hits Idlib villages • Example Monitor\n\nShelling hits Idlib villages\n\nBody text here.\n\nMore body.\n\nYou might also like\n\nThis website uses cookies to improve your experience.";
        var clean = TextCleaner.Clean(raw);
        Assert.Equal("Shelling hits Idlib villages\n\nBody text here.\n\nMore body.", clean.Text);
        Assert.Equal("Shelling hits Idlib villages", clean.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0\0\u0001binary")]
    public void Bad_input_gives_an_error_not_an_exception(string text) =>
        Assert.Single(Extract.Engine.Extract(new DocumentInput(text)).Errors);

    [Fact]
    public void Same_text_gives_the_same_ids()
    {
        const string text = "On 2 May 2020, gunmen attacked a checkpoint in Homs city, killing 4 soldiers.";
        Assert.Equal(Extract.Run(text).Events[0].Id, Extract.Run(text).Events[0].Id);
    }
}

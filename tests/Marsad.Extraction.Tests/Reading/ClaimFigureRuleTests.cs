using Marsad.Domain.Common;
using Marsad.Domain.Records;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>One party's toll told two ways, a quotation cut short, counts of group members; every sentence written for these tests.</summary>
public class ClaimFigureRuleTests
{
    private static ExtractionResult Read(string text, DateOnly? published = null) => ReportReadingTests.Read(text, published);

    [Fact]
    public void A_partys_summarised_toll_against_its_own_quoted_figure_is_a_figure_check()
    {
        var r = Read("""
            Denial | Observatory rejects the army's account of a night raid

            SOHR sources have denied the news spread about the Ruritanian Minister of War that eight members of the valley militia were killed on the hills overnight.

            The Ruritanian Ministry of War stated: "Our units foiled a raid by 20 gunmen on the hills, and neutralised eleven attackers who were approaching our posts."
            """);
        Assert.Equal(2, r.Claims.Length);
        Assert.All(r.Claims, c => Assert.Equal(Verdict.False, c.Verdict));
        var check = Assert.Single(r.Checks, c => c.Kind == "figure_mismatch");
        Assert.Contains("8", check.Message, StringComparison.Ordinal);
        Assert.Contains("11", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_toll_in_both_statements_raises_no_check()
    {
        var r = Read("""
            Statement | The army counts its enemy's losses

            The Ruritanian Ministry of War said that eleven members of the valley militia were killed on the hills overnight.

            The Ruritanian Ministry of War stated: "Our units neutralised eleven attackers who were approaching our posts."
            """);
        Assert.DoesNotContain(r.Checks, c => c.Kind == "figure_mismatch");
    }

    [Fact]
    public void Two_speakers_of_one_country_are_not_one_party()
    {
        var r = Read("""
            Statements | Two accounts of the raid

            The Ruritanian Ministry of War said that eight members of the valley militia were killed on the hills overnight.

            The Ruritanian opposition spokesman stated: "Government units neutralised eleven of our men near the posts."
            """);
        Assert.DoesNotContain(r.Checks, c => c.Kind == "figure_mismatch");
    }

    [Fact]
    public void A_last_paragraph_whose_quotation_never_closes_is_read_as_a_statement_not_a_heading()
    {
        var r = Read("""
            Statement | The army's account

            The Ruritanian Ministry of War stated: "Our units foiled a raid by 20 gunmen on the hills, and neutralised eleven attackers who were approaching our posts in the north
            """);
        var claim = Assert.Single(r.Claims);
        Assert.Equal("Ruritanian Ministry of War", claim.Claimant);
    }

    [Fact]
    public void Members_of_a_group_named_in_lower_case_are_counted_as_killed()
    {
        var r = Read("""
            Daily report | Clashes in the south

            Four members of the local armed factions were killed when government troops stormed Kafr Nabl on Monday.
            """, new DateOnly(2022, 3, 8));
        var e = Assert.Single(r.Events);
        Assert.Equal(4, e.Quantities[Quantities.Names.Fatalities].Best);
    }
}

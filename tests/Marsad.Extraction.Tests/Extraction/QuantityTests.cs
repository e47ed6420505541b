using Marsad.Domain.Common;

namespace Marsad.Extraction.Tests.Extraction;

public class QuantityTests
{
    private static Quantity Fatalities(string text) => Assert.Single(Extract.Run(text).Events).Quantities[Quantities.Names.Fatalities];

    [Theory]
    [InlineData("On 2 May 2020, gunmen attacked a checkpoint in Homs city, killing 4 soldiers.", 4)]
    [InlineData("On 2 May 2020, gunmen attacked a checkpoint in Homs city, killing two soldiers and wounding five others.", 2)]
    [InlineData("On 2 May 2020, clashes took place in Homs city. Casualties unknown.", 0)]
    [InlineData("On 2 May 2020, clashes took place in Homs city. There were no fatalities.", 0)]
    [InlineData("On 2 May 2020, clashes took place in Homs city, killing 3 fighters. Unknown fatalities coded as 10.", 10)]
    [InlineData("On 2 May 2020, clashes took place in Homs city, killing a young man. 1 fatality.", 1)]
    [InlineData("On 2 May 2020, clashes took place in Homs city, killing dozens of fighters.", 12)]
    [InlineData("On 2 May 2020, clashes took place in Homs city, killing several fighters.", 3)]
    [InlineData("On 2 May 2020, rebels clashed with regime forces in Kabani. Total fatalities coded to 9 and split between the three events with 5 coded to Kabani, 2 to Tardin and 2 to Sallur.", 5)]
    [InlineData("On 2 May 2020, rebels clashed with regime forces in Tardin, near Kabani. Total fatalities coded to 9 and split between the three events with 5 coded to Kabani, 2 to Tardin and 2 to Sallur.", 2)]
    [InlineData("On 2 May 2020, regime forces clashed with rebels in Kabani and Tardin. Unknown fatalities coded as 14 and split evenly between the two events.", 7)]
    [InlineData("On 2 May 2020, 6 members of the Quds Brigade were killed by gunmen near Palmyra.", 6)]
    [InlineData("On 2 May 2020, rebels targeted a regime post near Kabani with a guided missile, killing 4 and wounding 2 others.", 4)]
    [InlineData("On 2 May 2020, gunmen stopped a car near Jasim and shot him dead.", 1)]
    [InlineData("On 2 May 2020, gunmen shot dead a police colonel and his 3 guards near Sanamayn.", 4)]
    [InlineData("On 2 May 2020, gunmen shot dead a police colonel and his driver near Sanamayn.", 2)]
    [InlineData("On 2 May 2020, a rebel sniper killed a regime soldier near Kabani.", 1)]
    [InlineData("On 2 May 2020, IS cells attacked an army post near Sukhnah, killing between 4 and 6 soldiers.", 4)]
    [InlineData("On 2 May 2020, four civilians, including a child, were killed in shelling on Kabani.", 4)]
    [InlineData("On 2 May 2020, a farmer was shot dead by gunmen near Jasim.", 1)]
    [InlineData("On 2 May 2020, a regime officer was wounded and two of his guards were killed by a landmine near Sukhnah.", 2)]
    public void Reads_fatalities_low_by_acled_rules(string text, int low) => Assert.Equal(low, Fatalities(text).Low);

    [Fact]
    public void Nearly_sixty_is_a_ceiling_not_a_floor()
    {
        var q = Assert.Single(Extract.Run("On 2 May 2020, clashes in Homs city killed nearly 60 fighters.").Events).Quantities[Quantities.Names.Fatalities];
        Assert.Null(q.Low);
        Assert.Equal(60, q.High);
    }

    [Fact]
    public void Has_not_exceeded_ten_gives_only_a_ceiling()
    {
        var text = "Intro.\n\nThe Coalition periodically transports ISIS prisoners to Iraq, while the number of those prisoners has not exceeded ten.\n\nEnd.";
        var q = Assert.Single(Extract.Run(text).Events).Quantities[Quantities.Names.Prisoners];
        Assert.Null(q.Low);
        Assert.Equal(10, q.High);
    }

    [Fact]
    public void One_of_the_dead_is_not_counted_twice()
    {
        var text = "On 2 May 2020, warplanes killed three IS members in an airstrike on a hut in Hajin. One of the dead was a commander.";
        Assert.Equal(3, Fatalities(text).Best);
    }
}

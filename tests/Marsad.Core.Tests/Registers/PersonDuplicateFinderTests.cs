using Marsad.Core.Registers.Persons;

namespace Marsad.Core.Tests.Registers;

public sealed class PersonDuplicateFinderTests
{
    [Theory]
    [InlineData("Mohammad Ahmad al-Khalil", "Muhammad Ahmed el-Khalil")]
    [InlineData("Mohamed Ahmad Khalil", "Mohammed Ahmad Al Khaleel")]
    [InlineData("Abd al-Rahman Yusuf Haddad", "Abdulrahman Youssef Haddad")]
    [InlineData("Abdel Karim Youssef al-Testi", "Abdul Karim Yusuf Testi")]
    [InlineData("Abdurrahman Omar Testi", "Abd al-Rahman Umar al-Testi")]
    [InlineData("Hussein Ali al-Masri", "Husayn Ali Almasri")]
    [InlineData("al-Masri, Hussein Ali", "Hussein Ali al-Masri")]
    [InlineData("M. Ahmad al-Khalil", "Mohammad Ahmad al-Khalil")]
    [InlineData("محمد أحمد الخليل", "Mohamed Ahmed al-Khalil")]
    [InlineData("Father Paolo Dall'Oglio", "Paolo Dall'Oglio")]
    public void Spellings_of_one_name_are_proposed(string a, string b) => Assert.Single(Find(a, b));

    [Theory]
    [InlineData("Hasan Ali al-Masri", "Husayn Ali al-Masri")]
    [InlineData("Mohammad Ahmad al-Khalil", "Mohammad Hasan al-Khalil")]
    [InlineData("Ahmad Mohammad al-Khalil", "Mohammad Ahmad al-Khalil")]
    [InlineData("Bashar Nasser Dabbagh", "Bashar Nasser Sabbagh")]
    [InlineData("Omar Ali Hamad", "Omar Ali Hammoud")]
    [InlineData("Mohammad Ali Abu Hasan", "Mohammad Ali Hasan")]
    [InlineData("Ali", "Ali")]
    public void Different_people_are_not_proposed(string a, string b) => Assert.Empty(Find(a, b));

    [Fact]
    public void A_different_date_of_birth_rules_a_pair_out()
    {
        var finder = new PersonDuplicateFinder();
        Assert.Empty(finder.Find([
            new PersonNames(Guid.NewGuid(), ["Mohammad Ahmad al-Khalil"], new DateOnly(1980, 1, 1)),
            new PersonNames(Guid.NewGuid(), ["Muhammad Ahmed Khalil"], new DateOnly(1991, 7, 7))]));
    }

    [Fact]
    public void A_short_name_that_fits_two_different_people_is_not_proposed()
    {
        var finder = new PersonDuplicateFinder();
        var proposals = finder.Find([
            new PersonNames(Guid.NewGuid(), ["Adnan Testi"]),
            new PersonNames(Guid.NewGuid(), ["Adnan Hassan Testi"]),
            new PersonNames(Guid.NewGuid(), ["Adnan Omar Testi"])]);
        Assert.Empty(proposals);
        Assert.Single(finder.Find([new PersonNames(Guid.NewGuid(), ["Adnan Testi"]), new PersonNames(Guid.NewGuid(), ["Adnan Hassan Testi"])]));
    }

    [Fact]
    public void Aliases_count_as_names()
    {
        var finder = new PersonDuplicateFinder();
        Assert.Single(finder.Find([
            new PersonNames(Guid.NewGuid(), ["Abu Hamza", "Samir Fictional Testi"]),
            new PersonNames(Guid.NewGuid(), ["Sameer Fictional al-Testi"])]));
    }

    private static IReadOnlyList<MergeProposal> Find(string a, string b) =>
        new PersonDuplicateFinder().Find([new PersonNames(Guid.NewGuid(), [a]), new PersonNames(Guid.NewGuid(), [b])]);
}

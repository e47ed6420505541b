using Marsad.Domain.Common;
using Marsad.Domain.Records;

namespace Marsad.Domain.Tests;

public sealed class RegisterRecordTests
{
    [Fact]
    public void A_status_step_becomes_the_status_and_a_sighting_the_last_seen_date_and_place()
    {
        var place = new Location("Fictional checkpoint", null, "Homs", null, null, null, null);
        var person = new Person { Id = Guid.NewGuid(), Name = "Test Person", Status = PersonStatus.Missing }
            .WithStep(new PersonStatusStep(PersonStatus.Abducted, DateSpan.OnDay(new DateOnly(2013, 7, 29)), place))
            .WithStep(new PersonStatusStep(PersonStatus.Released, DateSpan.OnDay(new DateOnly(2014, 1, 2))));

        Assert.Equal(PersonStatus.Released, person.Status);
        Assert.Equal(new DateOnly(2013, 7, 29), person.LastSeen!.Start);
        Assert.Equal(place, person.LastSeenAt);
        Assert.Throws<DomainException>(() => person.WithStep(new PersonStatusStep(PersonStatus.Detained, DateSpan.OnDay(new DateOnly(2013, 1, 1)))));
    }

    [Fact]
    public void Only_sensitive_fields_can_be_released_and_a_record_is_sensitive_until_marked_public()
    {
        var person = new Person { Id = Guid.NewGuid(), Name = "Test Person", Status = PersonStatus.Detained };
        Assert.True(person.Sensitive);
        Assert.False(person.IsReleased(PersonFields.Contacts));
        Assert.True((person with { PublicFields = [PersonFields.Contacts] }).IsReleased(PersonFields.Contacts));
        Assert.True((person with { Sensitive = false }).IsReleased(PersonFields.DateOfBirth));
        Assert.Throws<DomainException>(() => person with { PublicFields = ["name"] });
    }

    [Theory]
    [InlineData("2019-03-21", "2021-01-23", 22)]
    [InlineData("2019-03-21", "2021-01-20", 21)]
    [InlineData("2020-01-31", "2020-02-29", 0)]
    [InlineData("2021-05-01", "2021-01-01", 0)]
    public void Whole_months_count_calendar_months_completed(string from, string to, int months) =>
        Assert.Equal(months, Allegation.WholeMonths(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Months_without_investigation_run_until_one_opens_and_stop_at_closure()
    {
        var alleged = new Allegation
        {
            Id = Guid.NewGuid(),
            Summary = "A fictional strike",
            History = [new InvestigationStep(InvestigationStatus.Alleged, new DateOnly(2019, 3, 21))],
        };
        var today = new DateOnly(2021, 1, 23);
        Assert.Equal(22, alleged.MonthsWithoutInvestigation(today));
        Assert.Equal(22, alleged.WithStep(new InvestigationStep(InvestigationStatus.Denied, new DateOnly(2019, 4, 1))).MonthsWithoutInvestigation(today));
        Assert.Null(alleged.WithStep(new InvestigationStep(InvestigationStatus.UnderInvestigation, new DateOnly(2020, 1, 1))).MonthsWithoutInvestigation(today));
        Assert.Equal(6, alleged.WithStep(new InvestigationStep(InvestigationStatus.Closed, new DateOnly(2019, 9, 30))).MonthsWithoutInvestigation(today));
    }
}

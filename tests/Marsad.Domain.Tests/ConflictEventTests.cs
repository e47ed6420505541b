using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Domain.Tests;

public sealed class ConflictEventTests
{
    private static ConflictEvent Airstrike() => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.AirDroneStrike,
        Date = DateSpan.OnDay(new DateOnly(2021, 1, 12)),
        Actor1 = "Global Coalition Against Daesh",
        Actor2 = "Islamic State (Syria)",
        Quantities = Quantities.Empty.With(Quantities.Names.Fatalities, Quantity.Exactly(3, "kill three")),
    };

    [Fact]
    public void The_event_type_follows_the_sub_type()
    {
        var e = Airstrike();
        Assert.Same(AcledEventType.ExplosionsRemoteViolence, e.EventType);
        var arrest = e with { SubEventType = AcledSubEventType.Arrests };
        Assert.Same(AcledEventType.StrategicDevelopments, arrest.EventType);
    }

    [Fact]
    public void An_empty_id_is_refused() => Assert.Throws<DomainException>(() => Airstrike() with { Id = Guid.Empty });

    [Fact]
    public void A_missing_sub_type_or_date_is_refused()
    {
        Assert.Throws<DomainException>(() => Airstrike() with { SubEventType = null! });
        Assert.Throws<DomainException>(() => Airstrike() with { Date = null! });
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Confidence_outside_zero_to_one_is_refused(double confidence) =>
        Assert.Throws<DomainException>(() => Airstrike() with { Confidence = confidence });

    [Fact]
    public void Undefined_status_and_grade_are_refused()
    {
        Assert.Throws<DomainException>(() => Airstrike() with { Status = (EventStatus)42 });
        Assert.Throws<DomainException>(() => Airstrike() with { Grade = (Grade)42 });
    }

    [Fact]
    public void Blank_tags_and_actors_are_refused()
    {
        Assert.Throws<DomainException>(() => Airstrike() with { Tags = ["airstrike", " "] });
        Assert.Throws<DomainException>(() => Airstrike() with { AssocActor1 = [""] });
        Assert.Throws<DomainException>(() => Airstrike() with { DocumentIds = [Guid.Empty] });
    }

    [Fact]
    public void Blank_actor_means_unknown() => Assert.Null((Airstrike() with { Actor2 = "  " }).Actor2);

    [Fact]
    public void Changing_a_copy_leaves_the_original_and_equality_is_by_value()
    {
        var original = Airstrike();
        var copy = original with { Tags = ["airstrike"] };
        Assert.Empty(original.Tags);
        Assert.NotEqual(original, copy);
        Assert.Equal(copy, copy with { });
    }

    [Fact]
    public void An_aggregate_needs_at_least_one_incident()
    {
        Assert.Throws<DomainException>(() => new Aggregate(0, [], []));
        var agg = new Aggregate(7, [new Location("Al-Falaha", null, null, null, null, null, null)], [new DateOnly(2021, 1, 4), new DateOnly(2020, 12, 23)]);
        Assert.Equal(new DateOnly(2020, 12, 23), agg.Dates[0]);
    }
}

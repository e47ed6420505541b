using Marsad.Domain.Events;

namespace Marsad.Domain.Tests;

public sealed class EventTypeTests
{
    [Fact]
    public void Acled_has_six_types_and_twenty_five_sub_types()
    {
        Assert.Equal(6, AcledEventType.All.Count);
        Assert.Equal(25, AcledSubEventType.All.Count);
        Assert.Equal(25, AcledSubEventType.All.Select(s => s.Label).Distinct().Count());
    }

    [Fact]
    public void Every_type_has_sub_types_and_labels_read_back()
    {
        foreach (var type in AcledEventType.All)
        {
            Assert.Contains(AcledSubEventType.All, s => s.EventType == type);
            Assert.Same(type, AcledEventType.FromLabel(type.Label));
        }

        Assert.Same(AcledSubEventType.AirDroneStrike, AcledSubEventType.FromLabel("Air/drone strike"));
        Assert.Equal("Explosions/Remote violence", AcledSubEventType.AirDroneStrike.EventType.Label);
    }

    [Theory]
    [InlineData("Airstrike")]
    [InlineData("air/drone strike")]
    [InlineData("")]
    [InlineData(null)]
    public void Labels_outside_the_closed_set_are_not_found(string? label) =>
        Assert.Null(AcledSubEventType.FromLabel(label));

    [Theory]
    [InlineData(EventStatus.Extracted, EventStatus.Reviewed, true)]
    [InlineData(EventStatus.Reviewed, EventStatus.Verified, true)]
    [InlineData(EventStatus.Verified, EventStatus.Published, true)]
    [InlineData(EventStatus.Extracted, EventStatus.Published, false)]
    [InlineData(EventStatus.Rejected, EventStatus.Published, false)]
    [InlineData(EventStatus.Published, EventStatus.Rejected, true)]
    [InlineData(EventStatus.Reviewed, EventStatus.Reviewed, false)]
    public void Review_moves_one_step_at_a_time(EventStatus from, EventStatus to, bool allowed) =>
        Assert.Equal(allowed, EventStatusTransitions.IsAllowed(from, to));
}

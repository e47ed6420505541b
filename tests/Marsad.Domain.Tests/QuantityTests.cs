using Marsad.Domain.Common;

namespace Marsad.Domain.Tests;

public sealed class QuantityTests
{
    [Theory]
    [InlineData(5, 4, 6)]
    [InlineData(1, 3, 2)]
    [InlineData(7, null, 6)]
    public void Out_of_order_bounds_are_refused(int? low, int? best, int? high) =>
        Assert.Throws<DomainException>(() => new Quantity(low, best, high));

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -2, 0)]
    [InlineData(null, null, -3)]
    public void Negative_counts_are_refused(int? low, int? best, int? high) =>
        Assert.Throws<DomainException>(() => new Quantity(low, best, high));

    [Fact]
    public void A_quantity_must_know_something() =>
        Assert.Throws<DomainException>(() => new Quantity(null, null, null, "several"));

    [Fact]
    public void A_ceiling_alone_is_a_valid_quantity()
    {
        var q = Quantity.AtMost(10, "has not exceeded ten");
        Assert.Null(q.Low);
        Assert.Equal(10, q.High);
    }

    [Fact]
    public void Quantity_names_must_be_lower_case_identifiers()
    {
        Assert.Throws<DomainException>(() => new Quantities([new("Fatalities", Quantity.Exactly(3))]));
        Assert.Throws<DomainException>(() => new Quantities([new("", Quantity.Exactly(3))]));
        Assert.Throws<DomainException>(() => new Quantities([new("killed people", Quantity.Exactly(3))]));
    }

    [Fact]
    public void A_quantity_name_cannot_be_given_twice() =>
        Assert.Throws<DomainException>(() => new Quantities([new("fatalities", Quantity.Exactly(3)), new("fatalities", Quantity.Exactly(4))]));

    [Fact]
    public void With_returns_a_copy_and_leaves_the_original()
    {
        var original = Quantities.Empty;
        var changed = original.With(Quantities.Names.Arrested, Quantity.Exactly(52));
        Assert.Empty(original);
        Assert.Equal(52, changed[Quantities.Names.Arrested].Best);
    }
}

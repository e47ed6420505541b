using Marsad.Domain.Common;

namespace Marsad.Domain.Tests;

public sealed class DateSpanTests
{
    [Fact]
    public void End_before_start_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => new DateSpan(new DateOnly(2021, 1, 10), new DateOnly(2021, 1, 9), TimePrecision.Day));
        Assert.Contains("before start", ex.Message, StringComparison.Ordinal);
    }
}

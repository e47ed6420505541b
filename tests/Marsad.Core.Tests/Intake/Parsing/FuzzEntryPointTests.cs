namespace Marsad.Core.Tests.Intake.Parsing;

/// <summary>
/// Issue 15: 1,000 CsCheck inputs into each reader of outside input (<see cref="FuzzEntryPoints"/>: HTML, feeds, the input
/// decoder, JSON Lines, review decisions, the ACLED and UCDP CSV importers, the engine); each is read or refused the way its
/// caller reports, within generous bounds (a guard against hangs and blow-ups, not a speed test: the bench times them).
/// </summary>
public sealed class FuzzEntryPointTests
{
    public static TheoryData<string> Names => [.. FuzzEntryPoints.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_generated_input_is_read_or_refused_within_bounds(string name)
    {
        var outcome = FuzzEntryPoints.All.Single(e => e.Name == name).Run(1_000, FuzzEntryPoints.FuzzLimits.Generous);

        Assert.Equal(1_000, outcome.Inputs);
        Assert.True(outcome.Failures == 0, $"{name}: {outcome.Failures} failures; first: {string.Join(" | ", outcome.Examples)}");
    }
}

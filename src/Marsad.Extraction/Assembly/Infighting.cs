using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// A fight inside one group ("members of X clashed with each other", "an X fighter shot a commander of the same
/// division", "arrested one of its commanders"): ACLED codes the group on both sides.
/// </summary>
internal static class Infighting
{
    private static readonly WordSet Units = new("group", "groups", "faction", "factions", "division", "brigade", "battalion", "organization", "organisation", "militia", "corps", "army", "movement", "formation", "unit");
    private static readonly WordSet Reciprocal = new("other", "another");
    private static readonly WordSet Members = new("members", "member", "fighters", "fighter", "commanders", "commander", "leaders", "leader", "officers", "officer", "men", "elements");
    private static readonly WordSet Among = new("among", "amongst", "between");

    public static bool Within(TokenView view, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(view);
        for (var i = from; i < to; i++)
        {
            // "each other", "one another", "among themselves", "of the same group", "infighting"
            if ((view.Is(i, "each") || view.Is(i, "one")) && view.IsAny(i + 1, Reciprocal)
                || (view.IsAny(i, Among) && view.Is(i + 1, "themselves"))
                || (view.Is(i, "same") && view.Is(i - 1, "the") && view.IsAny(i + 1, Units))
                || view.Is(i, "infighting")
                || (view.Is(i, "its") && view.Is(i - 1, "of") && view.IsAny(i + 1, Members))
                || (view.Is(i, "its") && view.Is(i + 1, "own")))
            {
                return true;
            }
        }

        return false;
    }
}

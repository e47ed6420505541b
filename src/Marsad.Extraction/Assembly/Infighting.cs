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

    private static readonly WordSet Fillers = new("members", "member", "fighters", "of", "the", "two", "2", "groups", "factions", "rival", "armed", "its", "units");
    private static readonly WordSet Joins = new("and", "against", "with", "vs", "versus", "&");

    /// <summary>
    /// "clashes took place between members of X in Y", "between two groups of X": the only party after "between" is
    /// one group, so it fought itself. Another party named in the sentence, an unknown one included, is its opponent.
    /// </summary>
    public static string? AmongOne(TokenView view, IReadOnlyList<Recognition.Actors.ActorMention> sentenceMentions)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(sentenceMentions);
        var armed = sentenceMentions.Where(m => !m.Entry.IsCivilians).ToList();
        if (armed.Count == 0 || armed.Exists(m => m.Entry != armed[0].Entry) || armed[0].Entry.Kind == "unidentified")
        {
            return null;
        }

        var m = armed[0];
        var i = m.FirstToken - 1;
        while (i >= 0 && i >= m.FirstToken - 5 && view.IsAny(i, Fillers))
        {
            i--;
        }

        if (!view.Is(i, "between"))
        {
            return null;
        }

        var j = m.EndToken;
        while (view.IsAny(j, Fillers))
        {
            j++;
        }

        return view.IsAny(j, Joins) ? null : m.Entry.Name;
    }
}

using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Actors;

/// <summary>
/// Joins mentions that name one actor in two pieces, as ACLED codes them:
/// "the regime's 4th Armored Division" is the division, not the regime and the division;
/// "JWS, which operates under OPS" and "rebel factions operating under OPS" are coded as the operation they serve in.
/// </summary>
internal static class MentionMerger
{
    private static readonly WordSet Relatives = new("which", "who", "whom", "that");
    private static readonly WordSet Be = new("is", "are", "was", "were");
    private static readonly WordSet Operate = new("operate", "operates", "operating", "operated", "fighting", "fight", "fights");

    public static List<ActorMention> Merge(TokenView view, List<ActorMention> mentions)
    {
        for (var k = 0; k + 1 < mentions.Count; k++)
        {
            var (a, b) = (mentions[k], mentions[k + 1]);
            if (IsUnitOf(view, a, b) || OperatesUnder(view, a, b))
            {
                // One mention in place of two: the second's actor, spanning both (evidence covers the whole name).
                mentions[k] = new ActorMention(a.FirstToken, b.EndToken - a.FirstToken, a.Start, b.End, b.Entry);
                mentions.RemoveAt(k + 1);
                k--;
            }
        }

        return mentions;
    }

    // "regime 4th Armored Division", "regime's Air Force Intelligence", "regime' Military Intelligence": the unit is the actor.
    private static bool IsUnitOf(TokenView view, ActorMention a, ActorMention b)
    {
        if (!b.Entry.Name.StartsWith(a.Entry.Name + " ", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = a.EndToken; i < b.FirstToken; i++)
        {
            if (!(view.Is(i, "'s") || view.IsPunct(i, '\'') || view.Is(i, "the")))
            {
                return false;
            }
        }

        return true;
    }

    // "X, which operates under Y", "X whom are operating under Y", "X operating under Y": Y is coded.
    private static bool OperatesUnder(TokenView view, ActorMention a, ActorMention b)
    {
        var i = a.EndToken;
        var end = b.FirstToken;
        if (end - i > 6)
        {
            return false;
        }

        if (view.IsPunct(i, ','))
        {
            i++;
        }

        if (view.IsAny(i, Relatives))
        {
            i++;
        }

        if (view.IsAny(i, Be))
        {
            i++;
        }

        if (!view.IsAny(i, Operate) || !view.Is(i + 1, "under"))
        {
            return false;
        }

        i += 2;
        if (view.Is(i, "the"))
        {
            i++;
        }

        return i == end;
    }
}

using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Actors;

/// <summary>
/// Joins mentions that name one actor in two pieces, as ACLED codes them:
/// "the regime's 4th Armored Division" is the division, not the regime and the division;
/// "JWS, which operates under OPS" and "rebel factions operating under OPS" are coded as the operation they serve in.
/// </summary>
internal static class MentionMerger
{
    private const string Unidentified = "Unidentified Armed Group (Syria)";
    private static readonly WordSet Hedges = new("believed", "presumably", "likely", "suspected", "probably", "reportedly", "allegedly", "thought");
    private static readonly WordSet HedgeFillers = new("to", "be", "most", "of", "from", "the", "being", "are", "were", "affiliated", "with", "members", "belonging");
    private static readonly WordSet Backed = new("backed", "supported", "sponsored", "funded", "aligned", "affiliated");
    private static readonly WordSet Relatives = new("which", "who", "whom", "that");
    private static readonly WordSet Be = new("is", "are", "was", "were");
    private static readonly WordSet Operate = new("operate", "operates", "operating", "operated", "fighting", "fight", "fights");

    public static List<ActorMention> Merge(TokenView view, List<ActorMention> mentions)
    {
        for (var k = 0; k + 1 < mentions.Count; k++)
        {
            var (a, b) = (mentions[k], mentions[k + 1]);
            if (Backs(view, a, b))
            {
                // "Turkey backed opposition rebels", "pro-Turkey factions": the backer only describes the actor.
                mentions[k] = new ActorMention(a.FirstToken, b.EndToken - a.FirstToken, a.Start, b.End, b.Entry);
                mentions.RemoveAt(k + 1);
                k--;
            }
            else if (Qualifies(view, a, b))
            {
                // "IS gunmen", "HTS members gunmen": the named group is the actor; the gunmen are its fighters.
                mentions[k] = new ActorMention(a.FirstToken, b.EndToken - a.FirstToken, a.Start, b.End, a.Entry);
                mentions.RemoveAt(k + 1);
                k--;
            }
            else if (IsUnitOf(view, a, b) || OperatesUnder(view, a, b) || Identifies(view, a, b))
            {
                // One mention in place of two: the second's actor, spanning both (evidence covers the whole name).
                mentions[k] = new ActorMention(a.FirstToken, b.EndToken - a.FirstToken, a.Start, b.End, b.Entry);
                mentions.RemoveAt(k + 1);
                k--;
            }
        }

        return mentions;
    }

    private static bool Backs(TokenView view, ActorMention a, ActorMention b) =>
        !b.Entry.IsCivilians && ((b.FirstToken == a.EndToken + 1 && view.IsAny(a.EndToken, Backed)) || (b.FirstToken == a.EndToken && view.Is(a.FirstToken - 1, "pro")));

    private static bool Qualifies(TokenView view, ActorMention a, ActorMention b) =>
        b.FirstToken == a.EndToken && b.Entry.Name == Unidentified && a.Entry.Name != Unidentified && !a.Entry.IsCivilians;

    // "unidentified gunmen, believed to be IS cells", "gunmen presumably from HTS": ACLED codes the group named.
    private static bool Identifies(TokenView view, ActorMention a, ActorMention b)
    {
        if (a.Entry.Name != Unidentified || b.Entry.IsCivilians || b.Entry.Name == Unidentified || b.FirstToken - a.EndToken > 6)
        {
            return false;
        }

        var hedged = false;
        for (var i = a.EndToken; i < b.FirstToken; i++)
        {
            if (view.IsAny(i, Hedges))
            {
                hedged = true;
            }
            else if (!view.IsAny(i, HedgeFillers) && !view.IsPunct(i, ','))
            {
                return false;
            }
        }

        return hedged;
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

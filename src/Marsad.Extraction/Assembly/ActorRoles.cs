using Marsad.Extraction.Recognition.Actors;
using Marsad.Extraction.Recognition.Quantities;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>Who did it (actor1 and associates) and to whom (actor2 and associates).</summary>
public sealed record ActorRoles(string? Actor1, IReadOnlyList<string> Assoc1, string? Actor2, IReadOnlyList<string> Assoc2);

/// <summary>
/// Assigns actor mentions to sides from the words between them: "between A and B", "A against B", "A attacked B"
/// put B on the other side; "A supported by B", "A and B" (outside "between"), or a shared camp keep B with A.
/// For non-violent events every actor named is on one side.
/// </summary>
public static class ActorRoleAssigner
{
    private static readonly WordSet Opposing = new("against", "between", "attacked", "attack", "attacks", "targeted", "targeting", "shelled", "ambushed", "on", "clashed", "clashes", "fighting", "fought", "killing", "killed", "wounding", "injuring", "toward", "towards", "from", "repelled", "at", "targeting", "struck", "hit", "bombed", "shot", "stormed", "into", "among", "with", "engaged", "infiltration", "confrontations", "positions", "vehicle", "checkpoint", "member", "members", "of");
    private static readonly WordSet Allied = new("supported", "backed", "and", "including", "alongside", "along", "allied", "loyal", "affiliated", "accompanied", "together", "assisted", "as", "well", "or", "its", "their", "the", "&", "joint");
    private static readonly WordSet SupportVerbs = new("supported", "backed", "led", "accompanied", "assisted", "affiliated", "run", "held", "controlled");
    private static readonly WordSet ModifiedNouns = new("media", "prisoners", "detainees", "abductees", "families", "agents", "sources", "official", "officials", "outlets", "news", "administration", "held", "controlled", "territory", "areas", "area");
    private static readonly WordSet GroupNouns = new("elimination", "defeat", "fate", "families", "members", "remnants");
    private static readonly WordSet CivilianWords = new("civilian", "civilians", "man", "woman", "child", "children", "boy", "girl", "shepherd", "farmer", "residents", "displaced", "IDP");

    public static ActorRoles Assign(TokenView view, IReadOnlyList<ActorMention> mentions, bool violent, bool civiliansTarget)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(mentions);
        if (mentions.Count == 0)
        {
            return new ActorRoles(null, [], civiliansTarget ? "Civilians (Syria)" : null, []);
        }

        var side1 = new List<ActorEntry>();
        var side2 = new List<ActorEntry>();
        var passive = false;
        var first = mentions[0].FirstToken;
        var between = view.Is(first - 1, "between") || view.Is(first - 2, "between") || view.Is(first - 3, "between");
        var among = false;
        side1.Add(mentions[0].Entry);
        var previousSide = 1;
        for (var k = 1; k < mentions.Count; k++)
        {
            var m = mentions[k];
            var gapFrom = mentions[k - 1].EndToken;
            var gapTo = m.FirstToken;
            var opposing = false;
            var allied = false;
            var clauseBreak = false;
            for (var i = gapFrom; i < gapTo; i++)
            {
                if (view.Is(i, "between"))
                {
                    between = true;
                }

                if (view.IsAny(i, ["by"]) && !view.IsAny(i - 1, SupportVerbs))
                {
                    passive = violent && k == 1 && gapTo - gapFrom < 8;
                    opposing = true;
                }
                else if (view.IsAny(i, Opposing))
                {
                    opposing = true;
                }
                else if (view.IsAny(i, Allied))
                {
                    allied = true;
                }

                if (view.IsPunct(i, '.') || view.IsPunct(i, ';'))
                {
                    clauseBreak = true;
                }
            }

            among |= view.Is(mentions[0].FirstToken - 1, "among");
            var bloc = Bloc(m.Entry.Camp);
            var inSide1 = side1.Exists(e => Bloc(e.Camp) == bloc);
            var inSide2 = side2.Exists(e => Bloc(e.Camp) == bloc);
            var gap = gapTo - gapFrom;
            int side;
            if (!violent)
            {
                side = 1;
            }
            else if (between && k == 1)
            {
                side = 2;
            }
            else if (gap <= 3 && allied && !opposing)
            {
                side = previousSide;
            }
            else if (opposing && gap <= 4 && !clauseBreak)
            {
                side = 3 - previousSide;
            }
            else if (inSide1 != inSide2)
            {
                side = inSide1 ? 1 : 2;
            }
            else if (opposing && !clauseBreak)
            {
                side = 3 - previousSide;
            }
            else
            {
                side = side2.Count == 0 ? 2 : previousSide;
            }

            (side == 1 ? side1 : side2).Add(m.Entry);
            previousSide = side;
        }

        if (passive && side2.Count > 0)
        {
            (side1, side2) = (side2, side1);
        }

        var a1 = side1[0].Name;
        var a2 = side2.Count > 0 ? side2[0].Name : among && violent ? a1 : civiliansTarget && violent ? "Civilians (Syria)" : null;
        return new ActorRoles(a1, Distinct(side1, a1, a2), a2, Distinct(side2, a2, a1));
    }

    /// <summary>A mention that only qualifies a count or a thing ("ISIS prisoners", "regime media") is not a party to the event.</summary>
    public static bool IsModifier(TokenView view, ActorMention m) =>
        view.IsAny(m.EndToken, ModifiedNouns)
        || (view.IsAny(m.FirstToken - 1, ["of", "from"]) && view.IsAny(m.FirstToken - 2, GroupNouns));

    // Camps that fight on one side: Russia and Iran with the regime, the Coalition with the SDF, Turkey with the rebels.
    private static string Bloc(string camp) => camp switch
    {
        "russia" or "iran" => "regime",
        "coalition" => "sdf",
        "turkey" or "islamist" => "opposition",
        _ => camp,
    };

    private static List<string> Distinct(List<ActorEntry> side, string? primary, string? other)
    {
        var result = new List<string>();
        foreach (var e in side)
        {
            if (e.Name != primary && e.Name != other && !result.Contains(e.Name))
            {
                result.Add(e.Name);
            }
        }

        return result;
    }

    /// <summary>True when the event's harm falls on civilians ("killing a civilian", "detained a man").</summary>
    public static bool TargetsCivilians(TokenView view, IReadOnlyList<QuantityMention> quantities, IReadOnlyList<ActorMention> mentions, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (mentions.Any(m => m.Entry.IsCivilians))
        {
            return true;
        }

        for (var i = from; i < to; i++)
        {
            if (view.IsAny(i, CivilianWords))
            {
                return true;
            }
        }

        return false;
    }
}

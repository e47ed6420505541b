using Marsad.Domain.Common;
using Marsad.Extraction.Recognition.Actors;
using Marsad.Extraction.Recognition.Quantities;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>Who did it (actor1 and associates) and to whom (actor2 and associates).</summary>
public sealed record ActorRoles(string? Actor1, IReadOnlyList<string> Assoc1, string? Actor2, IReadOnlyList<string> Assoc2)
{
    /// <summary>The same sides, each actor under the name it bears on <paramref name="date"/> (<see cref="ActorEras"/>).</summary>
    public ActorRoles InEra(DateSpan date) =>
        new(ActorEras.For(Actor1, date), [.. Assoc1.Select(a => ActorEras.For(a, date)!)], ActorEras.For(Actor2, date), [.. Assoc2.Select(a => ActorEras.For(a, date)!)]);
}

/// <summary>
/// Assigns actor mentions to sides from the words between them: "between A and B", "A against B", "A attacked B"
/// put B on the other side; "A supported by B", "A and B" (outside "between"), or a shared camp keep B with A.
/// For non-violent events every actor named is on one side.
/// </summary>
public static class ActorRoleAssigner
{
    private static readonly WordSet Opposing = new("against", "between", "attacked", "attack", "attacks", "targeted", "targeting", "shelled", "ambushed", "on", "clashed", "clashes", "fighting", "fought", "killing", "killed", "wounding", "injuring", "toward", "towards", "from", "repelled", "at", "targeting", "struck", "hit", "bombed", "shot", "stormed", "into", "among", "with", "engaged", "infiltration", "confrontations", "positions", "vehicle", "checkpoint", "member", "members", "of", "battled", "confronted", "repulsed", "foiled", "captured", "detained", "arrested", "abducted", "kidnapped", "assassinated", "sniped", "raided", "stormed");
    private static readonly WordSet Allied = new("supported", "backed", "and", "including", "alongside", "along", "allied", "loyal", "affiliated", "accompanied", "together", "assisted", "as", "well", "or", "its", "their", "&", "joint");
    // "QSD and IS fighters clashed": after "A and B", a verb of mutual fighting makes them the two sides.
    private static readonly WordSet Reciprocal = new("clashed", "fought", "exchanged", "clash", "battled", "engaged");
    private static readonly WordSet Reconciliation = new("reconciliation", "reconciled", "settlement", "settled", "agreement", "deal", "collaborating", "collaborated", "defected");
    private static readonly WordSet SupportVerbs = new("supported", "backed", "led", "accompanied", "assisted", "affiliated", "run", "held", "controlled");
    private static readonly WordSet ModifiedNouns = new("media", "prisoners", "detainees", "abductees", "families", "agents", "sources", "official", "officials", "outlets", "news", "administration", "held", "controlled", "territory", "areas", "area");
    private static readonly WordSet GroupNouns = new("elimination", "defeat", "fate", "families", "members", "remnants");
    // What is hit rather than who hits: "shelled positions of regime forces", "attacked QSD posts".
    private static readonly WordSet TargetNouns = new("positions", "position", "headquarters", "bases", "base", "posts", "post", "points", "point", "checkpoints", "checkpoint", "barracks", "sites", "gatherings", "outposts", "fortifications");
    private static readonly WordSet AttackWords = new("on", "upon", "targeted", "targeting", "target", "shelled", "shelling", "attacked", "attack", "attacks", "struck", "hit", "bombarded", "bombed", "stormed", "raided", "fire", "fired", "shot", "into");
    private static readonly WordSet CivilianWords = new("civilian", "civilians", "man", "woman", "child", "children", "boy", "girl", "shepherd", "farmer", "residents", "displaced", "IDP");

    public static ActorRoles Assign(TokenView view, IReadOnlyList<ActorMention> mentions, bool violent, bool civiliansTarget)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(mentions);
        if (mentions.Count == 0)
        {
            return new ActorRoles(null, [], civiliansTarget ? "Civilians (Syria)" : null, []);
        }

        if (violent && TargetedRoles(view, mentions) is { } targeted)
        {
            return targeted;
        }

        var side1 = new List<ActorEntry> { mentions[0].Entry };
        var side2 = new List<ActorEntry>();
        var passive = false;
        var first = mentions[0].FirstToken;
        var between = BetweenBefore(view, first);
        // "clashes between two armed families", "clashes between unknown armed groups": one kind of actor on both sides.
        var twoOfOne = view.Is(first - 1, "two") || view.Is(first - 2, "two") || view.Is(first - 1, "among") || view.Is(first - 2, "among")
                       || (between && mentions.Count == 1 && mentions[0].Entry.Primacy == 2 && view[mentions[0].EndToken - 1].EndsWith("s", StringComparison.OrdinalIgnoreCase));
        ActorEntry? sameBlocOpponent = null;
        var previousSide = 1;
        for (var k = 1; k < mentions.Count; k++)
        {
            var m = mentions[k];
            var (opposing, allied, clauseBreak, byAgent) = Gap(view, mentions[k - 1].EndToken, m.FirstToken);
            between |= Contains(view, mentions[k - 1].EndToken, m.FirstToken, "between");
            passive |= byAgent && violent && k == 1 && m.FirstToken - mentions[k - 1].EndToken < 8;
            var bloc = Bloc(m.Entry.Camp);
            var inSide1 = side1.Exists(e => Bloc(e.Camp) == bloc);
            var inSide2 = side2.Exists(e => Bloc(e.Camp) == bloc);
            var gap = m.FirstToken - mentions[k - 1].EndToken;
            int side;
            if (!violent)
            {
                side = 1;
            }
            else if (inSide1 != inSide2)
            {
                // One bloc fights on one side: "regime forces and allied militias", "QSD backed by the Coalition".
                side = inSide1 ? 1 : 2;
                if (side == 1 && side2.Count == 0 && sameBlocOpponent is null && (between || (opposing && gap <= 6 && !clauseBreak)))
                {
                    // clashes between two named brigades, "gunmen shot a former rebel": rivals of one
                    // bloc, or of one kind, unless another bloc turns up.
                    sameBlocOpponent = m.Entry;
                }
            }
            else if (inSide1)
            {
                side = previousSide;
            }
            else if (side2.Count == 0 && (between || opposing || !(allied && gap <= 3) || view.IsAny(m.EndToken, Reciprocal) || view.IsAny(m.EndToken + 1, Reciprocal)))
            {
                // A new bloc is the other side, unless the words join it to the first ("HTS and AAS attacked ...").
                side = 2;
            }
            else if (side2.Count == 0)
            {
                side = 1;
            }
            else
            {
                side = opposing && !clauseBreak && gap <= 4 ? 3 - previousSide : previousSide;
            }

            (side == 1 ? side1 : side2).Add(m.Entry);
            previousSide = side;
        }

        if (side2.Count == 0 && sameBlocOpponent is not null)
        {
            if (sameBlocOpponent != side1[0])
            {
                side1.Remove(sameBlocOpponent);
            }

            side2.Add(sameBlocOpponent);
        }

        if (passive && side2.Count > 0)
        {
            (side1, side2) = (side2, side1);
        }

        // In a non-violent event every actor is on one side, and the one named first acts.
        var a1 = violent ? Primary(side1).Name : side1[0].Name;
        var a2 = side2.Count > 0 ? Primary(side2).Name : twoOfOne && violent ? a1 : civiliansTarget && violent ? "Civilians (Syria)" : null;
        return new ActorRoles(a1, Distinct(side1, a1, a2), a2, Distinct(side2, a2, a1));
    }

    /// <summary>
    /// "A shelled positions of B in X", "A targeted B posts": B is what was hit,
    /// so B is the second side whatever its place in the sentence, and the first side is the actor named just before
    /// it in the same clause (with those joined to that actor by "and", "backed by"). When the clause names no one
    /// before the target, the attacker is unnamed, not the target.
    /// </summary>
    private static ActorRoles? TargetedRoles(TokenView view, IReadOnlyList<ActorMention> mentions)
    {
        var t = -1;
        for (var k = 0; k < mentions.Count && t < 0; k++)
        {
            if (IsTarget(view, mentions[k]))
            {
                t = k;
            }
        }

        // Not in a fight between the two ("clashed with QSD at an Asayish checkpoint", "clashes ... amid airstrikes on
        // IS positions"): there the sides are read as usual.
        if (t < 0 || Mutual(view, mentions[0].FirstToken - 5, mentions[^1].EndToken + 3))
        {
            return null;
        }

        // "regime and loyalist militia positions": every actor of the coordination is hit.
        while (t > 0 && Coordinated(view, mentions[t - 1].EndToken, mentions[t].FirstToken))
        {
            t--;
        }

        var target = mentions[t].Entry;
        var side1 = new List<ActorEntry>();
        for (var k = t - 1; k >= 0; k--)
        {
            var (_, allied, clauseBreak, _) = Gap(view, mentions[k].EndToken, mentions[k + 1].FirstToken);
            if (clauseBreak || (side1.Count > 0 && !allied))
            {
                break;
            }

            // The target's own bloc named again before it ("strongholds of the Turkish army where bases of the
            // Turkish army are") is the target, not the attacker.
            if (Bloc(mentions[k].Entry.Camp) != Bloc(target.Camp))
            {
                side1.Insert(0, mentions[k].Entry);
            }
        }

        var side2 = new List<ActorEntry> { target };
        for (var k = t + 1; k < mentions.Count; k++)
        {
            if (Gap(view, mentions[k - 1].EndToken, mentions[k].FirstToken).ClauseBreak)
            {
                break;
            }

            if (IsTarget(view, mentions[k]) || Bloc(mentions[k].Entry.Camp) == Bloc(target.Camp))
            {
                side2.Add(mentions[k].Entry);
            }
        }

        // No attacker before the target: when the event names only the target's side, the attacker is unnamed
        // ("heavy artillery hit regime positions"); when it names others, the usual reading decides (an attack
        // within one bloc, an attacker named after the target).
        if (side1.Count == 0 && mentions.Any(m => Bloc(m.Entry.Camp) != Bloc(target.Camp)))
        {
            return null;
        }

        if (side1.Count == 0 && mentions.Any(m => m.Entry != target && m.FirstToken < mentions[t].FirstToken))
        {
            return null;
        }

        var a1 = side1.Count > 0 ? Primary(side1).Name : null;
        var a2 = Primary(side2).Name;
        return new ActorRoles(a1, Distinct(side1, a1, a2), a2, Distinct(side2, a2, a1));
    }

    private static readonly WordSet WeaponWords = new("heavy", "artillery", "rockets", "rocket", "missiles", "missile", "mortars", "mortar", "shells", "drones", "drone", "machineguns", "machine", "tanks", "tank", "guided", "explosive", "suicide");

    private static bool Coordinated(TokenView view, int from, int to)
    {
        if (to - from is < 1 or > 2)
        {
            return false;
        }

        for (var i = from; i < to; i++)
        {
            if (!view.Is(i, "and") && !view.IsPunct(i, ',') && !view.Is(i, "the"))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Mutual(TokenView view, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            // "with heavy artillery", "with drones": the weapon, not a party fought with.
            if (view.IsAny(i, Reciprocal) || view.IsAny(i, ["between", "clashes"]) || (view.Is(i, "with") && !view.IsAny(i + 1, WeaponWords)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTarget(TokenView view, ActorMention m)
    {
        var before = m.FirstToken - 1;
        if (view.Is(before, "the"))
        {
            before--;
        }

        int phrase;
        if (view.IsAny(m.EndToken, TargetNouns))
        {
            phrase = before + 1; // "regime positions", "an SDF checkpoint"
        }
        else if (view.Is(before, "of") && view.IsAny(before - 1, TargetNouns))
        {
            phrase = view.Is(before - 2, "and") && view.IsAny(before - 3, TargetNouns) ? before - 3 : before - 1; // "positions and headquarters of X"
        }
        else
        {
            return false;
        }

        // Hit, not merely where something happened ("arrested a man at an HTS checkpoint").
        for (var i = phrase - 1; i >= phrase - 5 && i >= 0; i--)
        {
            if (view.IsAny(i, AttackWords))
            {
                return true;
            }
        }

        return false;
    }

    // Turkey fights beside the factions it backs, so on their side it ranks with the generic "rebels": whichever
    // of the two is named first leads ("rebels supported by Turkish forces" is the rebels' event, "Turkish forces
    // backed by factions" Turkey's).
    private static int Rank(ActorEntry e) => e.Camp == "turkey" && e.Primacy == 3 ? 2 : e.Primacy;

    // The actor ACLED names for a side: the highest rank, the first mentioned among equals.
    private static ActorEntry Primary(List<ActorEntry> side)
    {
        var best = side[0];
        foreach (var e in side)
        {
            if (Rank(e) > Rank(best))
            {
                best = e;
            }
        }

        return best;
    }

    // What the words between two mentions say about them: opposed ("against", "clashed with"), allied ("supported by",
    // "and"), a clause break between them, or a passive agent ("killed by IS").
    private static (bool Opposing, bool Allied, bool ClauseBreak, bool ByAgent) Gap(TokenView view, int from, int to)
    {
        var (opposing, allied, clauseBreak, byAgent) = (false, false, false, false);
        for (var i = from; i < to; i++)
        {
            if (view.Is(i, "by") && !view.IsAny(i - 1, SupportVerbs))
            {
                byAgent = true;
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

            clauseBreak |= view.IsPunct(i, '.') || view.IsPunct(i, ';');
        }

        return (opposing, allied, clauseBreak, byAgent);
    }

    private static readonly WordSet BetweenFillers = new("members", "fighters", "militias", "militants", "gunmen", "elements", "groups", "of", "the", "affiliated", "with", "to", "loyal", "belonging");

    // "clashes between members of the X and Y", "between militias affiliated with X and Y": the words that say who
    // the fighters of X are do not hide the "between" before them.
    private static bool BetweenBefore(TokenView view, int first)
    {
        for (var i = first - 1; i >= 0 && i >= first - 6; i--)
        {
            if (view.Is(i, "between"))
            {
                return true;
            }

            if (!view.IsAny(i, BetweenFillers) && i < first - 3)
            {
                return false;
            }
        }

        return false;
    }

    private static bool Contains(TokenView view, int from, int to, string word)
    {
        for (var i = from; i < to; i++)
        {
            if (view.Is(i, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A mention that is background, not a party: a former rebel "who reconciled with the regime under an agreement",
    /// "who settled his status with the regime".
    /// </summary>
    public static bool IsBackground(TokenView view, ActorMention m)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(m);
        for (var i = m.FirstToken - 1; i >= 0 && i >= m.FirstToken - 5; i--)
        {
            if (view.IsAny(i, Reconciliation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "shot a former IS fighter": the side someone once fought on is not a party now; ACLED codes such a person as an
    /// unidentified armed group (as the lexicon does "former rebels"), so the mention is read as that group.
    /// </summary>
    public static ActorMention AsPresentSide(TokenView view, ActorMention m)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(m);
        var former = view.IsAny(m.FirstToken - 1, ["former", "ex"]) || (view.IsPunct(m.FirstToken - 1, '-') && view.Is(m.FirstToken - 2, "ex"));
        return former && ActorLexicon.Default.ByName.TryGetValue("Unidentified Armed Group (Syria)", out var unidentified) ? m with { Entry = unidentified } : m;
    }

    private static readonly WordSet MemberNouns = new("members", "member", "fighters", "fighter", "commander", "commanders", "leader", "leaders", "emir", "emirs", "cell", "cells", "families", "elements", "officers", "officer");

    /// <summary>"two members of AAS", "women from IS families": the people an arrest takes belong to the group named.</summary>
    public static bool IsMemberOf(TokenView view, ActorMention m)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(m);
        var k = view.Is(m.FirstToken - 1, "the") ? m.FirstToken - 2 : m.FirstToken - 1;
        return view.IsAny(k, ["of", "from"]) && view.IsAny(k - 1, MemberNouns);
    }

    /// <summary>A mention that only qualifies a count or a thing ("ISIS prisoners", "regime media") is not a party to the event.</summary>
    public static bool IsModifier(TokenView view, ActorMention m) =>
        view.IsAny(m.EndToken, ModifiedNouns)
        || (view.IsAny(m.FirstToken - 1, ["of", "from"]) && view.IsAny(m.FirstToken - 2, GroupNouns));

    // Camps that fight on one side: Russia and Iran with the regime, the Coalition with the SDF, Turkey with the rebels.
    internal static string Bloc(string camp) => camp switch
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

using Marsad.Domain.Events;
using Marsad.Extraction.Recognition.Negation;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>The event type of a group of sentences, by ACLED's precedence over the triggers they hold.</summary>
public static class EventTyping
{
    /// <summary>The winning trigger class and sub-type (null sub-type for territory and generic violence: decided by actors), and all tags.</summary>
    public static (TriggerClass Class, AcledSubEventType? SubType, IReadOnlyList<string> Tags) Decide(TokenView view, IEnumerable<SentenceFacts> sentences)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(sentences);
        var best = TriggerClass.None;
        AcledSubEventType? subType = null;
        var tags = new List<string>();
        var hasRemote = false;
        AcledSubEventType? firstRemote = null;
        AcledSubEventType? firstHarm = null;
        AcledSubEventType? firstOther = null;
        var otherClass = TriggerClass.None;
        foreach (var s in sentences)
        {
            foreach (var t in s.Triggers)
            {
                if (NegationDetector.IsNegated(view, t.First, s.Sentence.FirstToken))
                {
                    continue;
                }

                var c = t.Value.Class;
                foreach (var tag in t.Value.Tags)
                {
                    if (!tags.Contains(tag))
                    {
                        tags.Add(tag);
                    }
                }

                if (c == TriggerClass.Remote)
                {
                    hasRemote = true;
                    // Among explosions the gravest kind names the event: a suicide bomb is not coded as its explosion.
                    if (firstRemote is null || Rank(t.Value.SubType) > Rank(firstRemote))
                    {
                        firstRemote = t.Value.SubType;
                    }
                }
                else if (c == TriggerClass.CivilianHarm)
                {
                    firstHarm ??= t.Value.SubType;
                }
                else if (c is TriggerClass.Strategic or TriggerClass.Protest or TriggerClass.Riot)
                {
                    // Protests and riots outrank strategic developments; within a class the first trigger names it.
                    if (firstOther is null || c > otherClass)
                    {
                        firstOther = t.Value.SubType;
                        otherClass = c;
                    }
                }

                if (c > best)
                {
                    best = c;
                }
            }
        }

        // An attack "targeted with rockets" is the shelling, not a clash.
        if (best == TriggerClass.Violence && hasRemote)
        {
            best = TriggerClass.Remote;
        }

        subType = best switch
        {
            TriggerClass.Clash => AcledSubEventType.ArmedClash,
            TriggerClass.Remote => firstRemote,
            TriggerClass.CivilianHarm => firstHarm,
            TriggerClass.Strategic or TriggerClass.Protest or TriggerClass.Riot => firstOther,
            _ => null,
        };
        return (best, subType, tags);
    }

    private static int Rank(AcledSubEventType? t) =>
        t == AcledSubEventType.ChemicalWeapon ? 6 : t == AcledSubEventType.SuicideBomb ? 5 : t == AcledSubEventType.AirDroneStrike ? 4
        : t == AcledSubEventType.RemoteExplosiveLandmineIed ? 3 : t == AcledSubEventType.ShellingArtilleryMissileAttack ? 2 : 1;
}

using Marsad.Domain.Events;
using Marsad.Extraction.Recognition.Negation;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>The event type of a group of sentences, by ACLED's precedence over the triggers they hold.</summary>
public static class EventTyping
{
    // A capture of people is an arrest; an armed group capturing another's fighters becomes a clash in the assembler.
    private static readonly Trigger CapturedPeople = new(TriggerClass.Strategic, AcledSubEventType.Arrests, []);
    private static readonly WordSet Partial = new("partial", "partially", "temporary");
    private static readonly WordSet Attempt = new("attempt", "attempted", "attempting", "attempts", "trying", "tried", "try", "bid", "failed", "aiming", "aim", "sought", "order", "plan", "planned", "unable");
    private static readonly WordSet Passive = new("was", "were", "been", "being", "be");
    private static readonly WordSet Counted = new("a", "an", "two", "three", "four", "five", "several", "some", "many", "dozens", "one", "his", "their", "its");
    private static readonly WordSet Taken = new("a", "an", "him", "them", "her", "fighter", "fighters", "member", "members", "soldier", "soldiers", "militant", "militants", "people", "person", "persons", "weapons", "ammunition", "vehicle", "vehicles", "tank", "tanks", "officer", "officers", "prisoners", "prisoner", "civilians", "men", "commander", "elements", "several", "some", "quantities", "arms", "equipment", "two", "three", "four", "five");
    /// <summary>The winning trigger class and sub-type (null sub-type for territory and generic violence: decided by actors), and all tags.</summary>
    public static (TriggerClass Class, AcledSubEventType? SubType, IReadOnlyList<string> Tags) Decide(TokenView view, IEnumerable<SentenceFacts> sentences)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(sentences);
        var fold = new Fold(view);
        foreach (var s in sentences)
        {
            fold.Add(s);
        }

        return fold.Result();
    }

    /// <summary>
    /// <see cref="Decide"/> one sentence at a time: a draft that grows paragraph by paragraph keeps its decision
    /// up to date in time linear in what is added, instead of deciding again over all its sentences each time.
    /// </summary>
    internal sealed class Fold(TokenView view)
    {
        private readonly List<string> tags = [];
        private TriggerClass best = TriggerClass.None;
        private bool hasRemote;
        private AcledSubEventType? firstRemote;
        private AcledSubEventType? firstHarm;
        private AcledSubEventType? firstOther;
        private TriggerClass otherClass = TriggerClass.None;

        public void Add(SentenceFacts s)
        {
            foreach (var t in s.Triggers)
            {
                if (NegationDetector.IsNegated(view, t.First, s.Sentence.FirstToken) || NotEvents.IsOverflight(view, s, t)
                    || (t.Value.Class == TriggerClass.Territory && Attempted(view, t.First)))
                {
                    continue;
                }

                var trigger = t.Value.Class == TriggerClass.Territory && TakesPeople(view, t.First, t.First + t.Count) ? CapturedPeople : t.Value;
                var c = trigger.Class;
                foreach (var tag in trigger.Tags)
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
                    if (firstRemote is null || Rank(trigger.SubType) > Rank(firstRemote))
                    {
                        firstRemote = trigger.SubType;
                    }
                }
                else if (c == TriggerClass.CivilianHarm)
                {
                    firstHarm ??= trigger.SubType;
                }
                else if (c is TriggerClass.Strategic or TriggerClass.Protest or TriggerClass.Riot)
                {
                    // Protests and riots outrank strategic developments; within a class the first trigger names it.
                    if (firstOther is null || c > otherClass)
                    {
                        firstOther = trigger.SubType;
                        otherClass = c;
                    }
                }

                if (c > best)
                {
                    best = c;
                }
            }
        }

        /// <summary>The decision over the sentences added so far; the tags are a copy, so later additions do not change it.</summary>
        public (TriggerClass Class, AcledSubEventType? SubType, IReadOnlyList<string> Tags) Result()
        {
            // An attack "targeted with rockets" is the shelling, not a clash.
            var cls = best == TriggerClass.Violence && hasRemote ? TriggerClass.Remote : best;
            AcledSubEventType? subType = cls switch
            {
                TriggerClass.Clash => AcledSubEventType.ArmedClash,
                TriggerClass.Remote => firstRemote,
                TriggerClass.CivilianHarm => firstHarm,
                TriggerClass.Strategic or TriggerClass.Protest or TriggerClass.Riot => firstOther,
                _ => null,
            };
            return (cls, subType, tags.ToList());
        }
    }

    // "tried to capture", "partial control": no ground changed hands.
    private static bool Attempted(TokenView view, int first) =>
        view.IsAny(first - 1, Partial) || view.IsAny(first - 2, Attempt) || view.IsAny(first - 3, Attempt);

    // "captured two fighters", "were captured", "seized weapons": people or things taken, not ground.
    private static bool TakesPeople(TokenView view, int first, int end) =>
        view.IsAny(first - 1, Passive) || view.IsAny(end, Taken) || (end < view.Count && view.Tokens[end].Kind == TokenKind.Number)
        || (view.IsAny(end, Counted) && view.IsAny(end + 1, Taken));

    private static int Rank(AcledSubEventType? t) =>
        t == AcledSubEventType.ChemicalWeapon ? 6 : t == AcledSubEventType.SuicideBomb ? 5 : t == AcledSubEventType.AirDroneStrike ? 4
        : t == AcledSubEventType.RemoteExplosiveLandmineIed ? 3 : t == AcledSubEventType.ShellingArtilleryMissileAttack ? 2 : 1;
}

using Marsad.Domain.Events;
using Marsad.Extraction.Recognition.Dates;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// Sentences that read like events but are not: overflights and reconnaissance ("drones were seen flying over X"),
/// and cumulative or periodic tallies ("since the beginning of the year, 54 people were killed"), which count events
/// rather than report one.
/// </summary>
internal static class NotEvents
{
    private static readonly WordSet FlightWords = new("reconnaissance", "flying", "flights", "flight", "hovering", "hovered", "hover", "overflight", "overflights", "flew", "spy", "surveillance", "circling");
    private static readonly WordSet TallyStarts = new("beginning", "start", "early", "outbreak", "launch", "onset", "mid", "late");
    private static readonly WordSet TallyWords = new("tally", "statistics", "cumulative");

    /// <summary>An air trigger in a sentence about aircraft flying over, not striking.</summary>
    public static bool IsOverflight(TokenView view, SentenceFacts s, PhraseMatch<Trigger> t) =>
        t.Value.SubType == AcledSubEventType.AirDroneStrike && HasAny(view, s, FlightWords)
        && !s.Triggers.Any(o => o.Value.SubType == AcledSubEventType.AirDroneStrike && view.IsAny(o.First, ["airstrike", "airstrikes", "strike", "strikes", "bombed"]));

    /// <summary>The sentence's triggers are all overflights.</summary>
    public static bool OnlyOverflights(TokenView view, SentenceFacts s) => s.Triggers.Count > 0 && s.Triggers.All(t => IsOverflight(view, s, t));

    /// <summary>"since the beginning of 2023", "since June 2019", "the death toll ... rose to": a running count, not an incident.</summary>
    public static bool IsTally(TokenView view, SentenceFacts s)
    {
        if (s.Quantities.Count == 0)
        {
            return false;
        }

        for (var i = s.Sentence.FirstToken; i < s.Sentence.EndToken; i++)
        {
            if (view.IsAny(i, TallyWords) && !view.Is(i - 1, "in"))
            {
                return true;
            }

            if (!view.Is(i, "since"))
            {
                continue;
            }

            var k = i + 1;
            while (k < s.Sentence.EndToken && k <= i + 3 && view.IsAny(k, ["the", "of", "this", "last"]))
            {
                k++;
            }

            if (view.IsAny(k, TallyStarts) || CalendarWordsAccess.IsMonth(view[k]) || (k < view.Count && view.Tokens[k].Kind == TokenKind.Number && view[k].Length == 4)
                || view.IsAny(k, ["year", "month", "months", "years"]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAny(TokenView view, SentenceFacts s, WordSet words)
    {
        for (var i = s.Sentence.FirstToken; i < s.Sentence.EndToken; i++)
        {
            if (view.IsAny(i, words))
            {
                return true;
            }
        }

        return false;
    }
}

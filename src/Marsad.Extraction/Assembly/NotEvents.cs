using Marsad.Domain.Events;
using Marsad.Extraction.Recognition.Dates;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// Sentences that read like events but are not: overflights and reconnaissance ("drones were seen flying over X"),
/// cumulative or periodic tallies ("since the beginning of the year, 54 people were killed"), which count events
/// rather than report one, the sentences that go on with such a tally ("These attacks left 20 dead") and its regional
/// lines ("• Homs: 4 attacks left 3 dead"), and troop postures (forces "amassed" or "on high alert"), which report
/// no incident. The contract lists them as <c>not_events</c> so the coder sees what was left out and why.
/// </summary>
internal static class NotEvents
{
    public const string TallyReason = "cumulative or periodic statistic";
    public const string BreakdownReason = "item of a statistic's breakdown";
    public const string OverflightReason = "overflight or reconnaissance";
    public const string DeniedReason = "recounts a claim the report denies";
    public const string AnniversaryReason = "anniversary or retrospective of a campaign";
    public const string PostureReason = "troop posture (amassing, alert), no incident";

    private static readonly WordSet PostureWords = new("amassed", "amassing", "amass", "mobilised", "mobilized", "mobilising", "mobilizing");
    private static readonly WordSet AlertWords = new("high", "maximum", "full", "on", "state");
    private static readonly WordSet TallyFollowers = new("these", "those", "they", "among", "accordingly");
    private static readonly WordSet NumberOfVerbs = new("reached", "rose", "risen", "climbed", "amounted", "increased", "totalled", "totaled", "hit", "become", "became");

    /// <summary>
    /// The sentences of the document that are not events, each with why (computed once per document; see
    /// <see cref="DocumentFacts.NotEventSentences"/>). A sentence that goes on with a tally ("These attacks left ...")
    /// is part of it, and so is a breakdown line that opens with a place label after a tally ("• Homs: four attacks").
    /// </summary>
    public static Dictionary<int, string> Find(DocumentFacts doc)
    {
        var view = doc.View;
        var found = new Dictionary<int, string>();
        var tallySeen = false;
        foreach (var p in doc.Paragraphs)
        {
            var sentences = doc.In(p).ToList();
            doc.Budget.Spend(sentences.Count + 1L, "finding statistics and commentary");
            // A list line is one item: a breakdown line counts as a whole (no place or day of its own, or a place label).
            var breakdown = !doc.IsDispatch && doc.IsListItem(p) && sentences.Count > 0
                            && ((tallySeen && (OpensWithPlaceLabel(doc, sentences[0]) || OpensWithUndatedCount(doc, sentences)))
                                || (!sentences.Any(s => s.Places.Count > 0) && !sentences.Any(s => s.Dates.Any(m => m.Kind != DateKind.Period))));
            var inTally = false;
            SentenceFacts? denial = null;
            foreach (var s in sentences)
            {
                if (denial is not null && RecountsDenied(view, denial, s))
                {
                    found[s.Sentence.Index] = DeniedReason;
                    continue;
                }

                denial = s.Stance.Denial ? s : denial;
                if (IsTally(view, s, bareFigure: !doc.IsDispatch) || (inTally && view.IsAny(s.Sentence.FirstToken, TallyFollowers)))
                {
                    found[s.Sentence.Index] = TallyReason;
                    inTally = tallySeen = true;
                    continue;
                }

                inTally = false;
                if (!doc.IsDispatch && IsAnniversary(view, s))
                {
                    found[s.Sentence.Index] = AnniversaryReason;
                    continue;
                }

                if (s.Triggers.Count == 0 && s.Quantities.Count == 0)
                {
                    continue;
                }

                if (breakdown)
                {
                    found[s.Sentence.Index] = BreakdownReason;
                }
                else if (OnlyOverflights(view, s))
                {
                    found[s.Sentence.Index] = OverflightReason;
                }
                else if (!doc.IsDispatch && IsPosture(view, s))
                {
                    found[s.Sentence.Index] = PostureReason;
                }
            }
        }

        return found;
    }

    // "• Deir Ezzor: 36 attacks left ...": the line's label is a place, so the line counts a region's incidents.
    private static bool OpensWithPlaceLabel(DocumentFacts doc, SentenceFacts s)
    {
        if (s.Places.Count == 0)
        {
            return false;
        }

        var place = s.Places.MinBy(x => x.Start)!;
        var before = doc.Text.AsSpan(s.Sentence.Start, place.Start - s.Sentence.Start).Trim().TrimStart("•-*–·▪");
        var after = doc.Text.AsSpan(place.End, Math.Min(doc.Text.Length, s.Sentence.End) - place.End).TrimStart();
        return before.Trim().Length == 0 && after.Length > 0 && after[0] == ':';
    }

    private static readonly WordSet AnniversaryVerbs = new("completes", "completed", "marks", "marked", "enters", "entered", "commemorates", "commemorated");

    // "The Coalition completes today its eighth year of operations", "marks the tenth anniversary of": the day a campaign's
    // years are counted, not an incident of that day.
    private static bool IsAnniversary(TokenView view, SentenceFacts s)
    {
        for (var i = s.Sentence.FirstToken; i < s.Sentence.EndToken; i++)
        {
            if (view.IsAny(i, ["anniversary", "anniversaries"]))
            {
                return true;
            }

            if (!view.IsAny(i, AnniversaryVerbs))
            {
                continue;
            }

            for (var k = i + 1; k < s.Sentence.EndToken && k <= i + 8; k++)
            {
                if (view.IsAny(k, ["year", "years"]) && NumberWords.TryOrdinal(view.Text, view.Tokens, k - 1, out _, out _))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "X denied the news reported by Y. According to Y, the attack killed four ...": the sentence tells the claim just denied, not an incident.
    private static bool RecountsDenied(TokenView view, SentenceFacts denial, SentenceFacts s)
    {
        var i = s.Sentence.FirstToken;
        if (!view.Is(i, "according") || !view.Is(i + 1, "to"))
        {
            return false;
        }

        var source = view.Is(i + 2, "the") ? i + 3 : i + 2;
        if (!view.IsCapitalised(source))
        {
            return false;
        }

        // The source must be the party denied (named after the denial), not the one denying.
        for (var k = Math.Max(denial.Stance.DenialToken, denial.Sentence.FirstToken); k < denial.Sentence.EndToken; k++)
        {
            if (view[k].Equals(view[source], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "• 9,345 fighters and commanders, the most prominent of whom ...": after a tally, a line that opens with a count and
    // gives no day of its own is a share of the tally, whatever names it goes on to list.
    private static bool OpensWithUndatedCount(DocumentFacts doc, List<SentenceFacts> sentences)
    {
        var view = doc.View;
        var first = sentences[0].Sentence.FirstToken;
        while (first < sentences[0].Sentence.EndToken && view.Tokens[first].Kind == TokenKind.Punctuation)
        {
            first++;
        }

        return first < view.Count && view.Tokens[first].Kind == TokenKind.Number
               && !sentences.Any(s => s.Dates.Any(m => m.Kind != DateKind.Period));
    }

    /// <summary>
    /// In a report (not a one-paragraph dispatch, which ACLED may code as a strategic development):
    /// forces that "amassed their troops" or were "put on high alert": a posture, not an incident, unless the sentence
    /// also reports a clash, a strike or harm of its own.
    /// </summary>
    public static bool IsPosture(TokenView view, SentenceFacts s)
    {
        var posture = false;
        for (var i = s.Sentence.FirstToken; i < s.Sentence.EndToken && !posture; i++)
        {
            posture = view.IsAny(i, PostureWords) || (view.Is(i, "alert") && view.IsAny(i - 1, AlertWords));
        }

        return posture && s.Triggers.All(t => t.Value.Class is TriggerClass.Violence or TriggerClass.Strategic);
    }
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
    public static bool IsTally(TokenView view, SentenceFacts s, bool bareFigure = false)
    {
        // A tally counts: a sentence with no figure at all ("since June, the area has been calm") is not one. In a
        // report a bare figure ("has reached 33") is enough; a one-line dispatch (an ACLED note) needs a recognised count,
        // since its "since 2019" usually dates a situation around the one incident it reports.
        if (s.Quantities.Count == 0 && !(bareFigure && HasNumber(view, s)))
        {
            return false;
        }

        for (var i = s.Sentence.FirstToken; i < s.Sentence.EndToken; i++)
        {
            if (view.IsAny(i, TallyWords) && !view.Is(i - 1, "in"))
            {
                return true;
            }

            // "the number of attacks ... has reached 33", "the number of people killed rose to 171": a running count.
            if (view.Is(i, "number") && view.Is(i + 1, "of") && FollowedBy(view, i + 2, s.Sentence.EndToken, NumberOfVerbs, 25))
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

    private static bool HasNumber(TokenView view, SentenceFacts s)
    {
        for (var i = s.Sentence.FirstToken; i < s.Sentence.EndToken; i++)
        {
            if (view.Tokens[i].Kind == TokenKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowedBy(TokenView view, int from, int end, WordSet words, int window)
    {
        for (var i = from; i < end && i < from + window; i++)
        {
            if (view.IsAny(i, words))
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

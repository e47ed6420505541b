namespace Marsad.Extraction.Arabic;

/// <summary>
/// The phrases that change what a clause means: no casualties ("دون ورود معلومات عن خسائر بشرية": zero, while
/// "دون معلومات عن حجم الخسائر" leaves the count unknown), denial and negation ("نفت"، "لم يسفر"), and the
/// wording of what is not an event (flares, overflights, running tallies "منذ مطلع"، an earlier attack "قصف سابق").
/// </summary>
public static class ArabicCues
{
    public enum Cue
    {
        NoCasualties,
        Denial,
        NotEvent,
        Earlier,
    }

    public static ArabicLexicon<Cue> Lexicon { get; } = new(new Dictionary<string, Cue>
    {
        ["دون ورود معلومات عن خسائر بشرية"] = Cue.NoCasualties,
        ["دون ورود أنباء عن خسائر بشرية"] = Cue.NoCasualties,
        ["دون وقوع خسائر بشرية"] = Cue.NoCasualties,
        ["دون خسائر بشرية"] = Cue.NoCasualties,
        ["لم ترد معلومات عن خسائر بشرية"] = Cue.NoCasualties,
        ["لم تسفر عن خسائر بشرية"] = Cue.NoCasualties,
        ["لم يسفر عن خسائر بشرية"] = Cue.NoCasualties,
        ["لا معلومات عن خسائر بشرية"] = Cue.NoCasualties,
        ["دون وقوع إصابات"] = Cue.NoCasualties,
        ["نفت"] = Cue.Denial,
        ["نفى"] = Cue.Denial,
        ["تنفي"] = Cue.Denial,
        ["ينفي"] = Cue.Denial,
        ["قنابل مضيئة"] = Cue.NotEvent,
        ["قنابل ضوئية"] = Cue.NotEvent,
        ["تحليق"] = Cue.NotEvent,
        ["حظر تجول"] = Cue.NotEvent,
        ["منذ مطلع"] = Cue.NotEvent,
        ["منذ بداية"] = Cue.NotEvent,
        ["منذ مطلع العام"] = Cue.NotEvent,
        ["تعداد الاستهدافات"] = Cue.NotEvent,
        ["إحصائيات"] = Cue.NotEvent,
        ["قصف سابق"] = Cue.Earlier,
        ["هجوم سابق"] = Cue.Earlier,
        ["استهداف سابق"] = Cue.Earlier,
    });

    /// <summary>The cues in tokens [from, to).</summary>
    public static HashSet<Cue> Find(IReadOnlyList<ArabicToken> tokens, int from, int to, bool[]? taken = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new HashSet<Cue>();
        for (var i = from; i < to; i++)
        {
            var (cue, length) = Lexicon.Match(tokens, i, to);
            if (length > 0)
            {
                found.Add(cue);
                if (taken is not null)
                {
                    Array.Fill(taken, true, i, length);
                }

                i += length - 1;
            }
        }

        return found;
    }
}

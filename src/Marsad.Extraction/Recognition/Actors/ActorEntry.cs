using Marsad.Domain.Lexicon;

namespace Marsad.Extraction.Recognition.Actors;

/// <summary>
/// A lexicon actor with its kind (state, rebel, militia, civilians, ...) and camp: actors of one camp
/// fight on the same side, so a second actor of the first actor's camp is an associate, not the opponent.
/// </summary>
public sealed record ActorEntry(Actor Actor, string Kind, string Camp)
{
    public string Name => Actor.CanonicalName;

    public bool IsCivilians => Kind == "civilians";

    public bool IsState => Kind == "state";

    /// <summary>
    /// Which actor ACLED names first when several fight on one side: an operation room or umbrella over the factions
    /// in it (4); a named group or state force (3); a generic one, "rebels", "Islamists", "gunmen" (2); the powers and
    /// militias that back a side (Russia, Iran, the Coalition, pro-government militias: 1), coded as its associates.
    /// </summary>
    public int Primacy => Kind == "operation" ? 4
        : Camp is "russia" or "iran" or "coalition" || Name == "Militia (Pro-Government)" ? 1
        : Name is "Opposition Rebels (Syria)" or "Islamist Militia (Syria)" or "Unidentified Armed Group (Syria)" ? 2 : 3;
}

/// <summary>One written form of an actor; acronyms that are also English words ("IS") match case-sensitively.</summary>
public sealed record ActorVariant(ActorEntry Entry, string Phrase, bool CaseSensitive)
{
    /// <summary>The phrase's words as the tokenizer splits them, for the case-sensitive comparison.</summary>
    public IReadOnlyList<string> Words { get; } = [.. Text.Tokenizer.Tokenize(Phrase).Select(t => Phrase[t.Start..t.End])];
}

/// <summary>Tokens [FirstToken, FirstToken + TokenCount) and characters [Start, End) name <see cref="Entry"/>.</summary>
public sealed record ActorMention(int FirstToken, int TokenCount, int Start, int End, ActorEntry Entry)
{
    public int EndToken => FirstToken + TokenCount;
}

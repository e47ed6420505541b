using Marsad.Domain.Common;
using Marsad.Domain.Records;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// Named people a report says were killed, detained or abducted: "the assassination of X", "an emir known as X",
/// "the most prominent of whom were: X, Y and Z" after a count of deaths. A name is two to five capitalised words (with
/// al-, bin, Abu ...) that is not an actor or a place, and reads as a person: a kunya ("Abu X"), a title or a naming
/// phrase beside it, or a list one of whose items does.
/// </summary>
internal static class NamedPersons
{
    private static readonly WordSet Kunya = new("Abu", "Abi", "Umm", "Um", "Sheikh", "Shaykh", "Dr", "Dr.", "Colonel", "General", "Brigadier", "Major", "Captain", "Lieutenant", "Emir", "Mullah", "Hajji", "Haji");
    private static readonly WordSet Particles = new("al", "Al", "el", "bin", "ibn", "Abu", "Abi", "Umm", "Um", "ad", "ash", "as", "ar", "az");
    private static readonly WordSet Introducers = new("as", "aka", "named", "nicknamed", "dubbed", "of", "commander", "leader", "emir", "chief", "official", "spokesman", "activist", "journalist", "doctor", "priest", "father", "bishop", "whom");
    private static readonly WordSet Titles = new("commander", "leader", "emir", "president", "vice", "head", "spokesman", "member", "founder", "chief", "official", "deputy", "caliph", "brother", "son", "father");
    private static readonly WordSet NotNameWords = new("SOHR", "Observatory", "Coalition", "Forces", "Force", "Syrian", "Syria", "International", "Islamic", "State", "Army", "Ministry", "Minister", "Democratic",
        "Council", "Brigade", "Brigades", "Division", "Front", "Party", "Guard", "Guards", "Corps", "Regime", "Government", "Media", "News", "Agency", "Russian", "Turkish", "Iranian", "US", "American",
        "Daesh", "ISIS", "IS", "SDF", "HTS", "Operation", "Room", "Human", "Rights", "Military", "Revolutionary", "National", "Defence", "Defense", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "This", "These", "In", "On", "West", "East", "North", "South", "Bank", "Strip");
    private static readonly WordSet GroupNouns = new("factions", "faction", "group", "groups", "brigade", "brigades", "battalion", "state", "movement", "militia", "militias", "forces", "base",
        "village", "town", "city", "area", "camp", "operation", "room", "council", "army", "front", "organisation", "organization");
    private static readonly WordSet Killed = new("killed", "death", "deaths", "dead", "assassination", "assassinated", "eliminated", "eliminating", "killing", "died", "fatalities", "slain", "executed", "targeted");
    private static readonly WordSet Detained = new("arrested", "arrest", "detained", "detention", "captured", "capture");
    private static readonly WordSet Abducted = new("abducted", "kidnapped", "abduction", "kidnapping");

    public static List<Person> Find(DocumentFacts doc, IReadOnlyCollection<string> known, Func<string, int, Guid> ids, int firstIndex)
    {
        var v = doc.View;
        var persons = new List<Person>();
        var names = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        SentenceFacts? previous = null;
        foreach (var s in doc.Sentences)
        {
            var status = Status(v, s) ?? (previous is not null && previous.Sentence.Paragraph >= s.Sentence.Paragraph - 2 ? Status(v, previous) : null);
            previous = s;
            if (status is not { } st)
            {
                continue;
            }

            doc.Budget.Spend(s.Sentence.EndToken - s.Sentence.FirstToken + 1L, "finding named persons");
            var spans = Names(v, s, doc.Budget);
            var listed = spans.Exists(n => n.Person);
            foreach (var (first, end, person) in spans)
            {
                // A list counts as people when one of its items reads as a person.
                if (!person && !(listed && InList(v, first, end)))
                {
                    continue;
                }

                var name = v.Slice(first, end);
                if (!names.Add(name))
                {
                    continue;
                }

                persons.Add(new Person
                {
                    Id = ids(nameof(Person), firstIndex + persons.Count),
                    Name = name,
                    Status = st,
                    History = [new PersonStatusStep(st, null, null, null)],
                    Evidence = new Evidence([new("person", new TextSpan(v.Tokens[first].Start, v.Tokens[end - 1].End))]),
                });
            }
        }

        return persons;
    }

    private static PersonStatus? Status(TokenView v, SentenceFacts s)
    {
        for (var i = s.Sentence.FirstToken; i < s.Sentence.EndToken; i++)
        {
            if (v.IsAny(i, Killed))
            {
                return PersonStatus.Killed;
            }

            if (v.IsAny(i, Abducted))
            {
                return PersonStatus.Abducted;
            }

            if (v.IsAny(i, Detained))
            {
                return PersonStatus.Detained;
            }
        }

        return null;
    }

    private static List<(int First, int End, bool Person)> Names(TokenView v, SentenceFacts s, WorkBudget budget)
    {
        var found = new List<(int, int, bool)>();
        var actors = new Spans(s.Actors.Select(a => (a.Start, a.End)));
        var places = new Spans(s.Places.Select(p => (p.Start, p.End)));
        var to = s.Sentence.EndToken;
        for (var i = s.Sentence.FirstToken; i < to; i++)
        {
            if (!v.IsCapitalised(i) || v.IsAny(i, NotNameWords))
            {
                continue;
            }

            var end = i;
            var words = 0;
            while (end < to && words < 5 && ((v.IsCapitalised(end) && !v.IsAny(end, NotNameWords)) || (v.IsAny(end, Particles) && v.IsCapitalised(end + 1))
                   || (v.IsPunct(end, '-') && end > i && v.IsCapitalised(end + 1))))
            {
                words += v.IsPunct(end, '-') ? 0 : 1;
                end++;
            }

            var before = i - 1;
            while (before >= s.Sentence.FirstToken && v.Tokens[before].Kind == TokenKind.Punctuation && i - before <= 2)
            {
                before--;
            }

            var person = v.IsAny(i, Kunya) || v.IsAny(before, Introducers)
                         || (v.IsPunct(end, ',') && (v.IsAny(end + 1, Titles) || v.IsAny(end + 2, Titles)));

            var after = end;
            while (after < to && v.Tokens[after].Kind == TokenKind.Punctuation && after - end < 2)
            {
                after++;
            }

            if (v.IsAny(after, GroupNouns))
            {
                i = end - 1;
                continue; // "“X Y” factions", "X State": a group or a place, not a person
            }

            // "Abu Bakr X": a name that reads as a person may contain a place's name ("X" a village too), not be one.
            if (words < 2 || Overlaps(actors, places, v, i, end, person, budget))
            {
                i = Math.Max(i, end - 1);
                continue;
            }

            found.Add((i, end, person));
            i = end - 1;
        }

        return found;
    }

    // An item of a comma list: a comma, "and" or a colon beside it.
    private static bool InList(TokenView v, int first, int end) =>
        v.IsPunct(first - 1, ',') || v.IsPunct(first - 1, ':') || v.Is(first - 1, "and") || v.IsPunct(end, ',') || v.Is(end, "and");

    private static bool Overlaps(Spans actors, Spans places, TokenView v, int first, int end, bool person, WorkBudget budget)
    {
        var (from, to) = (v.Tokens[first].Start, v.Tokens[end - 1].End);
        return actors.Any(from, to, budget, (_, _) => true)
               || places.Any(from, to, budget, (start, stop) => !(person && (start > from || stop < to)));
    }

    /// <summary>
    /// A sentence's actor or place spans sorted by start, to find those overlapping a name without scanning them all:
    /// only spans starting within the longest span's length before the name can reach it (a sentence listing
    /// 100,000 places stays n log n).
    /// </summary>
    private sealed class Spans
    {
        private readonly (int Start, int End)[] sorted;
        private readonly int longest;

        public Spans(IEnumerable<(int Start, int End)> spans)
        {
            sorted = [.. spans.OrderBy(x => x.Start)];
            longest = sorted.Length == 0 ? 0 : sorted.Max(x => x.End - x.Start);
        }

        // Any span overlapping [from, to) that also passes `also`.
        public bool Any(int from, int to, WorkBudget budget, Func<int, int, bool> also)
        {
            int lo = 0, hi = sorted.Length;
            var earliest = from - longest;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (sorted[mid].Start < earliest)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            for (var k = lo; k < sorted.Length && sorted[k].Start < to; k++)
            {
                budget.Spend(1, "finding named persons");
                if (from < sorted[k].End && also(sorted[k].Start, sorted[k].End))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

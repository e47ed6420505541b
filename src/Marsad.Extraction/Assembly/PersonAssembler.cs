using Marsad.Domain.Common;
using Marsad.Domain.Records;
using Marsad.Extraction.Recognition.Quantities;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// People whose fate the report says is unknown: the list after "the fate of" ("father X, Bishop Y, a British
/// journalist, and hundreds of abductees from Afrin") becomes one person per named or described individual and
/// one group per counted crowd, status missing.
/// </summary>
internal static class PersonAssembler
{
    public static List<Person> Assemble(DocumentFacts doc, Func<string, int, Guid> ids)
    {
        var persons = new List<Person>();
        foreach (var s in doc.Sentences)
        {
            var v = doc.View;
            var from = s.Sentence.FirstToken;
            var to = s.Sentence.EndToken;
            for (var i = from; i < to - 2; i++)
            {
                if (!v.IsSequence(i, ["fate", "of"]))
                {
                    continue;
                }

                var heldBy = HeldBy(doc, s);
                var itemStart = i + 2;
                for (var k = itemStart; k <= to; k++)
                {
                    var atEnd = k == to || v.IsPunct(k, '.') || v.IsPunct(k, ';') || (v.IsAny(k, ["are", "is", "remain", "remains", "were", "was"]) && k > itemStart);
                    if (atEnd || v.IsPunct(k, ','))
                    {
                        AddItem(v, itemStart, k, heldBy, persons, ids);
                        itemStart = k + 1;
                        if (atEnd)
                        {
                            break;
                        }
                    }
                }

                break;
            }
        }

        persons.AddRange(NamedPersons.Find(doc, [.. persons.Select(p => p.Name)], ids, persons.Count));
        return persons;
    }

    private static void AddItem(TokenView v, int from, int to, string? heldBy, List<Person> persons, Func<string, int, Guid> ids)
    {
        while (from < to && v.IsAny(from, ["and", "the", "also"]))
        {
            from++;
        }

        // "hundreds of" with nothing after it: a phrase cut off (a truncated excerpt) names no one.
        if (from >= to || v.IsAny(from, ["other", "others"]) || v.IsAny(to - 1, ["of", "the", "and", "a", "an", "in", "from"]))
        {
            return;
        }

        var name = v.Slice(from, to);
        // "father Paolo ...": a title written in lower case mid-sentence heads the name, so it takes a capital.
        if (v.IsAny(from, ["father", "bishop", "sheikh"]) && v.IsCapitalised(from + 1))
        {
            name = char.ToUpperInvariant(name[0]) + name[1..];
        }

        Quantity? group = null;
        if (QuantityWords.VagueLookup.TryGetValue(v[from], out var vague) && v.Is(from + 1, "of"))
        {
            group = new Quantity(vague, vague, null, v.Slice(from, from + 1));
        }
        else if (NumberWords.TryCardinal(v.Text, v.Tokens, from, out var n, out var len) && n > 1)
        {
            group = Quantity.Exactly(n, v.Slice(from, from + len));
        }
        else if (!v.IsCapitalised(from) && !v.IsAny(from, ["a", "an", "father", "bishop", "sheikh", "journalist"]) && !v.IsCapitalised(from + 1))
        {
            return;
        }

        var start = v.Tokens[from].Start;
        var end = v.Tokens[to - 1].End;
        persons.Add(new Person
        {
            Id = ids(nameof(Person), persons.Count),
            Name = name,
            Status = PersonStatus.Missing,
            GroupSize = group,
            Fate = "unknown",
            HeldBy = heldBy,
            // The register's history starts where the report leaves them: missing, undated, fate unknown.
            History = [new PersonStatusStep(PersonStatus.Missing, null, null, "fate unknown")],
            Evidence = new Evidence([new("person", new TextSpan(start, end))]),
        });
    }

    // "ISIS abductees" earlier in the same paragraph: the abductors.
    private static string? HeldBy(DocumentFacts doc, SentenceFacts s)
    {
        var paragraph = doc.Paragraphs[s.Sentence.Paragraph];
        var from = Math.Max(0, paragraph.Index - 1);
        foreach (var p in doc.Paragraphs.Skip(from).Take(2))
        {
            foreach (var other in doc.In(p))
            {
                foreach (var m in other.Actors)
                {
                    if (doc.View.IsAny(m.EndToken, ["abductees", "hostages", "captives"]))
                    {
                        return m.Entry.Name;
                    }
                }
            }
        }

        return null;
    }
}

using Marsad.Domain.Common;
using Marsad.Domain.Records;

namespace Marsad.Extraction.Arabic;

/// <summary>
/// Named persons in Arabic text: a name introduced by "المدعو/المدعوة"، "يدعى/تدعى" or a rank (العقيد، الملازم …) or
/// "الشاب/الطفل/المواطن" followed by a name in brackets or quotes, with the status its sentence gives it (killed, injured,
/// detained, abducted, missing, released), the word nearest the name deciding. Initials ("ع.م") and bare descriptions
/// ("شاب") name no one and give no person.
/// </summary>
public static class ArabicPersons
{
    private static readonly ArabicLexicon<bool> Introducers = new(new Dictionary<string, bool>
    {
        ["المدعو"] = true, ["المدعوة"] = true, ["يدعى"] = true, ["تدعى"] = true, ["ويدعى"] = true, ["اسمه"] = true, ["اسمها"] = true,
    });

    // Ranks and descriptions a name follows directly ("العقيد سامر حداد") or in brackets ("الشاب (سامر حداد)").
    private static readonly ArabicLexicon<bool> Titles = new(new Dictionary<string, bool>
    {
        ["العقيد"] = true, ["العميد"] = true, ["اللواء"] = true, ["الرائد"] = true, ["النقيب"] = true, ["الملازم"] = true, ["الملازم أول"] = true, ["المساعد"] = true, ["الرقيب"] = true,
        ["الشيخ"] = true, ["الدكتور"] = true, ["المحامي"] = true, ["الناشط"] = true, ["الناشطة"] = true, ["الصحفي"] = true, ["الصحفية"] = true, ["القيادي"] = true,
        ["الشاب"] = false, ["الشابة"] = false, ["الطفل"] = false, ["الطفلة"] = false, ["المواطن"] = false, ["المواطنة"] = false, ["السيدة"] = false, ["الرجل"] = false, ["المسن"] = false,
    });

    private static readonly ArabicLexicon<PersonStatus> Statuses = new(new Dictionary<string, PersonStatus>
    {
        ["مقتل"] = PersonStatus.Killed, ["قتل"] = PersonStatus.Killed, ["مقتله"] = PersonStatus.Killed, ["مقتلها"] = PersonStatus.Killed, ["استشهاد"] = PersonStatus.Killed, ["استشهد"] = PersonStatus.Killed,
        ["اغتيال"] = PersonStatus.Killed, ["اغتيل"] = PersonStatus.Killed, ["مصرع"] = PersonStatus.Killed, ["لقي حتفه"] = PersonStatus.Killed, ["جثة"] = PersonStatus.Killed, ["جثمان"] = PersonStatus.Killed,
        ["تحت التعذيب"] = PersonStatus.Killed, ["إعدام"] = PersonStatus.Killed, ["أعدم"] = PersonStatus.Killed,
        ["إصابة"] = PersonStatus.Injured, ["أصيب"] = PersonStatus.Injured, ["إصابته"] = PersonStatus.Injured, ["إصابتها"] = PersonStatus.Injured, ["جرح"] = PersonStatus.Injured,
        ["اعتقال"] = PersonStatus.Detained, ["اعتقل"] = PersonStatus.Detained, ["اعتقلت"] = PersonStatus.Detained, ["اعتقاله"] = PersonStatus.Detained, ["اعتقالها"] = PersonStatus.Detained,
        ["احتجاز"] = PersonStatus.Detained, ["احتجزت"] = PersonStatus.Detained, ["توقيف"] = PersonStatus.Detained, ["أوقفت"] = PersonStatus.Detained, ["سوقه"] = PersonStatus.Detained,
        ["اختطاف"] = PersonStatus.Abducted, ["خطف"] = PersonStatus.Abducted, ["اختطف"] = PersonStatus.Abducted, ["اختطفت"] = PersonStatus.Abducted, ["اختطافه"] = PersonStatus.Abducted, ["اختطافها"] = PersonStatus.Abducted,
        ["فقدان"] = PersonStatus.Missing, ["مفقود"] = PersonStatus.Missing, ["مفقودا"] = PersonStatus.Missing, ["مجهول المصير"] = PersonStatus.Missing, ["انقطاع الاتصال"] = PersonStatus.Missing, ["اختفاء"] = PersonStatus.Missing,
        ["الإفراج"] = PersonStatus.Released, ["أفرجت"] = PersonStatus.Released, ["أفرج"] = PersonStatus.Released, ["إطلاق سراح"] = PersonStatus.Released, ["أطلق سراح"] = PersonStatus.Released,
    });

    // Words that end a name: prepositions, relatives and the words that usually follow one ("المدعو سامر من أبناء …").
    private static readonly HashSet<string> Stops = [.. new[]
    {
        "من", "في", "على", "عن", "الى", "إلى", "مع", "بعد", "قبل", "الذي", "التي", "وهو", "وهي", "وذلك", "عند", "خلال", "اثر", "إثر", "جراء", "بسبب", "حيث", "ضمن", "قرب", "بالقرب", "برصاص", "بعمر", "عمره", "يبلغ", "البالغ", "ابن", "بن",
    }.Select(w => ArabicLetters.Normalize(w))];

    public static List<Person> Find(ArabicToken[] tokens, string text, List<(int First, int End)> sentences, Func<int, Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(ids);
        var persons = new List<Person>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (first, end) in sentences)
        {
            for (var i = first; i < end; i++)
            {
                var (named, start) = NameAt(tokens, text, i, end);
                if (named <= 0)
                {
                    continue;
                }

                var (nameFirst, nameEnd) = (start, start + named);
                var status = StatusNear(tokens, first, end, nameFirst);
                var name = text[tokens[nameFirst].Start..tokens[nameEnd - 1].End];
                if (status is { } s && seen.Add(ArabicLetters.Normalize(name) + "|" + s))
                {
                    persons.Add(new Person
                    {
                        Id = ids(persons.Count),
                        Name = name,
                        ArabicName = name,
                        Status = s.Status,
                        Evidence = new Evidence(new Dictionary<string, TextSpan>(StringComparer.Ordinal)
                        {
                            ["name"] = new(tokens[nameFirst].Start, tokens[nameEnd - 1].End),
                            ["status"] = new(tokens[s.At].Start, tokens[s.At].End),
                        }),
                    });
                }

                i = nameEnd - 1;
            }
        }

        return persons;
    }

    // (number of name tokens, first name token) for a name introduced at token i; (0, i) if none.
    private static (int Length, int Start) NameAt(ArabicToken[] tokens, string text, int i, int end)
    {
        var (strong, tl) = Titles.Match(tokens, i, end);
        var (_, il) = Introducers.Match(tokens, i, end);
        if (il > 0)
        {
            return (NameWords(tokens, i + il, end, 1), i + il);
        }

        if (tl == 0)
        {
            return (0, i);
        }

        var k = i + tl;
        // "الشاب (سامر حداد)"، "الملازم “سامر حداد”": a bracketed or quoted name after any title.
        if (k < end && tokens[k].IsPunctuation && tokens[k].Norm is "(" or "\"" or "“" or "«")
        {
            var n = NameWords(tokens, k + 1, end, 2);
            return n > 0 && k + 1 + n < end && tokens[k + 1 + n].IsPunctuation ? (n, k + 1) : (0, i);
        }

        // The tokenizer drops quotes: a quoted name is told by the quote marks between the words.
        if (k < end && Quoted(text, tokens, k))
        {
            var n = 0;
            while (k + n < end && n < 4 && tokens[k + n].IsWord && (n == 0 || !Quoted(text, tokens, k + n)))
            {
                n++;
            }

            return n >= 2 && k + n < end && Quoted(text, tokens, k + n) ? (n, k) : (0, i);
        }

        // A rank takes a name directly; a bare description ("الشاب") does not.
        return strong ? (NameWords(tokens, k, end, 2), k) : (0, i);
    }

    // Up to four name words from k: letters only, no article on the first, no stop word; at least `least` of them.
    private static int NameWords(ArabicToken[] tokens, int k, int end, int least)
    {
        var n = 0;
        while (k + n < end && n < 4 && tokens[k + n].IsWord && !Stops.Contains(tokens[k + n].Norm) && !(n == 0 && tokens[k + n].Norm.StartsWith("ال", StringComparison.Ordinal))
            && tokens[k + n].Norm.Length > 1 && Statuses.Match(tokens, k + n, end).Length == 0 && (n == 0 || !tokens[k + n].HasConjunction || tokens[k + n].Norm.Length <= 3))
        {
            n++;
        }

        // "ع.م": initials are punctuation-split single letters and never reach here; a single letter word is no name.
        return n >= least ? n : 0;
    }

    private static bool Quoted(string text, ArabicToken[] tokens, int k) =>
        k > 0 && text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).IndexOfAny("\"«»“”") >= 0;

    private static (PersonStatus Status, int At)? StatusNear(ArabicToken[] tokens, int first, int end, int at)
    {
        (PersonStatus Status, int At)? best = null;
        for (var i = first; i < end; i++)
        {
            var (status, length) = Statuses.Match(tokens, i, end);
            if (length > 0 && (best is null || Math.Abs(i - at) < Math.Abs(best.Value.At - at)))
            {
                best = (status, i);
            }
        }

        return best;
    }
}

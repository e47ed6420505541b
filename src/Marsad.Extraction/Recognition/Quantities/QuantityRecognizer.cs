using Marsad.Domain.Common;
using Names = Marsad.Domain.Common.Quantities.Names;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Quantities;

/// <summary>
/// Finds counts in one sentence and names them: "killing 3 QSD fighters" (fatalities), "the arrest of 52 people"
/// (arrested), "240 trucks" (vehicles), "nearly 60 ISIS prisoners", "dozens of civilians", "has not exceeded ten"
/// (a ceiling on the last thing counted), and the coder's closing totals (a bare "N fatalities.", an unknown toll
/// "coded as" N, none reported, casualties unknown).
/// </summary>
public static class QuantityRecognizer
{
    private static readonly WordSet Skippable = new("of", "the", "a", "an", "at", "least", "about", "around", "nearly", "almost", "approximately", "some", "more", "than", "over", "up", "to", "total", "another", "other", "further", "additional", "all", "his", "their", "its");
    private static readonly WordSet RangeStarts = new("between", "either");
    private static readonly WordSet RangeJoins = new("and", "or", "to");
    private static readonly WordSet Possessives = new("his", "her");
    private static readonly WordSet ActiveObjects = new("a", "an", "the", "his", "her", "their", "two", "three", "four", "five", "several");
    private static readonly WordSet Pronouns = new("him", "her");
    private static readonly WordSet OfGroupWords = new("the", "'s", "regime", "pro", "its", "their");
    // A group named in lower case: "members of the local security forces", "of Kurdish armed factions".
    private static readonly WordSet GroupWords = new("forces", "factions", "faction", "militias", "militia", "groups", "group", "army", "units", "unit", "brigades", "brigade",
        "battalions", "battalion", "police", "guards", "local", "armed", "security", "military", "opposition", "government", "allied", "affiliated", "popular", "rebel", "loyalist");
    private static readonly WordSet BareCountEnds = new("and", "others", "other", "people", "while", "as");
    private static readonly WordSet GroupOwners = new("his", "her", "their", "its");
    private static readonly WordSet NoneWords = new("no", "neither", "nor", "without");
    private static readonly WordSet DeathNouns = new("fatalities", "fatality", "casualties", "deaths", "losses", "killed", "dead", "killings");
    private static readonly WordSet NotUnitNouns = new("of", "months", "years", "days", "weeks", "hours", "km", "kilometres", "kilometers", "meters", "metres", "times");
    private static readonly WordSet AuxiliaryWords = new("were", "was", "have", "had", "been", "reportedly", "also", "later", "all", "being", "got", "are", "shot");
    private static readonly WordSet ApproximateWords = new("about", "around", "approximately", "roughly", "over", "some");

    // Every word a count, a ceiling or a coded total can start with; any other word is passed over with one bit test.
    private static readonly WordSet Starters = new(NumberWords.CardinalWords.Concat(QuantityWords.Vague.Keys).Concat(
        ["coded", "casualties", "fatalities", "him", "her", "his", "between", "either", "no", "neither", "nor", "without", "not", "never", "nearly", "almost", "at", "more", "less", "fewer", "up", "about", "around", "approximately", "roughly", "over", "some", "a", "an"]));

    public static List<QuantityMention> Find(TokenView view, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(view);
        var found = new List<QuantityMention>();
        for (var i = from; i < to;)
        {
            if (view.Tokens[i].Kind != TokenKind.Number && !view.IsAny(i, Starters))
            {
                i++;
                continue;
            }

            var consumed = TryCoded(view, i, from, to, found);
            if (consumed == 0)
            {
                consumed = TryCeiling(view, i, to, found);
            }

            if (consumed == 0)
            {
                consumed = TryCount(view, i, from, to, found);
            }

            i += Math.Max(1, consumed);
        }

        return found;
    }

    // The coder's closing totals: an unknown toll "coded as" N, a total "coded to" N, no fatalities reported,
    // neither injuries nor deaths reported, casualties unknown.
    private static int TryCoded(TokenView v, int i, int from, int to, List<QuantityMention> found)
    {
        var t = v.Tokens;
        if (v.Is(i, "coded") && v.IsAny(i + 1, ["as", "to", "at"]) && i + 2 < to && NumberWords.TryCardinal(v.Text, t, i + 2, out var n, out var len)
            && (Near(v, i, from, 5, "fatalities") || Near(v, i, from, 5, "fatality") || v.IsAny(i + 2 + len, ["fatalities", "fatality"])))
        {
            found.Add(new QuantityMention(t[i].Start, t[i + 1 + len].End, Names.Fatalities, Quantity.Exactly(n, v.Slice(i, i + 2 + len)), true, i));
            return 2 + len;
        }

        if (v.IsAny(i, ["casualties", "fatalities"]) && v.Is(i + 1, "unknown"))
        {
            found.Add(new QuantityMention(t[i].Start, t[i + 1].End, Names.Fatalities, Quantity.Exactly(0, v.Slice(i, i + 2)), true, i));
            return 2;
        }

        if (v.IsAny(i, NoneWords) || (v.Is(i, "not") && v.Is(i + 1, "any")))
        {
            for (var k = i + 1; k < to && k <= i + 6 && t[k].Kind != TokenKind.Punctuation; k++)
            {
                if (v.IsAny(k, DeathNouns) && !v.IsAny(k - 1, ["unknown"]))
                {
                    found.Add(new QuantityMention(t[i].Start, t[k].End, Names.Fatalities, Quantity.Exactly(0, v.Slice(i, k + 1)), true, i));
                    return k - i + 1;
                }

                if (v.IsAny(k, ["was", "were", "is", "are"]) && !v.IsAny(k + 1, ["killed"]))
                {
                    break;
                }
            }
        }

        return 0;
    }

    // "has not exceeded ten", "did not exceed 10", "no more than five": a ceiling on the last thing the sentence counted.
    private static int TryCeiling(TokenView v, int i, int to, List<QuantityMention> found)
    {
        var t = v.Tokens;
        int numberAt;
        if (v.IsAny(i, ["not", "never"]) && v.IsAny(i + 1, ["exceeded", "exceed", "exceeding"]))
        {
            numberAt = i + 2;
        }
        else if (v.IsSequence(i, ["no", "more", "than"]) || v.IsSequence(i, ["not", "more", "than"]))
        {
            numberAt = i + 3;
        }
        else
        {
            return 0;
        }

        if (numberAt >= to || !NumberWords.TryCardinal(v.Text, t, numberAt, out var n, out var len))
        {
            return 0;
        }

        var name = NounAfter(v, numberAt + len, to, out _);
        if (name is null)
        {
            for (var k = i - 1; k >= 0 && k > i - 12; k--)
            {
                if (QuantityWords.NounLookup.TryGetValue(v[k], out var noun) && noun != "person")
                {
                    name = noun;
                    break;
                }
            }
        }

        if (name is null or "person")
        {
            return 0;
        }

        found.Add(new QuantityMention(t[i].Start, t[numberAt + len - 1].End, name, Quantity.AtMost(n, v.Slice(i, numberAt + len)), false, i));
        return numberAt + len - i;
    }

    private static int TryCount(TokenView v, int i, int from, int to, List<QuantityMention> found)
    {
        var t = v.Tokens;
        if (v.IsAny(i, Pronouns) && i > from && !found.Exists(f => f.Name == Names.Fatalities) && ((QuantityWords.BeforeLookup.TryGetValue(v[i - 1], out var killed) && killed == Names.Fatalities) || (v.Is(i - 1, "shot") && v.Is(i + 1, "dead"))))
        {
            found.Add(new QuantityMention(t[i - 1].Start, t[i].End, Names.Fatalities, Quantity.Exactly(1, v.Slice(i - 1, i + 1)), false, i));
            return 1;
        }

        if (!ReadAmount(v, i, to, out var low, out var best, out var high, out var amountEnd, out var needsVerb))
        {
            return 0;
        }

        var name = NounAfter(v, amountEnd, to, out var nounAt);
        if (nounAt < 0)
        {
            // "killing 4 and wounding 3 others": a bare count right after the verb counts persons.
            var bare = amountEnd >= to || v.IsAny(amountEnd, BareCountEnds) || v.IsPunct(amountEnd, ',') || v.IsPunct(amountEnd, '.');
            var harmedBefore = QuantityWords.BeforeLookup.TryGetValue(v[i - 1], out var harm) && harm is "fatalities" or "injured";
            if (!bare || !harmedBefore)
            {
                return amountEnd - i;
            }

            name = "person";
            nounAt = amountEnd - 1;
        }

        var verb = VerbBefore(v, i, from) ?? VerbAfter(v, nounAt + 1, to) ?? (name == "person" ? FoundDead(v, nounAt + 1, to) : null);
        if (name == "person" || (name is "prisoners" && verb is "prisoners"))
        {
            name = verb;
        }
        else if (name == "casualties" && verb is "fatalities")
        {
            name = "casualties";
        }

        // "killed an officer and his 5 escorts": a count coordinated with the previous one is counted the same way.
        if (verb is null && name is "person" or null && Coordinated(v, i, found) is { } previous)
        {
            verb = previous;
            name ??= previous;
            if (name == "person")
            {
                name = previous;
            }
        }

        if (name is null || (needsVerb && verb is null))
        {
            return nounAt - i + 1;
        }

        // "1 fatality." / "Total 3 fatalities" opening a sentence is ACLED's coded total.
        var coded = name == Names.Fatalities && v.IsAny(nounAt, ["fatalities", "fatality"]) && (i - from <= 1);
        var quantity = new Quantity(low, best, high, v.Slice(Math.Max(from, StartOfVerb(v, i, from)), nounAt + 1));
        found.Add(new QuantityMention(t[i].Start, t[nounAt].End, name, quantity, coded, i));
        return nounAt - i + 1;
    }

    private static bool ReadAmount(TokenView v, int i, int to, out int? low, out int? best, out int? high, out int end, out bool needsVerb)
    {
        low = best = high = null;
        end = i;
        needsVerb = false;
        var t = v.Tokens;
        var kind = 0; // 0 exact, 1 at least, 2 nearly (ceiling), 3 up to
        var k = i;

        // "between 15 and 17", "either 2 or 3": the smaller is the conservative count, the larger the ceiling.
        if (v.IsAny(k, RangeStarts) && NumberWords.TryCardinal(v.Text, t, k + 1, out var from1, out var len1) && v.IsAny(k + 1 + len1, RangeJoins)
            && NumberWords.TryCardinal(v.Text, t, k + 2 + len1, out var to1, out var len2) && to1 >= from1)
        {
            (low, best, high, end) = (from1, from1, to1, k + 2 + len1 + len2);
            return true;
        }

        if (v.IsAny(k, ["nearly", "almost"]))
        {
            kind = 2;
            k++;
        }
        else if (v.IsSequence(k, ["at", "least"]) || v.IsSequence(k, ["more", "than"]))
        {
            kind = 1;
            k += 2;
        }
        else if (v.IsSequence(k, ["no", "less", "than"]) || v.IsSequence(k, ["not", "less", "than"]))
        {
            kind = 1;
            k += 3;
        }
        else if (v.IsAny(k, ApproximateWords) && k + 1 < to && t[k + 1].Kind == TokenKind.Number)
        {
            kind = 1;
            k++;
        }
        else if (v.IsSequence(k, ["up", "to"]) || v.IsSequence(k, ["less", "than"]) || v.IsSequence(k, ["fewer", "than"]))
        {
            kind = 3;
            k += 2;
        }

        if (k >= to)
        {
            return false;
        }

        int n;
        if (t[k].Kind == TokenKind.Number && !IsDateNumber(v, k))
        {
            if (!NumberWords.TryCardinal(v.Text, t, k, out n, out var len))
            {
                return false;
            }

            end = k + len;
        }
        else if (t[k].IsWord && NumberWords.TryCardinal(v.Text, t, k, out n, out var wordLen))
        {
            end = k + wordLen;
        }
        else if (t[k].IsWord && QuantityWords.VagueLookup.TryGetValue(v[k], out n) && kind == 0)
        {
            // "a few" is 2 only with its article; "some" and "many" count only before a counted noun.
            end = k + 1;
            if (v.Is(end, "of"))
            {
                end++;
            }
        }
        else if (v.IsAny(k, Possessives) && kind == 0 && k + 1 < to && t[k + 1].IsWord && !NumberWords.TryCardinal(v.Text, t, k + 1, out _, out _))
        {
            // "and his escort": one person, counted only with a verb or a count it is coordinated with.
            n = 1;
            end = k + 1;
            needsVerb = true;
        }
        else if (v.IsSequence(k, ["a", "number", "of"]) && kind == 0)
        {
            n = 3;
            end = k + 3;
        }
        else if (v.IsAny(k, ["a", "an"]) && kind == 0)
        {
            n = 1;
            end = k + 1;
            needsVerb = true;
            if (v.IsAny(end, ["few"]))
            {
                n = 2;
                end++;
                needsVerb = false;
            }
        }
        else
        {
            return false;
        }

        (low, best, high) = kind switch
        {
            1 => ((int?)n, (int?)n, (int?)null),
            2 => (null, n, n),
            3 => (null, null, n),
            _ => (n, n, n),
        };
        return true;
    }

    // A number next to a month name is a day or a year, not a count.
    private static bool IsDateNumber(TokenView v, int k) =>
        (v.IsCapitalised(k - 1) && Dates.CalendarWordsAccess.IsMonth(v[k - 1])) || (v.IsCapitalised(k + 1) && Dates.CalendarWordsAccess.IsMonth(v[k + 1]))
        || (v.Tokens[k].Length == 4 && v.Tokens[k].Number is >= 1900 and <= 2100)
        || char.IsAsciiLetter(v.Text[v.Tokens[k].End - 1]);

    // The counted noun: the head within a few words ("3 QSD fighters", "26 opposition and Islamist fighters").
    private static string? NounAfter(TokenView v, int from, int to, out int nounAt)
    {
        nounAt = -1;
        for (var k = from; k < to && k < from + 7; k++)
        {
            // "one of the dead" is part of a group already counted; "76 months of operations" counts months.
            // "2 of them": the pronoun stands for the persons counted.
            if (k == from && v.Is(k, "of") && v.Is(k + 1, "them"))
            {
                nounAt = k + 1;
                return "person";
            }

            // "three of his escorts were killed": a count out of a group of persons counts those persons.
            if (k == from && v.Is(k, "of") && v.IsAny(k + 1, GroupOwners) && QuantityWords.NounLookup.TryGetValue(v[k + 2], out var member) && member == "person")
            {
                nounAt = k + 2;
                return "person";
            }

            // "a regime 4th Division officer": an ordinal inside a unit name is part of the noun phrase.
            if (v.Tokens[k].Kind == TokenKind.Number && char.IsAsciiLetter(v.Text[v.Tokens[k].End - 1]))
            {
                continue;
            }

            if (v.Tokens[k].Kind != TokenKind.Word || v.IsAny(k, NotUnitNouns))
            {
                return null;
            }

            if (QuantityWords.NounLookup.TryGetValue(v[k], out var name))
            {
                // "240 trucks and vehicles": take the last head of a short coordination.
                if (v.Is(k + 1, "and") && QuantityWords.NounLookup.TryGetValue(v[k + 2], out var second) && second == name)
                {
                    k += 2;
                }

                nounAt = k;
                return name;
            }

            if (k > from && QuantityWords.AfterLookup.TryGetValue(v[k], out _))
            {
                return null;
            }
        }

        return null;
    }

    // "a man whose body was found in a field", "two youths found dead near X": a person found dead was killed.
    private static string? FoundDead(TokenView v, int from, int to)
    {
        var body = false;
        for (var k = from; k < to && k < from + 10 && !v.IsPunct(k, '.') && !v.IsPunct(k, ';'); k++)
        {
            body |= v.IsAny(k, ["body", "bodies", "corpse", "corpses"]);
            if (v.Is(k, "found") && (body || v.IsAny(k + 1, ["dead", "killed", "lifeless"])))
            {
                return Names.Fatalities;
            }
        }

        return null;
    }

    private static string? Coordinated(TokenView v, int i, List<QuantityMention> found)
    {
        var and = v.IsAny(i - 1, Possessives) ? i - 2 : i - 1;
        if (found.Count == 0 || !v.Is(and, "and") || found[^1].Name is not (Names.Fatalities or Names.Injured or Names.Arrested or Names.Abducted))
        {
            return null;
        }

        return v.TokenAt(found[^1].End) == and ? found[^1].Name : null;
    }

    private static string? VerbBefore(TokenView v, int i, int from)
    {
        var names = new List<string>(2);
        for (var k = i - 1; k >= from && k >= i - 5; k--)
        {
            if (QuantityWords.BeforeLookup.TryGetValue(v[k], out var name))
            {
                names.Add(name);
                if (v.Is(k - 1, "and") && QuantityWords.BeforeLookup.TryGetValue(v[k - 2], out var first) && first != name)
                {
                    names.Add(first);
                }

                break;
            }

            if (!v.IsAny(k, Skippable) && v.Tokens[k].Kind != TokenKind.Number)
            {
                break;
            }
        }

        return Combine(names);
    }

    private static string? VerbAfter(TokenView v, int from, int to)
    {
        var limit = from + 4;
        for (var k = from; k < to && k < limit; k++)
        {
            if (QuantityWords.AfterLookup.TryGetValue(v[k], out var name))
            {
                // "a regime sniper killed a rebel": the counted person did the killing.
                return k == from && (v.IsAny(k + 1, ActiveObjects) || (k + 1 < v.Count && v.Tokens[k + 1].Kind == TokenKind.Number)) ? null : name;
            }

            // "Three civilians, including two women, were killed": the sub-count between commas stands between count and verb.
            if (v.IsPunct(k, ',') && v.Is(k + 1, "including"))
            {
                var j = k + 2;
                while (j < to && j < k + 12 && !v.IsPunct(j, ','))
                {
                    j++;
                }

                if (j >= to || !v.IsPunct(j, ','))
                {
                    return null;
                }

                limit = j + 5;
                k = j;
                continue;
            }

            // "5 members of the Quds Brigade were killed": the group they belong to stands between count and verb.
            if (k == from && v.Is(k, "of"))
            {
                var j = k + 1;
                while (j < to && j < k + 7 && (v.IsCapitalised(j) || v.IsAny(j, OfGroupWords) || v.IsAny(j, GroupWords) || (v.Tokens[j].IsWord && v.IsAny(j + 1, GroupWords)) || v.Tokens[j].Kind == TokenKind.Number || IsQuote(v, j)))
                {
                    j++;
                }

                limit = j + 4;
                k = j - 1;
                continue;
            }

            if (!v.IsAny(k, AuxiliaryWords))
            {
                return null;
            }
        }

        return null;
    }

    // A quoted unit name ("the “National Defence” Forces") keeps its quotation marks between count and verb.
    private static bool IsQuote(TokenView v, int k) =>
        v.Tokens[k].Kind == TokenKind.Punctuation && v.Text[v.Tokens[k].Start] is '"' or '“' or '”' or '\'' or '‘' or '’';

    private static string? Combine(List<string> names) => names.Count switch
    {
        0 => null,
        1 => names[0],
        _ when names.Contains("fatalities") && names.Contains("injured") => "casualties",
        _ when names.Contains("fatalities") && names.Contains("arrested") => "arrested_or_killed",
        _ => names[0],
    };

    private static int StartOfVerb(TokenView v, int i, int from)
    {
        for (var k = i - 1; k >= from && k >= i - 5; k--)
        {
            if (QuantityWords.BeforeLookup.TryGetValue(v[k], out _))
            {
                return v.Is(k - 1, "and") && k - 2 >= from && QuantityWords.BeforeLookup.TryGetValue(v[k - 2], out _) ? k - 2 : k;
            }

            if (!v.IsAny(k, Skippable))
            {
                break;
            }
        }

        return i;
    }

    private static bool Near(TokenView v, int i, int from, int window, string word)
    {
        for (var k = i - 1; k >= from && k >= i - window; k--)
        {
            if (v.Is(k, word))
            {
                return true;
            }
        }

        return false;
    }
}

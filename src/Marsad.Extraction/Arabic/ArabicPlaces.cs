namespace Marsad.Extraction.Arabic;

/// <summary>A place named at tokens [First, End): the name as written (without attached prefixes), whether it is a region, and whether the text uses it only as a reference point.</summary>
public sealed record ArabicPlace(int First, int End, string Name, bool IsRegion, bool IsReference)
{
    /// <summary>True for a site named by its kind ("طريق المجبل"، "حاجز"), not a settlement.</summary>
    public bool IsSite { get; init; }
}

/// <summary>
/// Finds place names in an Arabic clause: names after a marker ("قرية"، "بلدات"، "محور"), each item of the lists
/// that follow ("قرى البارة وفليفل والفطيرة": three places), sites named with their kind ("حقل عودة النفطي"), names
/// the gazetteer knows, and regions ("بريف إدلب الجنوبي"، "ريفي حلب الغربي والجنوبي": two). A name after a
/// direction ("غرب أبو الظهور") or "بالقرب من" is a reference point, not a site.
/// </summary>
public static class ArabicPlaces
{
    private const int MaxNameWords = 2;

    /// <param name="tokens">The document's tokens.</param>
    /// <param name="from">First token of the clause.</param>
    /// <param name="to">End token of the clause.</param>
    /// <param name="text">The original text, for names as written.</param>
    /// <param name="known">Token ranges the gazetteer recognised as place names.</param>
    /// <param name="excluded">Tokens already taken by actors, dates or triggers.</param>
    public static List<ArabicPlace> Find(IReadOnlyList<ArabicToken> tokens, int from, int to, string text, IReadOnlyList<(int First, int End)> known, bool[] excluded)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(excluded);
        var found = new List<ArabicPlace>();
        var i = from;
        while (i < to)
        {
            var t = tokens[i];
            if (ArabicPlaceWords.In(ArabicPlaceWords.RegionWords, t))
            {
                i = Region(tokens, i, to, text, found);
                continue;
            }

            var site = ArabicPlaceWords.In(ArabicPlaceWords.SiteWords, t);
            var knownAt = known.FirstOrDefault(k => k.First == i && Locative(tokens, i, from));
            if (!excluded[i] && (ArabicPlaceWords.In(ArabicPlaceWords.Markers, t) || site || knownAt != default))
            {
                // "قرى A وB في جبل الزاوية", "حي المطار بمدينة درعا": the area named right after places contains them.
                // But a site in a settlement ("على طريق المجبل في بلدة محجة") is coded at the settlement.
                var within = found.Count > 0 && !found[^1].IsReference && !found[^1].IsRegion && i >= 1 && i - found[^1].End <= 6
                             && (tokens[i - 1].Norm is "في" or "ضمن" || (t.Norm[0] == 'ب' && t.Forms.Count > 1 && i - found[^1].End <= 1));
                if (within && found[^1].IsSite && ArabicPlaceWords.In(ArabicPlaceWords.Settlements, t))
                {
                    found[^1] = found[^1] with { IsReference = true };
                    within = false;
                }

                var reference = within || IsReference(tokens, i, from);
                i = Math.Max(i + 1, List(tokens, site || knownAt != default ? i : i + 1, to, text, known, excluded, reference, found));
                continue;
            }

            i++;
        }

        return found;
    }

    // A list of names: the first after the marker, then each "و"-joined item, skipping markers inside ("ومحيط كنصفرة").
    private static int List(IReadOnlyList<ArabicToken> tokens, int i, int to, string text, IReadOnlyList<(int First, int End)> known, bool[] excluded, bool reference, List<ArabicPlace> found)
    {
        var first = true;
        while (i < to)
        {
            var start = i;
            var withSite = false;
            if (!first)
            {
                if (!tokens[i].HasConjunction)
                {
                    break;
                }
            }

            // "وقرية البرسة", "ومحيط كنصفرة": a marker heading an item.
            if (ArabicPlaceWords.In(ArabicPlaceWords.Markers, tokens[i]) && i + 1 < to)
            {
                start = ++i;
            }
            else if (ArabicPlaceWords.In(ArabicPlaceWords.SiteWords, tokens[i]))
            {
                withSite = true;
            }

            var end = NameEnd(tokens, start, to, known, excluded, withSite);
            if (end == start)
            {
                break;
            }

            var name = Name(tokens, start, end, text);
            // A kind of site alone ("استهداف حاجز") names no place.
            if (name.Length > 1 && !(withSite && end - start == 1))
            {
                found.Add(new ArabicPlace(start, end, name, false, reference) { IsSite = withSite });
            }

            first = false;
            i = end;
            if (i < to && tokens[i].Norm is "،" or ",")
            {
                // "قرى A، B وC": a comma continues the list when a name follows.
                if (i + 1 < to && tokens[i + 1].IsWord && !Ends(tokens[i + 1]) && !tokens[i + 1].HasConjunction && IsKnown(known, i + 1))
                {
                    i++;
                    first = true;
                    continue;
                }

                break;
            }
        }

        return i;
    }

    // A name runs over words that end nothing, up to three; a following adjective ("الشرقي") belongs to it.
    private static int NameEnd(IReadOnlyList<ArabicToken> tokens, int start, int to, IReadOnlyList<(int First, int End)> known, bool[] excluded, bool withSite)
    {
        var knownAt = known.FirstOrDefault(k => k.First == start);
        if (knownAt != default && knownAt.End <= to)
        {
            return WithAdjective(tokens, knownAt.End, to);
        }

        var end = start;
        while (end < to && end - start < MaxNameWords + (withSite ? 1 : 0))
        {
            var t = tokens[end];
            if (!t.IsWord || Ends(t) || excluded[end] || (end > start && t.HasConjunction) || (end > start && ArabicPlaceWords.In(ArabicPlaceWords.NameAdjectives, t)))
            {
                break;
            }

            end++;
        }

        return end == start ? start : WithAdjective(tokens, end, to);
    }

    private static int WithAdjective(IReadOnlyList<ArabicToken> tokens, int end, int to) =>
        end < to && ArabicPlaceWords.In(ArabicPlaceWords.NameAdjectives, tokens[end]) ? end + 1 : end;

    private static bool Ends(ArabicToken t) =>
        ArabicPlaceWords.In(ArabicPlaceWords.Stops, t) || ArabicPlaceWords.In(ArabicPlaceWords.Markers, t) || LooksLikeVerbOrDative(t) || ArabicPlaceWords.In(ArabicPlaceWords.Directions, t) || ArabicPlaceWords.In(ArabicPlaceWords.RegionWords, t)
        || ArabicTriggers.Lexicon.IsWord([t], 0) || ArabicActors.Lexicon.IsWord([t], 0) || ArabicNumbers.TryWord(t, out _);

    // Inside a name, "يتواجد"/"تملك" (an imperfect verb) or "لعناصر" (a dative) begins what is said about the place.
    // So does a participle with the article ("والمتمثلة"، "المتواجد").
    private static bool LooksLikeVerbOrDative(ArabicToken t) =>
        t.Norm.Length >= 4 && (t.Norm[0] is 'ي' || (t.Norm[0] == 'ل' && !t.Norm.StartsWith("ال", StringComparison.Ordinal))
                               || t.WithoutConjunction.StartsWith("المت", StringComparison.Ordinal) || t.WithoutConjunction.StartsWith("المست", StringComparison.Ordinal));

    private static bool IsKnown(IReadOnlyList<(int First, int End)> known, int i) => known.Any(k => k.First == i);

    // A gazetteer name counts as a place where the text puts one: after "في"، "على"، "إلى" or with a ب/و attached.
    private static bool Locative(IReadOnlyList<ArabicToken> tokens, int i, int from) =>
        (tokens[i].Forms.Count > 1 && tokens[i].Norm[0] is 'ب' or 'و')
        || (i > from && tokens[i - 1].Norm is "في" or "علي" or "الي" or "نحو" or "باتجاه" or "قرب" or "عند" or "ضمن" or "داخل" or "من");

    // A direction word, "بالقرب من" or "المتمركزة في" just before: the name locates something else.
    private static bool IsReference(IReadOnlyList<ArabicToken> tokens, int i, int from)
    {
        for (var j = i - 1; j >= from && j >= i - 3; j--)
        {
            var t = tokens[j];
            if (ArabicPlaceWords.In(ArabicPlaceWords.Directions, t) || t.WithoutConjunction is "المتمركزه" or "المتمركزين" or "انطلاقا" or "قادمه")
            {
                return true;
            }

            if (!(t.Norm is "من" or "في" or "مدينه" or "قريه" or "بلده") && !ArabicPlaceWords.In(ArabicPlaceWords.Markers, t) && !ArabicPlaceWords.In(ArabicPlaceWords.Directions, t))
            {
                return false;
            }
        }

        return false;
    }

    // "بريف إدلب الجنوبي" → "ريف إدلب الجنوبي"; "بريفي حلب الغربي والجنوبي" → "ريف حلب الغربي", "ريف حلب الجنوبي"; "محافظتي حلب والحسكة" → two.
    private static int Region(IReadOnlyList<ArabicToken> tokens, int i, int to, string text, List<ArabicPlace> found)
    {
        var word = tokens[i].Forms.Contains("محافظتي") || tokens[i].Forms.Contains("محافظه") ? "محافظة" : "ريف";
        var dual = tokens[i].Forms.Contains("ريفي") || tokens[i].Forms.Contains("محافظتي");
        var j = i + 1;
        // "الريف الجنوبي لمحافظة إدلب": the direction comes first.
        string? direction = null;
        if (j < to && ArabicPlaceWords.In(ArabicPlaceWords.NameAdjectives, tokens[j]))
        {
            direction = Name(tokens, j, j + 1, text);
            j++;
            if (j < to && ArabicPlaceWords.In(ArabicPlaceWords.RegionWords, tokens[j]))
            {
                j++;
            }
        }

        if (j >= to || !tokens[j].IsWord || ArabicPlaceWords.In(ArabicPlaceWords.Stops, tokens[j]))
        {
            return i + 1;
        }

        var areaEnd = j + 1;
        // Two-word areas: "دير الزور", "تل تمر", "رأس العين".
        if (areaEnd < to && tokens[areaEnd].IsWord && !tokens[areaEnd].HasConjunction && !ArabicPlaceWords.In(ArabicPlaceWords.NameAdjectives, tokens[areaEnd]) && !Ends(tokens[areaEnd])
            && tokens[j].Norm is "دير" or "تل" or "راس" or "جبل" or "جسر" or "معره" or "خان" or "عين" or "ابو" or "ام")
        {
            areaEnd++;
        }

        var area = Name(tokens, j, areaEnd, text);
        var k = areaEnd;
        var directions = new List<string>();
        if (direction is not null)
        {
            directions.Add(direction);
        }

        while (k < to && ArabicPlaceWords.In(ArabicPlaceWords.NameAdjectives, tokens[k]) && (directions.Count == 0 || (dual && tokens[k].HasConjunction)))
        {
            directions.Add(Name(tokens, k, k + 1, text));
            k++;
        }

        if (word == "محافظة" && dual && k < to && tokens[k].HasConjunction && tokens[k].IsWord)
        {
            found.Add(new ArabicPlace(i, k, $"{word} {area}", true, false));
            found.Add(new ArabicPlace(i, k + 1, $"{word} {Name(tokens, k, k + 1, text)}", true, false));
            return k + 1;
        }

        if (directions.Count == 0)
        {
            found.Add(new ArabicPlace(i, k, $"{word} {area}", true, false));
        }

        foreach (var d in directions)
        {
            found.Add(new ArabicPlace(i, k, $"{word} {area} {d}", true, false));
        }

        return k;
    }

    /// <summary>
    /// The place name written in text[start, end) (a location's evidence span) as a reader would name it: each word
    /// without the conjunction or preposition written onto it ("وبكفرنبل" → "كفرنبل"), the original spelling kept.
    /// </summary>
    public static string NameAsWritten(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = ArabicTokenizer.Tokenize(text, start, end).Where(t => t.IsWord).ToArray();
        return tokens.Length == 0 ? text[start..end].Trim() : Name(tokens, 0, tokens.Length, text);
    }

    // The name as written, each word without its attached conjunction or preposition (the article stays: "الفطيرة").
    private static string Name(IReadOnlyList<ArabicToken> tokens, int start, int end, string text)
    {
        var words = new List<string>(end - start);
        for (var k = start; k < end; k++)
        {
            var t = tokens[k];
            var raw = text[t.Start..t.End];
            words.Add(StripClitics(raw, t));
        }

        return string.Join(' ', words);
    }

    // Drop the conjunction and preposition the folded forms dropped ("والفطيرة" → "الفطيرة", "للمدينة" → "المدينة"),
    // keeping the original spelling; a ب or ل not followed by the article may be the name's own letter ("بينين").
    private static string StripClitics(string raw, ArabicToken t)
    {
        if (t.Norm.StartsWith("لل", StringComparison.Ordinal) && t.Forms.Count > 1)
        {
            return "ال" + Skip(raw, 2);
        }

        var form = t.Forms.FirstOrDefault(f => f.StartsWith("ال", StringComparison.Ordinal) && f.Length < t.Norm.Length)
                   ?? (t.HasConjunction ? t.Norm[1..] : t.Norm);
        return Skip(raw, t.Norm.Length - form.Length);
    }

    private static string Skip(string raw, int letters)
    {
        var k = 0;
        while (k < raw.Length && letters > 0)
        {
            if (!ArabicLetters.IsMark(raw[k]))
            {
                letters--;
            }

            k++;
        }

        return raw[k..];
    }
}

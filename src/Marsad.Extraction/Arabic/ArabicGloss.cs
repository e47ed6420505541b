namespace Marsad.Extraction.Arabic;

/// <summary>
/// A word-for-word English gloss of an Arabic statement, for a coder or a search that does not read Arabic: the
/// genre's words (who, what weapon, what harm, where in general terms) and every figure; other words are left out,
/// and the gloss says so with "…". It is a reading aid beside the Arabic, which stays the statement of record.
/// </summary>
public static class ArabicGloss
{
    private static readonly ArabicLexicon<string> Words = new(new Dictionary<string, string>
    {
        // People and forces.
        ["عسكري"] = "soldier", ["عسكريا"] = "soldiers", ["عسكريين"] = "soldiers", ["جندي"] = "soldier", ["جنديا"] = "soldiers", ["جنديين"] = "two soldiers", ["جنود"] = "soldiers",
        ["عنصر"] = "member", ["عنصرا"] = "members", ["عناصر"] = "members", ["عنصرين"] = "two members", ["ضابط"] = "officer", ["ضباط"] = "officers", ["قيادي"] = "commander", ["قياديا"] = "commander",
        ["مدني"] = "civilian", ["مدنيا"] = "civilians", ["مدنيين"] = "civilians", ["مدنيان"] = "two civilians", ["مواطن"] = "civilian", ["مواطنين"] = "civilians",
        ["طفل"] = "child", ["أطفال"] = "children", ["امرأة"] = "woman", ["نساء"] = "women", ["شخص"] = "person", ["شخصا"] = "people", ["أشخاص"] = "people",
        ["مقاتل"] = "fighter", ["مقاتلين"] = "fighters", ["مسلح"] = "gunman", ["مسلحين"] = "gunmen", ["إرهابي"] = "terrorist", ["إرهابيين"] = "terrorists", ["الإرهابية"] = "terrorist",
        ["القوات"] = "forces", ["قوات"] = "forces", ["الحكومية"] = "government", ["الحكومة"] = "government", ["الجيش"] = "army", ["النظام"] = "regime",
        ["العدو"] = "enemy", ["عدوان"] = "aggression attack", ["العدوان"] = "aggression attack", ["عدوانا"] = "aggression attack", ["التنظيم"] = "the organisation (ISIS)", ["داعش"] = "ISIS",
        ["الإسرائيلي"] = "Israeli", ["الإسرائيلية"] = "Israeli", ["إسرائيل"] = "Israel", ["إسرائيلي"] = "Israeli", ["السوري"] = "Syrian", ["السورية"] = "Syrian", ["سوريا"] = "Syria",
        ["التركي"] = "Turkish", ["التركية"] = "Turkish", ["تركيا"] = "Turkey", ["الروسي"] = "Russian", ["الروسية"] = "Russian", ["روسيا"] = "Russia", ["الأمريكية"] = "American", ["الأميركية"] = "American",
        ["الكردية"] = "Kurdish", ["الإيرانية"] = "Iranian", ["إيران"] = "Iran", ["قسد"] = "SDF",
        // Acts and harm.
        ["قتل"] = "killed", ["قتلوا"] = "killed", ["قتلت"] = "killed", ["يقتل"] = "kills", ["تقتل"] = "kills", ["قضى"] = "killed", ["قضوا"] = "killed", ["أسفر عن مقتل"] = "killed",
        ["قواتها"] = "its forces", ["قواته"] = "its forces", ["قواتنا"] = "our forces", ["وحداتنا"] = "our units", ["دمرت"] = "destroyed", ["تدمير"] = "destruction of", ["أصابت"] = "hit", ["مقتل"] = "killing of", ["قتيل"] = "dead", ["قتلى"] = "dead", ["استشهد"] = "killed", ["استشهاد"] = "killing of", ["مصرع"] = "death of", ["لقوا حتفهم"] = "killed", ["لقي حتفه"] = "killed",
        ["جرح"] = "wounded", ["جرحى"] = "wounded", ["إصابة"] = "wounded", ["أصيب"] = "wounded", ["أصيبوا"] = "wounded", ["بجروح"] = "wounded", ["مصابين"] = "wounded",
        ["اعتقال"] = "arrest of", ["اعتقل"] = "arrested", ["خطف"] = "abduction", ["اختطاف"] = "abduction", ["أسر"] = "capture", ["احتجز"] = "detained", ["احتجاز"] = "detention",
        ["هجوم"] = "attack", ["الهجوم"] = "the attack", ["هجمات"] = "attacks", ["استهدف"] = "targeted", ["استهدفت"] = "targeted", ["مستهدفا"] = "targeting", ["استهداف"] = "targeting",
        ["قصف"] = "shelling", ["غارة"] = "air strike", ["غارات"] = "air strikes", ["جويا"] = "air", ["جوية"] = "air", ["جوي"] = "air", ["الجوي"] = "air", ["الجوية"] = "air",
        ["صاروخ"] = "missile", ["صواريخ"] = "missiles", ["الصواريخ"] = "missiles", ["قذائف"] = "shells", ["مسيرة"] = "drone", ["مسيرات"] = "drones", ["طائرة"] = "aircraft", ["طائرات"] = "aircraft",
        ["الدفاع الجوي"] = "air defences", ["الدفاعات الجوية"] = "air defences", ["دفاعنا الجوي"] = "our air defences", ["وسائط"] = "units", ["تصدت"] = "intercepted", ["تصدى"] = "intercepted",
        ["أسقطت"] = "shot down intercepted", ["أسقط"] = "shot down", ["إسقاط"] = "downing", ["معظمها"] = "most of them", ["معظم"] = "most", ["بعض"] = "some",
        ["كمين"] = "ambush", ["حافلة"] = "bus", ["سيارة"] = "car", ["انفجار"] = "explosion", ["عبوة ناسفة"] = "IED", ["مفخخة"] = "car bomb", ["لغم"] = "landmine",
        ["نفذ"] = "carried out", ["نفذت"] = "carried out", ["شن"] = "launched", ["شنت"] = "launched", ["أدى"] = "led", ["أسفر"] = "resulted", ["خسائر"] = "losses", ["الخسائر"] = "losses", ["المادية"] = "material damage", ["مادية"] = "material damage",
        ["مسؤوليته"] = "responsibility", ["مسؤوليتها"] = "responsibility", ["مسؤولية"] = "responsibility", ["تبنى"] = "claimed", ["تبنت"] = "claimed",
        ["نفى"] = "denied", ["نفت"] = "denied", ["ينفي"] = "denies", ["تنفي"] = "denies", ["صحة"] = "truth of", ["شائعات"] = "rumours", ["كاذبة"] = "false",
        // Places in general terms and platforms.
        ["نقاط"] = "points", ["نقاطا"] = "points", ["النقاط"] = "points", ["مواقع"] = "positions", ["موقع"] = "position", ["مطار"] = "airport", ["قاعدة"] = "base", ["حاجز"] = "checkpoint",
        ["المنطقة"] = "region", ["منطقة"] = "area", ["الوسطى"] = "central", ["الساحلية"] = "coastal", ["الجنوبية"] = "southern", ["الشمالية"] = "northern", ["الشرقية"] = "eastern", ["الغربية"] = "western",
        ["شمال"] = "north of", ["جنوب"] = "south of", ["شرق"] = "east of", ["غرب"] = "west of", ["اتجاه"] = "direction", ["محافظة"] = "governorate", ["ريف"] = "countryside", ["مدينة"] = "city",
        ["بيروت"] = "Beirut", ["لبنان"] = "Lebanon", ["الجولان"] = "Golan", ["العراق"] = "Iraq", ["الأردن"] = "Jordan", ["دمشق"] = "Damascus", ["حلب"] = "Aleppo", ["حمص"] = "Homs", ["حماة"] = "Hama", ["إدلب"] = "Idlib", ["درعا"] = "Daraa", ["الرقة"] = "Raqqa", ["دير الزور"] = "Deir ez-Zor", ["الحسكة"] = "Hasakah", ["اللاذقية"] = "Latakia", ["طرطوس"] = "Tartus", ["السويداء"] = "Sweida", ["القنيطرة"] = "Quneitra",
        ["تلغرام"] = "Telegram", ["تليغرام"] = "Telegram", ["تطبيق"] = "app", ["تويتر"] = "Twitter", ["فيسبوك"] = "Facebook", ["بيان"] = "statement", ["معرفات"] = "channels", ["وكالة أعماق"] = "Amaq agency",
        // Days: "يوم الاثنين" is Monday, not "day two".
        ["يوم السبت"] = "Saturday", ["يوم الأحد"] = "Sunday", ["يوم الاثنين"] = "Monday", ["يوم الإثنين"] = "Monday", ["يوم الثلاثاء"] = "Tuesday", ["يوم الأربعاء"] = "Wednesday", ["يوم الخميس"] = "Thursday", ["يوم الجمعة"] = "Friday",
        ["فجر اليوم"] = "at dawn today", ["صباح اليوم"] = "this morning", ["مساء اليوم"] = "this evening",
        // Small words that carry the sense of a gloss.
        ["من"] = "of", ["في"] = "in", ["على"] = "on", ["عن"] = "for", ["و"] = "and", ["الساعة"] = "hour", ["حوالي"] = "about", ["نحو"] = "about", ["أكثر"] = "more", ["الأقل"] = "least",
        ["اثنين"] = "two", ["اثنان"] = "two", ["ثلاثة"] = "three", ["أربعة"] = "four", ["خمسة"] = "five", ["مساء"] = "evening", ["صباح"] = "morning", ["فجر"] = "dawn", ["أمس"] = "yesterday",
    });

    /// <summary>The gloss of tokens [from, to), or null when no word of it is known.</summary>
    public static string? Of(IReadOnlyList<ArabicToken> tokens, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var parts = new List<string>();
        var known = 0;
        var skipped = false;
        for (var i = from; i < to; i++)
        {
            var t = tokens[i];
            if (t.IsNumber)
            {
                Add(parts, t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), ref skipped);
                continue;
            }

            if (!t.IsWord)
            {
                continue;
            }

            var (english, length) = Words.Match(tokens, i, to);
            if (length > 0 && english is not null)
            {
                // "ومدنيين": the conjunction is glossed too.
                if (t.HasConjunction && t.Norm[0] == 'و')
                {
                    Add(parts, "and", ref skipped);
                }

                Add(parts, english, ref skipped);
                known += english.Length > 3 ? 1 : 0;
                i += length - 1;
            }
            else
            {
                skipped = true;
            }
        }

        if (skipped && parts.Count > 0)
        {
            parts.Add("…");
        }

        return known == 0 ? null : string.Join(' ', parts).Trim();
    }

    private static void Add(List<string> parts, string word, ref bool skipped)
    {
        if (skipped && parts.Count > 0 && parts[^1] != "…")
        {
            parts.Add("…");
        }

        skipped = false;
        parts.Add(word);
    }
}

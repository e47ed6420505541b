namespace Marsad.Extraction.Arabic;

/// <summary>
/// The words around Arabic place names: markers that introduce a name ("قرية"، "بلدات"، "محور"), the kinds of site
/// that are part of a name ("جبل البشري"، "معبر نصيب"), directions and prepositions that end one, and the words
/// that make the next name a reference point rather than the site ("غرب أبو الظهور"، "بالقرب من").
/// </summary>
public static class ArabicPlaceWords
{
    /// <summary>Words that say a place name follows and are not part of it.</summary>
    public static readonly HashSet<string> Markers = Fold(
        "قرية", "قرى", "بلدة", "بلدات", "مدينة", "مدن", "أطراف", "محيط", "محور", "محوري", "محاور", "منطقة", "ناحية", "حي", "أحياء", "مزرعة", "مزارع", "منطقتي", "قريتي", "بلدتي", "مدينتي", "قريتين");

    /// <summary>Kinds of site that stay part of the name ("حقل عودة النفطي").</summary>
    public static readonly HashSet<string> SiteWords = Fold(
        "جبل", "تل", "تلة", "حقل", "معبر", "مطار", "قاعدة", "دوار", "طريق", "مشفى", "مستشفى", "سهل", "مخيم", "بناء", "مبنى", "سد", "جسر", "حاجز", "صوامع", "وادي", "حقول", "محطة", "كتيبة");

    /// <summary>Directions: after one, a name is a reference point ("جنوب غرب منبج").</summary>
    public static readonly HashSet<string> Directions = Fold(
        "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "شمالا", "جنوبا", "شرقا", "غربا", "قرب", "بالقرب", "مقربة", "بين", "عند", "غربي", "باتجاه", "نحو", "أقصى");

    /// <summary>Words that end a name: prepositions, relatives, regions, time words.</summary>
    public static readonly HashSet<string> Stops = Fold(
        "في", "على", "من", "إلى", "الى", "عن", "مع", "ضمن", "عند", "حتى", "بعد", "قبل", "خلال", "منذ", "جراء", "إثر", "اثر", "نتيجة", "بسبب", "ما", "مما",
        "حيث", "التي", "الذي", "الذين", "الواقعة", "الواقع", "الخاضعة", "الخاضع", "التابعة", "التابع", "المتمركزة", "المتمركزين", "الموجودة", "وسط", "داخل",
        "عبر", "ريف", "بريف", "ريفي", "بريفي", "بالريف", "الريف", "القطاع", "بالقطاع", "محافظة", "لمحافظة", "بمحافظة", "أمس", "اليوم", "صباح", "مساء", "فجر", "ليل", "منتصف",
        "لسيطرة", "لنفوذ", "سيطرة", "نفوذ", "أيضا", "كذلك", "أن", "إن", "بأن", "قد", "لقد", "هناك", "ذاته", "نفسها", "المنطقة", "المدينة", "القرية", "البلدة", "الحدود", "الإدارية",
        "يوم", "الساعة", "مساء", "عدة", "عدد", "مواقع", "موقع", "نقاط", "نقطة", "تجمعات", "تمركزات", "لموقع", "عسكري", "عسكرية", "الجبهة", "جبهة", "خط", "سيارة", "دراجة", "منزل", "منازل",
        "خسائر", "الخسائر", "البشرية", "بشرية", "ريفها", "ريفه", "ريفيها", "محيطها", "محيطه", "أطرافها", "أطرافه", "أكبر", "أهم", "أحد", "أكثر", "بعض", "كل", "جميع", "عدد", "مزيد",
        "بجانب", "جانب", "أمام", "خلف", "تجمع", "أي", "هذه", "هذا", "تلك", "ذلك", "العلاج", "لعناصر", "الجيش", "الأمن", "فرع", "مسجد", "جامع", "مدرسة", "مناطق", "عمق");

    /// <summary>Adjectives that end a site name ("الدير الشرقي"، "الكتيبة المهجورة").</summary>
    public static readonly HashSet<string> NameAdjectives = Fold(
        "الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الغربية", "الشمالية", "الجنوبية", "الكبير", "الكبيرة", "الصغير", "الصغيرة", "الحدودي", "العسكري", "النفطي",
        "المهجورة", "الجديدة", "القديمة", "الفوقاني", "التحتاني", "الأوسط", "الوسطى");

    /// <summary>Markers of a settlement: a name after one is a village, town or city.</summary>
    public static readonly HashSet<string> Settlements = Fold("قرية", "بلدة", "مدينة", "قرى", "بلدات", "مدن");

    /// <summary>Regions: a countryside ("ريف إدلب الجنوبي", "ريفي حلب الغربي والجنوبي") or a governorate ("محافظتي حلب والحسكة").</summary>
    public static readonly HashSet<string> RegionWords = Fold("ريف", "ريفي", "محافظة", "محافظتي", "الريف");

    public static bool In(HashSet<string> set, ArabicToken t)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(t);
        if (!t.IsWord)
        {
            return false;
        }

        // The article is part of these words: "المدينة" (the town just named) is not the marker "مدينة".
        foreach (var f in t.Forms)
        {
            if (set.Contains(f) && !t.Forms.Contains("ال" + f))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Fold(params string[] words) => new(words.Select(w => ArabicLetters.Normalize(w)), StringComparer.Ordinal);
}

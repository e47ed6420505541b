using Marsad.Domain.Events;
using Marsad.Extraction.Assembly;

namespace Marsad.Extraction.Arabic;

/// <summary>
/// The Arabic words that say an event happened, with the ACLED sub-type each implies and the same classes as the
/// English lexicon (<see cref="TriggerClass"/>), so one precedence rule decides a mixed clause in both languages.
/// A bare "استهداف" (targeting) names no weapon: in observatory prose it is shelling unless a weapon word says otherwise.
/// </summary>
public static class ArabicTriggers
{
    public static ArabicLexicon<Trigger> Lexicon { get; } = Build();

    private static ArabicLexicon<Trigger> Build()
    {
        var e = new List<KeyValuePair<string, Trigger>>();
        void Add(TriggerClass c, AcledSubEventType? t, string[] tags, params string[] words)
        {
            var trigger = new Trigger(c, t, tags);
            e.AddRange(words.Select(w => new KeyValuePair<string, Trigger>(w, trigger)));
        }

        Add(TriggerClass.Clash, AcledSubEventType.ArmedClash, [], "اشتباكات", "اشتباك", "اشتبكت", "اشتبك", "تشتبك", "يشتبك", "رشقات متبادلة", "هجوم", "هجوما", "هجمات",
            "هجوم مسلح", "تسلل", "محاولة تسلل", "قنص", "قنصا", "قناص", "كمين", "معارك", "مواجهات", "اغتيال", "اغتالت", "اغتال", "استهداف بالرصاص", "هاجم", "هاجمت", "هاجموا", "أحبطت");
        Add(TriggerClass.Violence, null, [], "رصاص", "برصاص", "إطلاق نار", "إطلاق النار", "طلق ناري", "طلقات نارية", "أطلق النار", "جثة", "جثث", "إعدام", "أعدم", "طعن");
        Add(TriggerClass.Remote, AcledSubEventType.AirDroneStrike, ["airstrike"], "غارة", "غارات", "غارتين", "غارة جوية", "غارات جوية", "ضربة جوية", "ضربات جوية", "قصف جوي",
            "الطيران الحربي", "طائرات حربية", "طائرة حربية", "الطائرات الحربية", "مروحية", "مروحيات", "طائرات مروحية", "البراميل المتفجرة", "براميل متفجرة", "برميل متفجر", "الطيران", "طيران", "ضربة", "جوي", "جوية", "المقاتلات", "مقاتلات", "مقاتلتان", "مقاتلة", "المقاتلات الحربية", "الاستهداف الجوي", "استهداف جوي");
        Add(TriggerClass.Remote, AcledSubEventType.AirDroneStrike, ["drone"], "مسيرة", "مسيرات", "طائرة مسيرة", "طائرات مسيرة", "الطيران المسير", "مسيّرة", "طائرة مسيّرة", "درون");
        Add(TriggerClass.Remote, AcledSubEventType.ShellingArtilleryMissileAttack, [], "قصف", "قصفت", "قصفا", "قصفها", "يقصف", "تقصف", "قصفه", "قذائف", "قذيفة", "صاروخ", "صواريخ",
            "صاروخية", "صاروخي", "مدفعي", "مدفعية", "مدفعيا", "هاون", "راجمات", "الأسلحة الثقيلة", "استهدف", "استهدفت", "استهداف", "تستهدف", "يستهدف", "استهدافات");
        Add(TriggerClass.Remote, AcledSubEventType.RemoteExplosiveLandmineIed, [], "عبوة ناسفة", "عبوات ناسفة", "عبوة", "لغم", "ألغام", "لغم أرضي", "مفخخة", "مفخخات", "ملغمة", "ملغم",
            "انفجار", "انفجرت", "انفجر", "تفجير", "مخلفات الحرب");
        Add(TriggerClass.Remote, AcledSubEventType.Grenade, [], "قنبلة يدوية", "قنابل يدوية", "قنبلة");
        Add(TriggerClass.Remote, AcledSubEventType.SuicideBomb, [], "انتحاري", "انتحارية", "هجوم انتحاري");
        Add(TriggerClass.CivilianHarm, AcledSubEventType.AbductionForcedDisappearance, [], "اختطاف", "خطف", "اختطف", "اختطفت", "خطفت", "مخطوف", "المختطف");
        Add(TriggerClass.Protest, AcledSubEventType.PeacefulProtest, [], "مظاهرة", "مظاهرات", "تظاهرة", "تظاهر", "تظاهروا", "وقفة احتجاجية", "احتجاج", "احتجاجات", "قطع الطريق", "قطعوا", "اعتصام");
        Add(TriggerClass.Riot, AcledSubEventType.ViolentDemonstration, [], "شغب", "أعمال شغب", "تحطيم", "تكسير", "حطموا", "اقتحموا");
        Add(TriggerClass.Strategic, AcledSubEventType.Arrests, [], "اعتقال", "اعتقالات", "اعتقل", "اعتقلت", "حملة اعتقالات", "حملة دهم", "مداهمة", "مداهمات", "دهم", "احتجاز", "احتجزت", "توقيف");
        Add(TriggerClass.Strategic, AcledSubEventType.ChangeToGroupActivity, ["convoy"], "رتل", "أرتال", "رتلا", "تعزيزات", "تعزيزات عسكرية", "قافلة", "شاحنات");
        Add(TriggerClass.Strategic, AcledSubEventType.Other, [], "رادار", "منظومة رادار");
        Add(TriggerClass.Strategic, AcledSubEventType.DisruptedWeaponsUse, [], "أسقطت", "إسقاط", "اعترضت", "تفكيك");
        return new ArabicLexicon<Trigger>(e);
    }

    /// <summary>The sub-type a clause's triggers imply: the highest class wins, and within remote violence a named weapon beats the bare verb.</summary>
    public static Trigger? Decide(IReadOnlyList<Trigger> triggers)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        if (triggers.Count == 0)
        {
            return null;
        }

        var top = triggers.Max(t => t.Class);
        var inClass = triggers.Where(t => t.Class == top).ToList();
        if (top != TriggerClass.Remote)
        {
            return inClass[0];
        }

        AcledSubEventType[] order = [AcledSubEventType.SuicideBomb, AcledSubEventType.AirDroneStrike, AcledSubEventType.Grenade, AcledSubEventType.RemoteExplosiveLandmineIed, AcledSubEventType.ShellingArtilleryMissileAttack];
        foreach (var type in order)
        {
            if (inClass.FirstOrDefault(t => t.SubType == type) is { } hit)
            {
                return hit;
            }
        }

        return inClass[0];
    }
}

namespace Marsad.Extraction.Recognition.Quantities;

/// <summary>The words that name what is counted, and the verbs that say what happened to it.</summary>
internal static class QuantityWords
{
    /// <summary>Head nouns: what the counted things are. "person" nouns take their name from the verb around them.</summary>
    public static readonly Dictionary<string, string> Nouns = Build(
        ("person", ["people", "persons", "person", "civilians", "civilian", "fighters", "fighter", "members", "member", "soldiers", "soldier",
            "militants", "militant", "militiamen", "militiaman", "men", "man", "women", "woman", "children", "child", "operatives", "operative",
            "elements", "element", "troops", "personnel", "gunmen", "gunman", "rebels", "rebel", "officers", "officer", "individuals",
            "individual", "youths", "youth", "suspects", "suspect", "boys", "boy", "girls", "girl", "recruits", "commanders", "commander",
            "residents", "shepherds", "shepherd", "farmers", "farmer", "conscripts", "jihadists", "others", "smugglers", "workers", "policemen",
            "policeman", "guards", "guard", "staff", "escorts", "escort", "detective", "bodyguards", "companions", "relatives", "them", "cadres", "leader", "defector", "nationals", "citizens", "journalists", "journalist", "attackers", "assailants", "cells", "militias", "guardsmen", "sergeant", "colonel", "lieutenant", "captain", "major", "general", "brigadier", "sniper", "snipers", "leaders", "emir", "volunteers", "mercenaries", "recruit", "smuggler", "driver", "drivers", "son", "sons", "brother", "brothers"]),
        ("fatalities", ["fatalities", "fatality", "deaths", "dead", "bodies", "body", "corpses", "killed", "lives"]),
        ("injured", ["injuries", "wounded", "injured"]),
        ("casualties", ["casualties", "casualty", "losses"]),
        ("vehicles", ["trucks", "truck", "vehicles", "vehicle", "tanks", "tank", "lorries", "tankers", "cars", "car", "pickups", "buses"]),
        ("operations", ["operations", "operation", "raids", "raid", "campaigns", "campaign", "crackdowns"]),
        ("strikes", ["airstrikes", "airstrike", "strikes", "strike", "sorties"]),
        ("prisoners", ["prisoners", "prisoner", "detainees", "detainee", "inmates"]),
        ("abducted", ["abductees", "abductee", "hostages", "hostage", "kidnapped"]),
        ("arrested", ["arrested", "arrests", "detained"]),
        ("displaced", ["displaced", "refugees", "IDPs"]),
        ("convoys", ["batches", "batch", "convoys", "convoy"]),
        ("shells", ["shells", "shell", "rockets", "rocket", "missiles", "missile", "mortars", "mortar"]));

    /// <summary>Verbs and nouns before a count that name what happened to persons: "killing 3", "the arrest of 52".</summary>
    public static readonly Dictionary<string, string> Before = Build(
        ("fatalities", ["killing", "killed", "kill", "kills", "death", "deaths", "massacring", "executing", "executed", "execution", "beheading", "bodies", "body", "assassinated", "assassinating", "assassination", "sniped", "sniping", "dead"]),
        ("injured", ["injuring", "wounding", "injured", "wounded", "injure", "wound", "injury"]),
        ("arrested", ["arrest", "arresting", "arrested", "arrests", "detaining", "detained", "detention", "capturing", "captured", "capture", "rounding", "apprehending"]),
        ("abducted", ["abducting", "abducted", "abduction", "kidnapping", "kidnapped", "abduct", "kidnap"]),
        ("displaced", ["displacing", "displacement"]),
        ("prisoners", ["transporting", "transferring", "transfer", "transport", "releasing", "release"]));

    /// <summary>Past participles after a count: "26 fighters were killed", "two people died".</summary>
    public static readonly Dictionary<string, string> After = Build(
        ("fatalities", ["killed", "died", "dead", "executed", "massacred", "beheaded", "perished", "slain"]),
        ("injured", ["injured", "wounded", "hurt"]),
        ("arrested", ["arrested", "detained", "captured", "apprehended"]),
        ("abducted", ["abducted", "kidnapped"]),
        ("displaced", ["displaced"]));

    /// <summary>Vague amounts with ACLED's conservative count.</summary>
    public static readonly Dictionary<string, int> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dozens"] = 12, ["scores"] = 20, ["tens"] = 10, ["hundreds"] = 100, ["thousands"] = 1000, ["several"] = 3, ["multiple"] = 3,
        ["numerous"] = 3, ["many"] = 3, ["some"] = 3, ["few"] = 2,
    };

    public static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NounLookup = Nouns.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BeforeLookup = Before.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> AfterLookup = After.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> VagueLookup = Vague.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, string> Build(params (string Name, string[] Words)[] groups)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, words) in groups)
        {
            foreach (var w in words)
            {
                d.TryAdd(w, name);
            }
        }

        return d;
    }
}

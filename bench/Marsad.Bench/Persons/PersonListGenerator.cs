using Marsad.Core.Registers.Persons;

namespace Marsad.Bench.Persons;

/// <summary>
/// A generated register of people with the duplicates real lists have: one person entered several times by
/// different coders from different reports, each time spelt differently (transliteration variants, al-/el-/Al/no
/// article, Abd al-X as Abdul X or Abdulx, Arabic script, family name first, an initial for the first name, the
/// father's name dropped or the grandfather's added, a typo). Distinct people share given and family names freely
/// (same first and family name, different father), which is what makes precision hard.
/// </summary>
internal sealed class PersonListGenerator(int seed)
{
    private readonly Random _random = new(seed);

    // Family names beyond the listed ones: a register of thousands has thousands of families. Made from Arabic
    // word patterns (CaCCaC, CuCayCi ...), the same for every seed, each spelt in the ways such names are.
    private static readonly PersonNamePools.NameForms[] PatternFamilies = PatternNames(1500);

    // Family names: the list's own, plus the very common ones made from a forefather's name ("al-Hussein", "Abu Zeid" style).
    private static readonly PersonNamePools.NameForms[] Families =
    [
        .. PersonNamePools.Family,
        .. PersonNamePools.Given[..PersonNamePools.FirstWoman].Where(g => !g.Latin[0].StartsWith("Abd", StringComparison.Ordinal)).Select(g => new PersonNamePools.NameForms(g.Latin, "ال" + g.Arabic)),
        .. PersonNamePools.Given[..PersonNamePools.FirstWoman].Where(g => !g.Latin[0].StartsWith("Abd", StringComparison.Ordinal)).Select(g => new PersonNamePools.NameForms([.. g.Latin.Select(l => "Abu " + l)], "أبو " + g.Arabic)),
    ];

    public sealed record Generated(PersonNames Person, int Identity);

    public List<Generated> Generate(int records)
    {
        var list = new List<Generated>(records);
        var identities = new HashSet<(int, int, int)>();
        var identity = 0;
        while (list.Count < records)
        {
            // Half the people carry one of the common family names, half a rarer one.
            var family = _random.NextDouble() < 0.5 ? Pick(Families.Length) : Families.Length + Pick(PatternFamilies.Length);
            var triple = (Pick(PersonNamePools.Given.Length), Pick(PersonNamePools.FirstWoman), family);
            if (!identities.Add(triple))
            {
                continue; // two people with the same three names are not told apart by names; the list has one
            }

            var grandfather = Pick(PersonNamePools.FirstWoman);
            DateOnly? born = _random.NextDouble() < 0.3 ? new DateOnly(1950 + _random.Next(55), 1 + _random.Next(12), 1 + _random.Next(28)) : null;
            var copies = Copies();
            for (var c = 0; c < copies && list.Count < records; c++)
            {
                var name = Spell(triple.Item1, triple.Item2, triple.Item3, grandfather);
                // Not every entry records the date of birth.
                var dob = born is not null && _random.NextDouble() < 0.6 ? born : null;
                list.Add(new Generated(new PersonNames(Guid.NewGuid(), [name], dob), identity));
            }

            identity++;
        }

        return list;
    }

    // About 55% of people are entered once, the rest two to four times.
    private int Copies()
    {
        var r = _random.NextDouble();
        return r < 0.55 ? 1 : r < 0.83 ? 2 : r < 0.95 ? 3 : 4;
    }

    private string Spell(int given, int father, int family, int grandfather)
    {
        if (_random.NextDouble() < 0.05 && FamilyForms(family).Arabic.Length > 2)
        {
            return $"{PersonNamePools.Given[given].Arabic} {PersonNamePools.Given[father].Arabic} {FamilyForms(family).Arabic}";
        }

        var first = Latin(PersonNamePools.Given[given]);
        var r = _random.NextDouble();
        if (r < 0.1)
        {
            first = first[0] + ".";
        }

        var middle = new List<string>();
        var m = _random.NextDouble();
        if (m >= 0.08)
        {
            middle.Add(Latin(PersonNamePools.Given[father]));
        }

        if (m > 0.92)
        {
            middle.Add(Latin(PersonNamePools.Given[grandfather]));
        }

        var last = FamilyName(FamilyForms(family), _random.NextDouble() < 0.05);

        var order = _random.NextDouble();
        return order < 0.07 ? $"{last}, {first} {string.Join(' ', middle)}".TrimEnd()
            : order < 0.12 ? $"{last} {first} {string.Join(' ', middle)}".TrimEnd()
            : $"{first} {string.Join(' ', middle)} {last}".Replace("  ", " ", StringComparison.Ordinal);
    }

    private string Latin(PersonNamePools.NameForms forms) => forms.Latin[_random.NextDouble() < 0.5 ? 0 : _random.Next(forms.Latin.Length)];

    private string FamilyName(PersonNamePools.NameForms forms, bool typo)
    {
        var name = Latin(forms);
        name = typo ? Typo(name) : name;
        if (!forms.Arabic.StartsWith("ال", StringComparison.Ordinal))
        {
            return name;
        }

        return _random.Next(6) switch
        {
            0 => "al-" + name,
            1 => "Al-" + name,
            2 => "Al " + name,
            3 => "el-" + name,
            4 => "Al" + name.ToLowerInvariant(),
            _ => name,
        };
    }

    // One letter doubled, dropped or swapped with its neighbour, away from the first two.
    private string Typo(string name)
    {
        if (name.Length < 6)
        {
            return name;
        }

        var i = 3 + _random.Next(name.Length - 4);
        return _random.Next(3) switch
        {
            0 => name[..i] + name[i] + name[i..],
            1 => name[..i] + name[(i + 1)..],
            _ => name[..i] + name[i + 1] + name[i] + name[(i + 2)..],
        };
    }

    private int Pick(int n) => _random.Next(n);

    private static PersonNamePools.NameForms FamilyForms(int index) => index < Families.Length ? Families[index] : PatternFamilies[index - Families.Length];

    private static PersonNamePools.NameForms[] PatternNames(int count)
    {
        var random = new Random(20210123);
        const string consonants = "bdfhjklmnrstzgq";
        string[] patterns = ["CaCCaC", "CaCiC", "CuCayCi", "CaCCuCi", "CaCaCi", "CiCaCi", "CaCCaCi", "CuCaCi"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<PersonNamePools.NameForms>();
        while (names.Count < count)
        {
            var pattern = patterns[random.Next(patterns.Length)];
            var name = new string([.. pattern.Select(c => c == 'C' ? consonants[random.Next(consonants.Length)] : c)]);
            name = char.ToUpperInvariant(name[0]) + name[1..];
            if (!seen.Add(Marsad.Extraction.Geography.NameKey.Of(name)))
            {
                continue;
            }

            // Spellings: long u as ou, i as ee or e, a doubled middle consonant, q as k; the Arabic form is the article
            // alone, which marks the family name as one written with al- (its letters are not generated).
            string[] spellings = [name, name.Replace("u", "ou", StringComparison.Ordinal), name.Replace("i", "ee", StringComparison.Ordinal), Doubled(name), name.Replace('q', 'k')[..^1].Replace("i", "e", StringComparison.Ordinal) + name[^1]];
            names.Add(new PersonNamePools.NameForms([.. spellings.Distinct(StringComparer.Ordinal)], "ال"));
        }

        return [.. names];
    }

    private static string Doubled(string name)
    {
        for (var i = 2; i < name.Length - 1; i++)
        {
            if (!"aeiou".Contains(name[i], StringComparison.Ordinal) && name[i - 1] is 'a' or 'i' or 'u' && name[i + 1] is 'a' or 'i' or 'u')
            {
                return name[..i] + name[i] + name[i..];
            }
        }

        return name;
    }
}

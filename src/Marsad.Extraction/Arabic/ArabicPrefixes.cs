namespace Marsad.Extraction.Arabic;

/// <summary>
/// The clitics Arabic writes onto a word: a conjunction (و، ف), then a preposition (ب، ل، ك, "لل" for ل + ال), then
/// the article ال. Stripping is tried, not decided: a word that truly begins with one of these letters ("وادي",
/// "بلدة") keeps its own form first, and lexicons are looked up under each form in turn.
/// </summary>
public static class ArabicPrefixes
{
    /// <summary>A folded word's forms, the word itself first, without repeats; no form shorter than two letters.</summary>
    public static IReadOnlyList<string> Forms(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        var forms = new List<string>(4) { norm };
        if (norm.Length > 2 && norm[0] is 'و' or 'ف')
        {
            forms.Add(norm[1..]);
        }

        for (var i = 0; i < forms.Count && i < 2; i++)
        {
            var f = forms[i];
            if (f.Length > 3 && f.StartsWith("لل", StringComparison.Ordinal))
            {
                AddOnce(forms, f[2..]);
            }
            else if (f.Length > 3 && f[0] is 'ب' or 'ل' or 'ك')
            {
                AddOnce(forms, f[1..]);
            }
        }

        for (var i = 0; i < forms.Count; i++)
        {
            var f = forms[i];
            if (f.Length > 3 && f.StartsWith("ال", StringComparison.Ordinal))
            {
                AddOnce(forms, f[2..]);
            }
        }

        return forms;
    }

    /// <summary>The bare stem: every prefix off ("وبالمدفعية" → "مدفعيه"); the last of <see cref="Forms"/>.</summary>
    public static string Stem(string norm) => Forms(norm)[^1];

    private static void AddOnce(List<string> forms, string form)
    {
        if (form.Length >= 2 && !forms.Contains(form))
        {
            forms.Add(form);
        }
    }
}

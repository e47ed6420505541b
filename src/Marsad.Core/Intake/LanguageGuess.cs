namespace Marsad.Core.Intake;

/// <summary>
/// The language tag stored with a document. Marsad reads English and Arabic reports; which of the
/// two a text is in shows in its script, so counting letters is enough here.
/// </summary>
public static class LanguageGuess
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int arabic = 0, latin = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 4000)))
        {
            if (c is >= '\u0600' and <= '\u06FF')
            {
                arabic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return arabic > latin ? "ar" : "en";
    }
}

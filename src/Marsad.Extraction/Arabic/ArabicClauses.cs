namespace Marsad.Extraction.Arabic;

/// <summary>Tokens [First, End) of one clause, in paragraph <see cref="Paragraph"/>.</summary>
public sealed record ArabicClause(int First, int End, int Paragraph);

/// <summary>
/// Splits Arabic text into clauses: sentences end at a full stop, question mark, semicolon, colon or line break, and
/// observatory sentences chain several incidents with "فيما"، "في حين"، "بينما"، "كما"، "بالإضافة إلى"، "إلى ذلك"،
/// "على صعيد متصل": each starts a clause of its own.
/// </summary>
public static class ArabicClauses
{
    private static readonly ArabicLexicon<bool> Connectors = new(new Dictionary<string, bool>
    {
        ["فيما"] = true, ["في حين"] = true, ["بينما"] = true, ["كما"] = true, ["بالإضافة إلى"] = true, ["بالإضافة ل"] = true,
        ["إلى ذلك"] = true, ["على صعيد متصل"] = true, ["في سياق متصل"] = true, ["وفي سياق آخر"] = true, ["بالتزامن مع"] = true, ["وسط قصف"] = true, ["وسط تصعيد"] = true, ["يذكر أن"] = true, ["يشار"] = true, ["مشيرا إلى"] = true,
    });

    public static List<ArabicClause> Split(IReadOnlyList<ArabicToken> tokens, string text)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(text);
        var clauses = new List<ArabicClause>();
        var start = 0;
        var paragraph = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var lineBreak = i > 0 && text.AsSpan(tokens[i - 1].End, t.Start - tokens[i - 1].End).Contains('\n');
            if (lineBreak)
            {
                Add(clauses, start, i, paragraph);
                start = i;
                paragraph++;
            }

            if (t.IsPunctuation && t.Norm is "." or "؟" or "?" or "!" or "؛" or ";" or ":")
            {
                Add(clauses, start, i, paragraph);
                start = i + 1;
            }
            else if (i > start && Connectors.Match(tokens, i).Length > 0 && !(tokens[i].Norm == "كما" && i + 1 < tokens.Count && tokens[i + 1].Norm is "ان" or "هو"))
            {
                Add(clauses, start, i, paragraph);
                start = i;
            }
        }

        Add(clauses, start, tokens.Count, paragraph);
        return clauses;
    }

    private static void Add(List<ArabicClause> clauses, int start, int end, int paragraph)
    {
        if (end > start)
        {
            clauses.Add(new ArabicClause(start, end, paragraph));
        }
    }
}

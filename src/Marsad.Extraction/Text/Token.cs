namespace Marsad.Extraction.Text;

/// <summary>What a token is made of; hyphens and spaces are never tokens, so "Deir-ez-Zor" and "Deir ez Zor" tokenise alike.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
}

/// <summary>Characters [Start, End) of the clean text. <see cref="Number"/> is the value of a digit token (commas allowed), else -1.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, int Number)
{
    public int Length => End - Start;

    public bool IsWord => Kind == TokenKind.Word;
}

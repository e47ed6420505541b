namespace Marsad.Extraction.Segmentation;

/// <summary>A paragraph: characters [Start, End), its sentences [FirstSentence, FirstSentence + SentenceCount); a heading never yields events.</summary>
public sealed record Paragraph(int Index, int Start, int End, bool IsHeading, int FirstSentence, int SentenceCount);

/// <summary>A sentence: characters [Start, End) and tokens [FirstToken, EndToken) of the clean text.</summary>
public sealed record Sentence(int Index, int Paragraph, int Start, int End, int FirstToken, int EndToken);

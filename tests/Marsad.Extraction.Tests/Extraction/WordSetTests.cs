using Marsad.Extraction.Text;

namespace Marsad.Extraction.Tests.Extraction;

public sealed class WordSetTests
{
    [Fact]
    public void A_token_matches_its_set_whatever_its_case_and_no_other_word_does()
    {
        var text = "Gunmen OPENED fire near the Checkpoint, then fled.";
        var view = new TokenView(text, Tokenizer.Tokenize(text));
        var set = new WordSet("opened", "checkpoint", ",");

        var matched = Enumerable.Range(0, view.Count).Where(i => view.IsAny(i, set)).Select(i => view[i].ToString()).ToList();

        Assert.Equal(["OPENED", "Checkpoint", ","], matched);
        Assert.False(view.IsAny(-1, set));
        Assert.False(view.IsAny(view.Count, set));
    }
}

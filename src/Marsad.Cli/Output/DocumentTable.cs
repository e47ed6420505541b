using System.Globalization;
using Marsad.Core.Documents;
using Spectre.Console;

namespace Marsad.Cli.Output;

/// <summary>The table of documents that <c>documents list</c> and <c>demo</c> print.</summary>
internal static class DocumentTable
{
    public static Table Of(IEnumerable<DocumentSummary> documents, IReadOnlyDictionary<Guid, string> shortIds)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id").AddColumn("published").AddColumn("source").AddColumn("title").AddColumn(new TableColumn("chars").RightAligned());
        foreach (var d in documents)
        {
            table.AddRow(
                shortIds[d.Id],
                d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—",
                Markup.Escape(d.Source ?? "—"),
                Markup.Escape(Shorten(d.Title ?? Path.GetFileName(d.Origin), 70)),
                d.TextLength.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

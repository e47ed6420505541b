namespace Marsad.Core.Intake.Parsing;

/// <summary>The media types a <see cref="ParsedReport"/> can carry.</summary>
internal static class MediaTypes
{
    public const string PlainText = "text/plain";
    public const string Markdown = "text/markdown";
    public const string Html = "text/html";
    public const string Rss = "application/rss+xml";
    public const string Atom = "application/atom+xml";
}

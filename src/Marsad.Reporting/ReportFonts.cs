namespace Marsad.Core.Reports;

/// <summary>
/// The font reports draw with: DejaVu Sans, which covers Latin and Arabic letters and is in Debian's
/// fonts-dejavu-core (test.sh installs it); Skia falls back to the system default when it is missing.
/// </summary>
internal static class ReportFonts
{
    public const string Family = "DejaVu Sans";
}

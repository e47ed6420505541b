namespace Marsad.Core.Access;

/// <summary>The read rules of each role, in one place, so that every query applies the same ones.</summary>
public static class RoleRules
{
    /// <summary>What a confidential source is called for those who may not know who it is.</summary>
    public const string ConfidentialSourceName = "confidential source";

    public static bool SeesConfidentialSources(this Role role) => role >= Role.Editor;

    public static bool SeesUnpublished(this Role role) => role >= Role.Viewer;

    /// <summary>Persons' exact places, dates of birth, family details and contacts: editors only, unless an editor released them.</summary>
    public static bool SeesSensitivePersonFields(this Role role) => role >= Role.Editor;

    /// <summary>Adding, changing and merging register records: coders and above (the audit trail names them).</summary>
    public static bool EditsRecords(this Role role) => role >= Role.Coder;
}

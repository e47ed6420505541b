namespace Marsad.Domain.Documents;

/// <summary>What kind of source a report came from.</summary>
public enum SourceKind
{
    Outlet,
    FieldNetwork,
    NamedSource,
}

namespace Marsad.Domain.Audit;

/// <summary>What a revision did to its record.</summary>
public enum RevisionAction
{
    Insert,
    Update,
    StatusChange,
}

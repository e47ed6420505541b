namespace Marsad.Core.Extract;

/// <summary>What re-extraction did: documents read again, candidates added or refreshed, and proposals left on reviewed records.</summary>
public sealed record ReextractOutcome(int Documents, int Added, int Refreshed, int Proposed);

namespace Marsad.Core.Records;

/// <summary>Someone saved the record after it was read: nothing was written; re-read and apply the change again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException() { }

    public ConcurrencyConflictException(string message) : base(message) { }

    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException) { }

    public ConcurrencyConflictException(string entityType, Guid id, long expectedVersion, long currentVersion)
        : base($"{entityType} {id} was changed by someone else (you edited version {expectedVersion}, it is now at version {currentVersion}); nothing was saved")
    {
        CurrentVersion = currentVersion;
    }

    public long CurrentVersion { get; }
}

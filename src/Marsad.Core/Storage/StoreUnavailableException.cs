namespace Marsad.Core.Storage;

/// <summary>The database cannot be opened, created or migrated; the message says which and why.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException() { }

    public StoreUnavailableException(string message) : base(message) { }

    public StoreUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}

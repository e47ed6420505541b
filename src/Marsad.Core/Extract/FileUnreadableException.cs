namespace Marsad.Core.Extract;

/// <summary>An input that cannot be opened or read at all (missing, no permission, I/O failure), as opposed to one that reads but is not a report.</summary>
public sealed class FileUnreadableException : Exception
{
    public FileUnreadableException()
    {
    }

    public FileUnreadableException(string message)
        : base(message)
    {
    }

    public FileUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

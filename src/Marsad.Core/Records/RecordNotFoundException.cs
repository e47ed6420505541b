namespace Marsad.Core.Records;

/// <summary>No record of that kind has that id.</summary>
public sealed class RecordNotFoundException : Exception
{
    public RecordNotFoundException() { }

    public RecordNotFoundException(string message) : base(message) { }

    public RecordNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}

using System.Globalization;

namespace Marsad.Core.Exchange.Formats;

/// <summary>Reads typed values from a row, adding a row-and-column error for each value that is not what the column holds.</summary>
internal sealed class RowFields(DatasetRow row, ICollection<ImportError> errors)
{
    public bool Failed { get; private set; }

    public string Text(string column) => row[column].Trim();

    public string? Optional(string column) => row[column].Trim() is { Length: > 0 } text ? text : null;

    public DateOnly Date(string column)
    {
        if (ExchangeText.TryDate(row[column], out var date))
        {
            return date;
        }

        return Fail<DateOnly>(column, $"'{row[column]}' is not a date (YYYY-MM-DD or DD Month YYYY)");
    }

    public int Integer(string column, int min, int max)
    {
        if (ExchangeText.TryInteger(row[column], out var value) && value >= min && value <= max)
        {
            return value;
        }

        return Fail<int>(column, string.Create(CultureInfo.InvariantCulture, $"'{row[column]}' is not a whole number from {min} to {max}"));
    }

    public int? OptionalInteger(string column, int min, int max) => Optional(column) is null ? null : Integer(column, min, max);

    public double? Coordinate(string column, double limit)
    {
        if (Optional(column) is null)
        {
            return null;
        }

        if (ExchangeText.TryNumber(row[column], out var value) && Math.Abs(value) <= limit)
        {
            return value;
        }

        return Fail<double?>(column, string.Create(CultureInfo.InvariantCulture, $"'{row[column]}' is not a number from -{limit} to {limit}"));
    }

    public T Fail<T>(string column, string message)
    {
        errors.Add(row.Error(column, message));
        Failed = true;
        return default!;
    }
}

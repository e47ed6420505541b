using Marsad.Domain.Events;

namespace Marsad.Core.Exchange.Formats;

/// <summary>A dataset's CSV format (ACLED, UCDP GED): its columns in order, and how one of its rows becomes an event.</summary>
public interface IDatasetFormat
{
    /// <summary>The dataset's name as <see cref="EventOrigin.Dataset"/> holds it.</summary>
    string Dataset { get; }

    /// <summary>Every column of the dataset's export, in its order.</summary>
    IReadOnlyList<ExchangeColumn> Columns { get; }

    /// <summary>The columns a file must have to be read as this dataset.</summary>
    IReadOnlyList<string> Required { get; }

    string RowId(DatasetRow row);

    /// <summary>The row's version, when the dataset has one (ACLED's timestamp): an older version never replaces a newer.</summary>
    string? Version(DatasetRow row);

    /// <summary>The row as an event (without its origin), or null with the problems added to <paramref name="errors"/>.</summary>
    ConflictEvent? Read(DatasetRow row, EventStatus status, ICollection<ImportError> errors);

    /// <summary>What the import had to change in the source's values, recorded on the event.</summary>
    IReadOnlyList<string> Checks(DatasetRow row) => [];
}

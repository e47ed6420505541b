using System.Data.Common;
using Marsad.Core.Events;
using Marsad.Core.Storage;

namespace Marsad.Core.Access;

/// <summary>SQL that searches what a role may read rather than the stored record.</summary>
internal static class AccessSql
{
    public const string VisibleFunction = "marsad_visible";

    /// <summary>Registers the redacting function on the connection; returns the SQL expression for a payload column as the role sees it.</summary>
    public static string Visible(SqlDialect dialect, DbConnection connection, ConfidentialNames secrets, string column = "payload")
    {
        dialect.AddFunction(connection, VisibleFunction, json => json is null ? null : secrets.ScrubJson(json));
        return $"{VisibleFunction}({column})";
    }
}

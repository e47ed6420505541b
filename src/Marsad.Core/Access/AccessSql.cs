using System.Data.Common;
using System.Text;
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
        if (!dialect.SupportsNetFunctions)
        {
            return VisibleByPattern(secrets, column);
        }

        dialect.AddFunction(connection, VisibleFunction, json => json is null ? null : secrets.ScrubJson(json));
        return $"{VisibleFunction}({column})";
    }

    /// <summary>
    /// Where the engine cannot call .NET (PostgreSQL), the same redaction as one case-insensitive regular expression: each
    /// name's words as whole words with any run of non-letters between them, replaced by the mask. It covers case,
    /// spacing and punctuation; the rows a search returns are still scrubbed by <see cref="ConfidentialNames"/> itself.
    /// </summary>
    private static string VisibleByPattern(ConfidentialNames secrets, string column)
    {
        if (secrets.IsEmpty)
        {
            return column;
        }

        var alternatives = secrets.Keys.Select(key => @"\m" + string.Join("[^[:alnum:]]+", key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(EscapeRegex)) + @"\M");
        var pattern = string.Join('|', alternatives);
        return $"regexp_replace({column}, {Literal(pattern)}, {Literal(RoleRules.ConfidentialSourceName)}, 'gi')";
    }

    private static string EscapeRegex(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('\\').Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A standard SQL string literal (quotes doubled; backslashes are plain characters in it).</summary>
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

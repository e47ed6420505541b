using System.Data.Common;

namespace Marsad.Core.Storage;

/// <summary>Parameter binding that reads as one line per query.</summary>
internal static class DbCommandExtensions
{
    /// <summary>Binds the value to the parameter, reusing it when a prepared command already has one by that name.</summary>
    public static DbCommand AddParameter(this DbCommand command, string name, object? value)
    {
        if (command.Parameters.Count > 0 && command.Parameters.IndexOf(name) is var index and >= 0)
        {
            command.Parameters[index].Value = value ?? DBNull.Value;
            return command;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static DbCommand Sql(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static string? GetStringOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

using System.Data.Common;

namespace ImageRules.Relational;

/// <summary>Builds parameterized commands: every value reaches the database as a parameter, never as SQL text.</summary>
internal static class Statements
{
    /// <summary>A command running <paramref name="sql"/> in <paramref name="transaction"/>.</summary>
    public static DbCommand Command(this DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A command running <paramref name="sql"/> on <paramref name="connection"/> outside any transaction.</summary>
    public static DbCommand Command(this DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds the parameter <c>@</c><paramref name="name"/>; null is SQL NULL.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Runs a statement that must change exactly one row, saying whether it did.</summary>
    public static ValueTask<bool> ChangesOneRowAsync(this DbCommand command, CancellationToken cancellationToken) =>
        command.ChangesRowsAsync(1, cancellationToken);

    /// <summary>Runs a statement that must change exactly <paramref name="rows"/> rows, saying whether it did.</summary>
    public static async ValueTask<bool> ChangesRowsAsync(this DbCommand command, int rows, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == rows;
        }
    }

    /// <summary>Runs a statement for its effect.</summary>
    public static async ValueTask RunAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads every row with <paramref name="read"/>.</summary>
    public static async ValueTask<List<T>> ReadAllAsync<T>(this DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadRowsAsync(read, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads every row of the reader's current result with <paramref name="read"/>, then moves to the next result.</summary>
    public static async ValueTask<List<T>> ReadRowsAsync<T>(this DbDataReader reader, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }
}

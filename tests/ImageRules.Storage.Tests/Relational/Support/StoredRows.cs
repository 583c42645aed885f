using System.Globalization;

namespace ImageRules.Storage.Tests.Support;

/// <summary>Rows read with plain SQL, bypassing the stores, for checks that must not trust the library's own reads.</summary>
public static class StoredRows
{
    /// <summary>Every row <paramref name="sql"/> answers, each column as invariant text (null for NULL).</summary>
    public static async Task<IReadOnlyList<string?[]>> ReadAsync(TestDatabase database, string sql)
    {
        await using var connection = await database.ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}

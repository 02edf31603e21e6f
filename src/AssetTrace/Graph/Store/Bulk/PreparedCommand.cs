using System.Data.Common;
using System.Text.Json;
using AssetTrace.Graph.Store.Tables;
using AssetTrace.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>
/// One SQL statement prepared once and run many times with new values: the bulk writer's
/// inner loop makes no new command objects and both stores reuse the parsed statement.
/// </summary>
internal sealed class PreparedCommand : IAsyncDisposable, IColumnValues
{
    private readonly DbCommand _command;
    private string _column = "";

    private PreparedCommand(DbCommand command) => _command = command;

    public static PreparedCommand Create(DbConnection connection, DbTransaction transaction, string sql, params (string Name, ColumnType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            if (parameter is NpgsqlParameter npgsql)
            {
                npgsql.NpgsqlDbType = type switch
                {
                    ColumnType.Json => NpgsqlDbType.Jsonb,
                    ColumnType.Date => NpgsqlDbType.Date,
                    ColumnType.Instant => NpgsqlDbType.TimestampTz,
                    ColumnType.BigInteger => NpgsqlDbType.Bigint,
                    ColumnType.Count => NpgsqlDbType.Integer,
                    ColumnType.Numeric => NpgsqlDbType.Numeric,
                    ColumnType.Bool => NpgsqlDbType.Boolean,
                    _ => NpgsqlDbType.Text,
                };
            }
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return new PreparedCommand(command);
    }

    public PreparedCommand Set(string name, object? value)
    {
        _command.Parameters[name].Value = value switch
        {
            null => DBNull.Value,
            Json json => json.Text,
            _ => value,
        };
        return this;
    }

    /// <summary>Sets the parameters of a row written from a table description (see GraphTables), named like its columns.</summary>
    public PreparedCommand Row<TRow>(TableColumns<TRow> table, TRow row, ColumnGroup groups = ColumnGroup.All)
    {
        table.Write(this, row, groups);
        return this;
    }

    void IColumnValues.Next(string column) => _column = column;

    void IColumnValues.Text(string? value) => Set(_column, value);

    void IColumnValues.Json(JsonElement value) => Set(_column, new Json(value.GetRawText()));

    void IColumnValues.Date(DateOnly? value) => Set(_column, value);

    void IColumnValues.Instant(DateTimeOffset value) => Set(_column, value);

    void IColumnValues.BigInteger(long value) => Set(_column, value);

    void IColumnValues.Count(int value) => Set(_column, value);

    void IColumnValues.Numeric(decimal? value) => Set(_column, value);

    void IColumnValues.Bool(bool value) => Set(_column, value);

    public Task<int> ExecuteAsync(CancellationToken ct) => _command.ExecuteNonQueryAsync(ct);

    public async Task<List<T>> QueryAsync<T>(Func<DbDataReader, T> map, CancellationToken ct)
    {
        await using var reader = await _command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}

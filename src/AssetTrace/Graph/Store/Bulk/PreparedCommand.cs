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
    // The parameters' names as rows and callers give them (a column's name), in the command's order.
    private readonly string[] _names;
    // Where a row written from a table description is: its parameters were created in the order it writes them.
    private int _position;
    private DbParameter? _parameter;

    private PreparedCommand(DbCommand command, string[] names)
    {
        _command = command;
        _names = names;
    }

    public static PreparedCommand Create(DbConnection connection, DbTransaction transaction, string sql, params (string Name, ColumnType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            // Microsoft.Data.Sqlite binds a name without its prefix by trying '@', ':' and '$' in turn, three
            // lookups in SQLite per parameter and execution, a sixth of an import's time on SQLite; with the
            // prefix the statement uses, it finds each in one.
            parameter.ParameterName = parameter is NpgsqlParameter ? name : "@" + name;
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
        return new PreparedCommand(command, [.. parameters.Select(p => p.Name)]);
    }

    public PreparedCommand Set(string name, object? value)
    {
        _command.Parameters[IndexOf(name)].Value = value switch
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
        _position = 0;
        table.Write(this, row, groups);
        return this;
    }

    void IColumnValues.Next(string column)
    {
        // By position when the statement was prepared from the same description (the bulk writer's case), by name otherwise.
        var index = _position < _names.Length && string.Equals(_names[_position], column, StringComparison.Ordinal) ? _position : IndexOf(column);
        _parameter = _command.Parameters[index];
        _position++;
    }

    private int IndexOf(string name)
    {
        var index = Array.IndexOf(_names, name);
        return index >= 0 ? index : throw new ArgumentException($"the statement has no parameter '{name}'.", nameof(name));
    }

    void IColumnValues.Text(string? value) => Value(value);

    void IColumnValues.Json(JsonElement value) => Value(value.GetRawText());

    void IColumnValues.Date(DateOnly? value) => Value(value);

    void IColumnValues.Instant(DateTimeOffset value) => Value(value);

    void IColumnValues.BigInteger(long value) => Value(value);

    void IColumnValues.Count(int value) => Value(value);

    void IColumnValues.Numeric(decimal? value) => Value(value);

    void IColumnValues.Bool(bool value) => Value(value);

    private void Value(object? value) => _parameter!.Value = value ?? DBNull.Value;

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

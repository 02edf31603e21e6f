using System.Data.Common;
using AssetTrace.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>The type of a parameter of a <see cref="PreparedCommand"/>; PostgreSQL needs it to prepare the statement.</summary>
public enum ParameterType
{
    Text,
    Json,
    Date,
    Instant,
    BigInteger,
    Count,
    Numeric,
    Bool,
}

/// <summary>
/// One SQL statement prepared once and run many times with new values: the bulk writer's
/// inner loop makes no new command objects and both stores reuse the parsed statement.
/// </summary>
public sealed class PreparedCommand : IAsyncDisposable
{
    private readonly DbCommand _command;

    private PreparedCommand(DbCommand command) => _command = command;

    public static PreparedCommand Create(DbConnection connection, DbTransaction transaction, string sql, params (string Name, ParameterType Type)[] parameters)
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
                    ParameterType.Json => NpgsqlDbType.Jsonb,
                    ParameterType.Date => NpgsqlDbType.Date,
                    ParameterType.Instant => NpgsqlDbType.TimestampTz,
                    ParameterType.BigInteger => NpgsqlDbType.Bigint,
                    ParameterType.Count => NpgsqlDbType.Integer,
                    ParameterType.Numeric => NpgsqlDbType.Numeric,
                    ParameterType.Bool => NpgsqlDbType.Boolean,
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

using System.Data.Common;
using AssetTrace.Graph.Store.Tables;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>A set of statements prepared once for one transaction and freed together with it.</summary>
internal abstract class PreparedStatements(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private readonly List<PreparedCommand> _all = [];

    protected PreparedCommand Prepare(string sql, params (string Name, ColumnType Type)[] parameters)
    {
        var command = PreparedCommand.Create(connection, transaction, sql, parameters);
        _all.Add(command);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _all)
        {
            await command.DisposeAsync();
        }
    }
}

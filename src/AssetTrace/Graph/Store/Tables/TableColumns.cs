namespace AssetTrace.Graph.Store.Tables;

/// <summary>One column: its name (also its parameter's), its type, which writes change it, and how a row gives its value.</summary>
internal sealed record Column<TRow>(string Name, ColumnType Type, ColumnGroup Group, Action<IColumnValues, TRow> Value);

/// <summary>
/// The columns of one table, each named once: the INSERT, UPDATE and COPY statements, the prepared
/// parameters and every row's values are made from this list, so a column added here (and in the
/// migrations) is written by every path at once. A column not listed keeps its default.
/// </summary>
internal sealed class TableColumns<TRow>
{
    // An array, walked with an index: Write runs once per row of a bulk import and must not allocate.
    private readonly Column<TRow>[] _columns;

    public TableColumns(string table, params Column<TRow>[] columns)
    {
        Table = table;
        _columns = columns;
        Names = NamesOf(ColumnGroup.All);
        Insert = InsertOf(ColumnGroup.All);
        Copy = CopyOf(ColumnGroup.All);
    }

    public string Table { get; }

    public IReadOnlyList<Column<TRow>> Columns => _columns;

    /// <summary>The column names, comma-separated, in the table's order.</summary>
    public string Names { get; }

    /// <summary>INSERT of every column, parameters named like the columns.</summary>
    public string Insert { get; }

    /// <summary>Binary COPY of every column, in the order <see cref="Write"/> gives them.</summary>
    public string Copy { get; }

    /// <summary>INSERT of the columns in <paramref name="groups"/> (and the key); the others keep their defaults.</summary>
    public string InsertOf(ColumnGroup groups) =>
        $"INSERT INTO {Table} ({NamesOf(groups)}) VALUES ({string.Join(", ", Written(groups).Select(c => "@" + c.Name))})";

    /// <summary>Binary COPY of the columns in <paramref name="groups"/> (and the key), into this table or another of its shape (a staging table).</summary>
    public string CopyOf(ColumnGroup groups, string? into = null) => $"COPY {into ?? Table} ({NamesOf(groups)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>How many values <see cref="Write"/> gives for <paramref name="groups"/>.</summary>
    public int CountOf(ColumnGroup groups) => Written(groups).Count();

    /// <summary>UPDATE of the columns in <paramref name="groups"/>, found by the key columns; <paramref name="also"/> is set besides (e.g. <c>deleted = true</c>).</summary>
    public string Update(ColumnGroup groups, string? also = null)
    {
        var set = Columns.Where(c => c.Group != ColumnGroup.Key && (c.Group & groups) != 0).Select(c => $"{c.Name} = @{c.Name}");
        var key = Columns.Where(c => c.Group == ColumnGroup.Key).Select(c => $"{c.Name} = @{c.Name}");
        return $"UPDATE {Table} SET {string.Join(", ", also is null ? set : set.Prepend(also))} WHERE {string.Join(" AND ", key)}";
    }

    /// <summary>The parameters of a statement that writes <paramref name="groups"/> (and always the key), for preparing it.</summary>
    public (string Name, ColumnType Type)[] Parameters(ColumnGroup groups = ColumnGroup.All) =>
        [.. Written(groups).Select(c => (c.Name, c.Type))];

    /// <summary>Gives the row's values of <paramref name="groups"/> (and the key) to <paramref name="values"/>, in the table's order.</summary>
    public void Write(IColumnValues values, TRow row, ColumnGroup groups = ColumnGroup.All)
    {
        var written = groups | ColumnGroup.Key;
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            if ((column.Group & written) != 0)
            {
                values.Next(column.Name);
                column.Value(values, row);
            }
        }
    }

    /// <summary>The row's values as parameters of a statement run once (<see cref="Insert"/> or <see cref="Update"/>).</summary>
    public (string, object?)[] Values(TRow row, ColumnGroup groups = ColumnGroup.All)
    {
        var values = new ParameterValues();
        Write(values, row, groups);
        return values.ToArray();
    }

    private string NamesOf(ColumnGroup groups) => string.Join(", ", Written(groups).Select(c => c.Name));

    private IEnumerable<Column<TRow>> Written(ColumnGroup groups) => Columns.Where(c => (c.Group & (groups | ColumnGroup.Key)) != 0);
}

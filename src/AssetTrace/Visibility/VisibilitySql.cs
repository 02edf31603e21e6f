namespace AssetTrace.Visibility;

/// <summary>
/// The SQL that keeps a viewer's rows: open rows, and rows restricted to one of the viewer's
/// cases. For a viewer who sees everything it names no parameter and costs nothing.
/// </summary>
public static class VisibilitySql
{
    /// <summary>A condition on <c>{alias}.restricted_case</c>; adds its parameters to <paramref name="parameters"/>.</summary>
    public static string Visible(string alias, Viewer viewer, List<(string, object?)> parameters)
    {
        if (viewer.SeesEverything)
        {
            return "1 = 1";
        }
        if (viewer.Cases.Count == 0)
        {
            return $"{alias}.restricted_case IS NULL";
        }
        var names = new List<string>();
        foreach (var caseId in viewer.Cases.Order(StringComparer.Ordinal))
        {
            var name = $"vis{parameters.Count}";
            parameters.Add((name, caseId));
            names.Add("@" + name);
        }
        return $"({alias}.restricted_case IS NULL OR {alias}.restricted_case IN ({string.Join(", ", names)}))";
    }

    /// <summary>
    /// A condition that keeps an edge only when it and both its ends are visible: an edge to a
    /// hidden node would otherwise show that something is there, and who it touches.
    /// </summary>
    public static string VisibleEdge(string alias, Viewer viewer, List<(string, object?)> parameters)
    {
        if (viewer.SeesEverything)
        {
            return "1 = 1";
        }
        var own = Visible(alias, viewer, parameters);
        var source = Visible("vs", viewer, parameters);
        var target = Visible("vt", viewer, parameters);
        return $"({own} AND EXISTS (SELECT 1 FROM nodes vs WHERE vs.id = {alias}.source_id AND {source})"
            + $" AND EXISTS (SELECT 1 FROM nodes vt WHERE vt.id = {alias}.target_id AND {target}))";
    }

    /// <summary>The condition for a row of <paramref name="table"/> ("nodes" or "edges"): <see cref="Visible"/> or <see cref="VisibleEdge"/>.</summary>
    public static string VisibleRow(string table, string alias, Viewer viewer, List<(string, object?)> parameters) =>
        table == "edges" ? VisibleEdge(alias, viewer, parameters) : Visible(alias, viewer, parameters);
}

namespace AssetTrace.Storage;

/// <summary>A JSON document as a command parameter: jsonb in PostgreSQL, text in SQLite.</summary>
public readonly record struct Json(string Text);

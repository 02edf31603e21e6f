using System.Runtime.CompilerServices;
using System.Text;
using AssetTrace.Interchange.Import;
using nietras.SeparatedValues;

namespace AssetTrace.Interchange.Icij;

/// <summary>
/// ICIJ Offshore Leaks CSV files as published for Neo4j: nodes-entities, nodes-officers,
/// nodes-intermediaries, nodes-addresses, nodes-others and relationships, with the current
/// (node_id, node_id_start, node_id_end) or older (_id, _start, _end) id columns. A run over a
/// folder reads the node files first, so relationships find both ends.
/// </summary>
public sealed class IcijFormat : IImportFormat
{
    public const string FormatName = "icij";

    public string Name => FormatName;

    public string Description => "ICIJ Offshore Leaks CSV files (nodes-*.csv, relationships.csv), current or older column layout.";

    public IEnumerable<string> Order(IEnumerable<string> files) =>
        files.Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f).Contains("relationship", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .ThenBy(f => f, StringComparer.Ordinal);

    public async IAsyncEnumerable<ImportItem> ReadAsync(string fileName, Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        using var text = new StreamReader(new Utf8CheckedStream(stream, fileName), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        using var reader = Open(fileName, text);
        var columns = new IcijColumns(reader.Header.ColNames);
        var file = IcijFiles.Detect(fileName, columns);
        if (file is null)
        {
            throw new ImportFormatException(new RecordLocation(fileName, 1, null),
                $"not an ICIJ file: the name should start nodes-entities, nodes-officers, nodes-intermediaries, nodes-addresses, nodes-others or relationships, and the header have a node id column; found {string.Join(",", reader.Header.ColNames)}.");
        }
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var (more, values, line) = Next(reader, fileName);
            if (!more)
            {
                yield break;
            }
            foreach (var item in IcijRows.Map(file.Value, columns, values!, new RecordLocation(fileName, line, null)))
            {
                yield return item;
            }
        }
    }

    private static SepReader Open(string fileName, TextReader text)
    {
        try
        {
            return Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true, DisableColCountCheck = true }).From(text);
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportFormatException(new RecordLocation(fileName, 1, null), "the file is not UTF-8 text (wrong encoding?).", e);
        }
    }

    private static (bool More, string[]? Values, long Line) Next(SepReader reader, string fileName)
    {
        try
        {
            if (!reader.MoveNext())
            {
                return (false, null, 0);
            }
            var row = reader.Current;
            // A quote that opens a value and never closes makes the rest of the file one value: nothing after it
            // can be read reliably, so the run stops (#12). Quotes come in pairs in well-formed CSV ("" inside a value too).
            if (row.Span.Count('"') % 2 != 0)
            {
                throw new ImportFormatException(new RecordLocation(fileName, row.LineNumberFrom, null),
                    "a quoted value that starts on this line is never closed (a missing or stray \" ): the rest of the file cannot be read reliably. Correct the quotes and import again.");
            }
            var values = new string[row.ColCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = row[i].ToString();
            }
            return (true, values, row.LineNumberFrom);
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportFormatException(new RecordLocation(fileName, 0, null), "the file is not UTF-8 text (wrong encoding?).", e);
        }
    }
}

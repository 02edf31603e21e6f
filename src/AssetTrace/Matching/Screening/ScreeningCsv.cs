using System.Globalization;
using System.Text;
using AssetTrace.Common;
using nietras.SeparatedValues;

namespace AssetTrace.Matching.Screening;

/// <summary>
/// A screening list as CSV (#14), in and out. In: a header of name (required), birthDate, country and
/// identifier in any order; any other column, or a bad cell, is an error naming its row and column, and
/// nothing is screened. Out: one line per match (and one for a row with none), UTF-8 with a byte-order
/// mark, so that a spreadsheet opens Cyrillic and Kazakh letters as such.
/// </summary>
public static class ScreeningCsv
{
    public static readonly string[] Columns = ["name", "birthDate", "country", "identifier"];

    public static readonly string[] OutputColumns =
        ["row", "inputName", "matchedName", "nodeId", "kind", "score", "explanation", "holdings", "connectedPersons"];

    /// <summary>Reads the rows of a file; the whole file is read and checked first.</summary>
    public static List<ScreenRow> Read(string path, int top)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException("file", $"'{path}' does not exist.");
        }
        var file = Path.GetFileName(path);
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true, HasHeader = true }).FromFile(path);
        var header = reader.Header.ColNames;
        var unknown = header.Where(c => !Columns.Contains(c, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0 || !header.Contains("name"))
        {
            throw new UserInputException(file, unknown.Count > 0
                ? $"column '{unknown[0]}' of the header is not one of {string.Join(", ", Columns)}; rename or remove it."
                : $"the header must name the column 'name' (and may name {string.Join(", ", Columns.Skip(1))}).");
        }
        var rows = new List<ScreenRow>();
        foreach (var row in reader)
        {
            if (rows.Count == ScreenRowChecks.MaxRows)
            {
                throw new UserInputException(file, $"holds more than {ScreenRowChecks.MaxRows:N0} rows; one screening takes at most {ScreenRowChecks.MaxRows:N0}: split the file.");
            }
            var cells = new string?[Columns.Length];
            for (var i = 0; i < Columns.Length; i++)
            {
                cells[i] = header.Contains(Columns[i]) ? ScreenRowChecks.Present(row[Columns[i]].ToString()) : null;
            }
            rows.Add(new ScreenRow(rows.Count + 1, cells[0] ?? "", cells[1], cells[2], cells[3]));
        }
        // Row n is line n + 1 of the file: the header is line 1 (a cell with a line break in quotes moves later lines on).
        ScreenRowChecks.Check(rows, top, file, (n, column) => $"{file} row {n} (line {n + 1}), column {column}");
        return rows;
    }

    /// <summary>Writes the result to a file next to <paramref name="path"/> and moves it into place, so a failure leaves no half-written file.</summary>
    public static async Task WriteAsync(string path, ScreeningResult result, CancellationToken ct)
    {
        var staged = path + ".partial";
        await using (var writer = new StreamWriter(staged, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            await writer.WriteLineAsync(string.Join(',', OutputColumns));
            foreach (var line in Lines(result))
            {
                ct.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(string.Join(',', line.Select(Cell)));
            }
        }
        File.Move(staged, path, overwrite: true);
    }

    /// <summary>The output's lines as cells, before quoting: one per match, one for a row with none.</summary>
    public static IEnumerable<string[]> Lines(ScreeningResult result)
    {
        foreach (var screened in result.Rows)
        {
            var number = screened.Row.Number.ToString(CultureInfo.InvariantCulture);
            if (screened.Matches.Count == 0)
            {
                yield return [number, screened.Row.Name, "", "", "", "", "no match at or above the threshold", "", ""];
            }
            foreach (var m in screened.Matches)
            {
                yield return [number, screened.Row.Name, m.Name, m.NodeId, Graph.Model.Codes.Of(m.Kind), m.Score.ToString("0.####", CultureInfo.InvariantCulture),
                    ScreeningText.Explanation(m.Explanation), ScreeningText.Holdings(m), ScreeningText.Connected(m)];
            }
        }
    }

    /// <summary>
    /// A cell, quoted. One that a spreadsheet would read as a formula (it starts with = + - @, a tab or a
    /// carriage return) is prefixed with an apostrophe: names come from imported files and open sources, and
    /// "=HYPERLINK(…)" in one must stay text when an analyst opens the output (CSV injection).
    /// </summary>
    public static string Cell(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

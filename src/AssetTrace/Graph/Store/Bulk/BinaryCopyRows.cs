using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using AssetTrace.Graph.Store.Tables;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>
/// Rows of one table encoded in PostgreSQL's binary COPY format as they are added, ready to be sent
/// whole through a raw COPY stream. Npgsql's row importer binds every value through a parameter
/// object and an async writer, which cost an import more than the server's COPY of the same rows;
/// encoding the few column types the graph tables have straight into one buffer does not.
/// See https://www.postgresql.org/docs/current/sql-copy.html (Binary Format) and each type's
/// <c>*_send</c> function for the layouts.
/// </summary>
internal sealed class BinaryCopyRows : IColumnValues
{
    // "PGCOPY\n\377\r\n\0", then no flags and no header extension.
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private const ushort NumericPositive = 0x0000;
    private const ushort NumericNegative = 0x4000;

    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);

    public int Count { get; private set; }

    /// <summary>Starts a row of <paramref name="fields"/> values; exactly that many must follow.</summary>
    public void Row(short fields)
    {
        if (_buffer.WrittenCount == 0)
        {
            _buffer.Write(Header);
        }
        var span = _buffer.GetSpan(2);
        BinaryPrimitives.WriteInt16BigEndian(span, fields);
        _buffer.Advance(2);
        Count++;
    }

    public void Null() => Length(-1);

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var span = _buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written);
        _buffer.Advance(4 + written);
    }

    /// <summary>A jsonb value from JSON text already in UTF-8: version byte 1, then the text.</summary>
    public void Jsonb(ReadOnlySpan<byte> utf8Json)
    {
        var span = _buffer.GetSpan(5 + utf8Json.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, 1 + utf8Json.Length);
        span[4] = 1;
        utf8Json.CopyTo(span[5..]);
        _buffer.Advance(5 + utf8Json.Length);
    }

    public void Integer(int value)
    {
        var span = _buffer.GetSpan(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
        _buffer.Advance(8);
    }

    public void Bigint(long value)
    {
        var span = _buffer.GetSpan(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
        _buffer.Advance(12);
    }

    public void Boolean(bool value)
    {
        var span = _buffer.GetSpan(5);
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        span[4] = value ? (byte)1 : (byte)0;
        _buffer.Advance(5);
    }

    /// <summary>Days since 2000-01-01.</summary>
    public void Date(DateOnly? value)
    {
        if (value is not { } date)
        {
            Null();
            return;
        }
        Integer(date.DayNumber - PostgresEpochDay);
    }

    /// <summary>Microseconds since 2000-01-01 00:00 UTC.</summary>
    public void TimestampTz(DateTimeOffset value) => Bigint((value.UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);

    /// <summary>
    /// numeric: the count of base-10000 digits, the weight of the first (its power of 10000), the sign,
    /// the display scale (digits after the point, kept as the decimal has them), then the digits.
    /// </summary>
    public void Numeric(decimal? value)
    {
        if (value is not { } number)
        {
            Null();
            return;
        }
        var negative = number < 0;
        var text = Math.Abs(number).ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        var scale = fraction.Length;
        whole = whole.TrimStart('0');
        // Align both parts on groups of four decimal digits around the point.
        var digits = whole.PadLeft((whole.Length + 3) / 4 * 4, '0') + fraction.PadRight((fraction.Length + 3) / 4 * 4, '0');
        var weight = (whole.Length + 3) / 4 - 1;
        Span<short> groups = stackalloc short[digits.Length / 4];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = short.Parse(digits.AsSpan(i * 4, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        var first = 0;
        while (first < groups.Length && groups[first] == 0)
        {
            first++;
            weight--;
        }
        var end = groups.Length;
        while (end > first && groups[end - 1] == 0)
        {
            end--;
        }
        var count = end - first;
        if (count == 0)
        {
            weight = 0;
        }
        var span = _buffer.GetSpan(12 + 2 * count);
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + 2 * count);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)count);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], negative && count > 0 ? NumericNegative : NumericPositive);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], (short)scale);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(12 + 2 * i)..], groups[first + i]);
        }
        _buffer.Advance(12 + 2 * count);
    }

    /// <summary>The rows with the format's trailer, to be written as one COPY; call <see cref="Clear"/> after.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        var span = _buffer.GetSpan(2);
        BinaryPrimitives.WriteInt16BigEndian(span, -1);
        _buffer.Advance(2);
        return _buffer.WrittenMemory;
    }

    public void Clear()
    {
        _buffer.ResetWrittenCount();
        Count = 0;
    }

    // A table description (see GraphTables) writes through these, in its columns' order: COPY goes by position.
    void IColumnValues.Next(string column)
    {
    }

    void IColumnValues.Json(JsonElement value) => Jsonb(JsonMarshal.GetRawUtf8Value(value));

    void IColumnValues.Instant(DateTimeOffset value) => TimestampTz(value);

    void IColumnValues.BigInteger(long value) => Bigint(value);

    void IColumnValues.Count(int value) => Integer(value);

    void IColumnValues.Bool(bool value) => Boolean(value);

    private void Length(int length)
    {
        var span = _buffer.GetSpan(4);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        _buffer.Advance(4);
    }
}

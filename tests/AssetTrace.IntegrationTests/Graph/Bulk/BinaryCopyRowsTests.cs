using System.Text;
using AssetTrace.Graph.Store.Bulk;
using AssetTrace.IntegrationTests.Infrastructure;
using Npgsql;

namespace AssetTrace.IntegrationTests.Graph.Bulk;

/// <summary>
/// The importer's own binary COPY encoding, checked by PostgreSQL itself: every value written
/// through a raw COPY must read back as the same value.
/// </summary>
public sealed class BinaryCopyRowsTests
{
    private static readonly decimal[] Shares =
    [
        0m, 0.0m, 1m, 25m, 25.00m, 33.3333m, 33.33333333333333333333333333m, 0.0001m, 0.00001m, 100m, 10000m, 12345.678m,
        99999999.99999999m, -1.5m, -0.0001m, 79228162514264337593543950335m, 0.0000000000000000000000000001m,
    ];

    [Fact]
    public async Task Every_column_type_the_importer_writes_reads_back_as_written()
    {
        await using var connection = new NpgsqlConnection(TestDatabases.ServerConnectionString());
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TEMPORARY TABLE copy_probe (n integer, t text, j jsonb, b bigint, f boolean, d date, ts timestamptz, share numeric)
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        var instant = new DateTimeOffset(2026, 11, 28, 10, 15, 30, 123, TimeSpan.FromHours(5)).AddTicks(4560);
        var rows = new BinaryCopyRows();
        for (var i = 0; i < Shares.Length; i++)
        {
            rows.Row(8);
            rows.Integer(i);
            rows.Text(i % 2 == 0 ? $"Нұрсұлтан Ltd № {i} 🏠" : null);
            rows.Jsonb(Encoding.UTF8.GetBytes($$"""{"name": "Ақмола", "i": {{i}}}"""));
            rows.Bigint(long.MaxValue - i);
            rows.Boolean(i % 3 == 0);
            rows.Date(i % 2 == 0 ? new DateOnly(1999 + i, 12, 31) : null);
            rows.TimestampTz(instant.AddDays(-i * 400));
            rows.Numeric(Shares[i]);
        }
        Assert.Equal(Shares.Length, rows.Count);
        await using (var copy = await connection.BeginRawBinaryCopyAsync("COPY copy_probe FROM STDIN (FORMAT BINARY)"))
        {
            await copy.WriteAsync(rows.Complete());
        }

        await using var read = new NpgsqlCommand("SELECT n, t, j->>'name', (j->>'i')::int, b, f, d, ts, share, share::text FROM copy_probe ORDER BY n", connection);
        await using var reader = await read.ExecuteReaderAsync();
        var seen = 0;
        while (await reader.ReadAsync())
        {
            var i = reader.GetInt32(0);
            Assert.Equal(seen++, i);
            Assert.Equal(i % 2 == 0 ? $"Нұрсұлтан Ltd № {i} 🏠" : null, reader.IsDBNull(1) ? null : reader.GetString(1));
            Assert.Equal("Ақмола", reader.GetString(2));
            Assert.Equal(i, reader.GetInt32(3));
            Assert.Equal(long.MaxValue - i, reader.GetInt64(4));
            Assert.Equal(i % 3 == 0, reader.GetBoolean(5));
            Assert.Equal(i % 2 == 0 ? new DateOnly(1999 + i, 12, 31) : (DateOnly?)null, reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6));
            Assert.Equal(instant.AddDays(-i * 400).UtcDateTime, reader.GetFieldValue<DateTime>(7));
            Assert.Equal(Shares[i], reader.GetDecimal(8));
            // The display scale travels too: 25.00 stays 25.00, as Npgsql's own writer keeps it.
            Assert.Equal(Shares[i].ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(9));
        }
        Assert.Equal(Shares.Length, seen);
    }
}

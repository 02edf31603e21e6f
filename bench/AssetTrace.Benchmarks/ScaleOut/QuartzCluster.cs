using Npgsql;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>
/// The Quartz scheduler instances that have checked in to the clustered store in the servers' PostgreSQL database
/// (#16, #18): one row per server in <c>qrtz_scheduler_state</c>, with the time of its last check-in.
/// </summary>
internal static class QuartzCluster
{
    public static async Task<string> DescribeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state ORDER BY instance_name", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            // Quartz.NET stores the check-in as UTC ticks, and the interval in milliseconds.
            var ago = now - new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero);
            rows.Add($"`{reader.GetString(0)}` checked in {ago.TotalSeconds:0.0} s ago (interval {reader.GetInt64(2) / 1000.0:0.0} s)");
        }
        return rows.Count == 0 ? "no instance checked in" : $"{rows.Count} instances: " + string.Join("; ", rows);
    }
}

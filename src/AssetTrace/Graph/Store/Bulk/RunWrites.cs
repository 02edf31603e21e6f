using System.Data.Common;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using AssetTrace.Storage;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>
/// Which record keys and ids an import run may already find in the store. When the store held
/// nothing of the run's format before the run began (the first import of a leak or a register, the
/// common case for the largest files), only what the run itself wrote can be found, and a Bloom
/// filter of what it wrote answers "certainly not there" for most of a chunk's lookups without
/// asking the store. Otherwise every key may exist and is looked up as before. The filter has a
/// fixed size, so memory stays flat however large the file; as it fills, more answers become
/// "maybe", which costs a lookup, never a wrong answer.
/// </summary>
internal sealed class RunWrites
{
    // 2^26 bits (8 MiB) with 7 probes: under 1% false "maybe"s up to about 7 million keys and ids.
    private const int Bits = 1 << 26;
    private const int Probes = 7;

    private readonly ulong[]? _filter;

    private RunWrites(bool storeHadFormat) => _filter = storeHadFormat ? null : new ulong[Bits / 64];

    /// <summary>Looks once, at the start of the run, for any record map, node or edge of the format.</summary>
    public static async Task<RunWrites> OpenAsync(DbConnection c, DbTransaction t, string format, CancellationToken ct)
    {
        // Record keys and imported ids all begin "<format>:"; ':' + 1 is ';', so the range holds exactly those (the columns sort by code point).
        var low = $"{format}:";
        var high = $"{format};";
        var found = await c.ScalarAsync<long>(t, """
            SELECT (SELECT count(*) FROM (SELECT 1 FROM interchange_records WHERE record_key >= @low AND record_key < @high LIMIT 1) r)
                 + (SELECT count(*) FROM (SELECT 1 FROM nodes WHERE id >= @low AND id < @high LIMIT 1) n)
                 + (SELECT count(*) FROM (SELECT 1 FROM edges WHERE id >= @low AND id < @high LIMIT 1) e)
            """, ct, ("low", low), ("high", high));
        return new RunWrites(storeHadFormat: found > 0);
    }

    /// <summary>False when the store certainly holds no row under this record key or id.</summary>
    public bool MayExist(string keyOrId)
    {
        if (_filter is null)
        {
            return true;
        }
        var (first, step) = Hash(keyOrId);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (first + (uint)i * step) & (Bits - 1);
            if ((_filter[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The run wrote a row under this record key or id.</summary>
    public void Wrote(string keyOrId)
    {
        if (_filter is null)
        {
            return;
        }
        var (first, step) = Hash(keyOrId);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (first + (uint)i * step) & (Bits - 1);
            _filter[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    // Two halves of one 64-bit hash, combined as g_i = h1 + i·h2 (Kirsch and Mitzenmacher); the step is odd so the probes differ.
    private static (uint First, uint Step) Hash(string value)
    {
        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()));
        return ((uint)hash, (uint)(hash >> 32) | 1);
    }
}

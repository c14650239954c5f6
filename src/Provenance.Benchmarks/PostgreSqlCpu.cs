using System.Diagnostics;
using System.Globalization;

namespace Provenance.Benchmarks;

/// <summary>
/// CPU time (user + system) of this process and of a local PostgreSQL server's processes, for the <c>postgresql</c> report:
/// on a shared machine wall time is mostly waiting for a core, and CPU time is the work itself. The server is found from one
/// backend's parent (the postmaster) in <c>/proc</c>; its processes are the postmaster's children. Where <c>/proc</c> does not
/// show them (a remote server, another OS) only the client is counted and <see cref="HasServer"/> is false. Backends that exit
/// during a measurement take their CPU time with them; the store keeps its pooled connections open, so a job's do not.
/// </summary>
internal sealed class PostgreSqlCpu
{
    // Linux reports /proc/<pid>/stat times in clock ticks of USER_HZ, which is 100 on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly int postmaster;

    private PostgreSqlCpu(int postmaster) => this.postmaster = postmaster;

    /// <summary>Whether the server's processes are counted.</summary>
    public bool HasServer => postmaster > 0;

    /// <summary>Finds the server behind a connection string.</summary>
    public static async Task<PostgreSqlCpu> OpenAsync(string connection)
    {
        await using var source = Npgsql.NpgsqlDataSource.Create(connection);
        await using var command = source.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return new PostgreSqlCpu(Stat(backend) is { } stat ? stat.Parent : 0);
    }

    /// <summary>Seconds of CPU used so far by this process and by the server's processes alive now.</summary>
    public double Now()
    {
        var total = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        if (postmaster <= 0)
        {
            return total;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } stat && (stat.Parent == postmaster || pid == postmaster))
            {
                total += stat.Ticks / TicksPerSecond;
            }
        }

        return total;
    }

    /// <summary>A process's parent and its user + system clock ticks, or null when it is gone or unreadable.</summary>
    private static (int Parent, long Ticks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ... utime stime ...": comm may hold spaces and parentheses, so fields count from the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}

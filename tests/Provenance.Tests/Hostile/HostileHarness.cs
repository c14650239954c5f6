using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using Provenance.Yaml;

namespace Provenance.Tests.Hostile;

/// <summary>
/// Runs untrusted-input work under a watchdog: on a worker thread with a small stack (so recursion that a deep input could
/// drive fails fast and in the same place on every machine, instead of only on a big input), and with a time limit (so a
/// hang fails the test instead of stalling the run). This is a hang detector, not a performance assertion: the limit is
/// minutes, far above what any of these inputs needs.
/// </summary>
internal static class HostileHarness
{
    /// <summary>The worker's stack: 256 KiB, an eighth of the default, so a recursion depth regression fails deterministically.</summary>
    public const int SmallStack = 256 * 1024;

    /// <summary>How long one piece of work may run before it counts as a hang.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(3);

    /// <summary>How long a timed-out worker gets to notice the cancellation and end before the failure says it is still running.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="work"/> on a small-stack worker; fails the test if it does not finish in <paramref name="limit"/>.</summary>
    public static T Run<T>(string what, Func<T> work, TimeSpan? limit = null) => Run(what, _ => work(), limit);

    /// <summary>
    /// Runs <paramref name="work"/> on a small-stack worker; fails the test if it does not finish in <paramref name="limit"/>.
    /// On a timeout the token is cancelled and the worker gets <see cref="StopGrace"/> to end; work that checks the token
    /// stops there instead of running on beside the rest of the test run.
    /// </summary>
    public static T Run<T>(string what, Func<CancellationToken, T> work, TimeSpan? limit = null)
    {
        T result = default!;
        ExceptionDispatchInfo? error = null;
        using var cancel = new CancellationTokenSource();
        var token = cancel.Token;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work(token);
                }
                catch (Exception ex)
                {
                    error = ExceptionDispatchInfo.Capture(ex);
                }
            },
            SmallStack)
        {
            IsBackground = true,
            Name = "hostile-input worker",
        };
        thread.Start();
        if (!thread.Join(limit ?? HangLimit))
        {
            Assert.Fail($"{what}: did not finish within {(limit ?? HangLimit).TotalSeconds:0} s; the input hangs the library.{Stop(thread, cancel)}");
        }

        error?.Throw();
        return result;
    }

    /// <summary>
    /// Runs <paramref name="item"/> for <c>from..to-1</c> on one small-stack worker, failing the test when any single item runs
    /// longer than <paramref name="perItem"/> (a hang) and naming that item. After a hang the worker runs no further item.
    /// </summary>
    public static void RunEach(string what, int from, int to, TimeSpan perItem, Action<int> item)
    {
        var current = from;
        var started = Stopwatch.GetTimestamp();
        ExceptionDispatchInfo? error = null;
        using var cancel = new CancellationTokenSource();
        var token = cancel.Token;
        var thread = new Thread(
            () =>
            {
                try
                {
                    for (var i = from; i < to && !token.IsCancellationRequested; i++)
                    {
                        Volatile.Write(ref started, Stopwatch.GetTimestamp());
                        Volatile.Write(ref current, i);
                        item(i);
                    }
                }
                catch (Exception ex)
                {
                    error = ExceptionDispatchInfo.Capture(ex);
                }
            },
            SmallStack)
        {
            IsBackground = true,
            Name = "hostile-input worker",
        };
        thread.Start();
        while (!thread.Join(TimeSpan.FromMilliseconds(250)))
        {
            if (Stopwatch.GetElapsedTime(Volatile.Read(ref started)) > perItem)
            {
                var hung = Volatile.Read(ref current);
                Assert.Fail($"{what}: item {hung} did not finish within {perItem.TotalSeconds:0} s; the input hangs the library.{Stop(thread, cancel)}");
            }
        }

        error?.Throw();
    }

    /// <summary>Cancels a timed-out worker and waits <see cref="StopGrace"/> for it; says so when it is still running.</summary>
    private static string Stop(Thread thread, CancellationTokenSource cancel)
    {
        cancel.Cancel();
        return thread.Join(StopGrace)
            ? " The worker was stopped."
            : $" The worker is still running after {StopGrace.TotalSeconds:0} s (a hang inside the library cannot be interrupted); it is a background thread and ends with the test process.";
    }

    /// <summary>
    /// Loads YAML bytes through every entry point (file, stream, TryLoad) under the watchdog and returns the graph, or the
    /// single <see cref="GraphValidationException"/> all of them agree on. Any other exception type fails the test.
    /// </summary>
    public static (CitationGraph? Graph, GraphValidationException? Error, string File) LoadYaml(string what, byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), "provenance-hostile-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllBytes(file, bytes);
        try
        {
            return Run(what, () =>
            {
                var fromFile = Outcome(what + " (file)", () => ProvenanceYaml.Load(file));
                var fromStream = Outcome(what + " (stream)", () => ProvenanceYaml.Load(new MemoryStream(bytes), file));
                var tried = ProvenanceYaml.TryLoad(file, out var graph, out var diagnostics);

                Assert.Equal(fromFile.Error?.Message, fromStream.Error?.Message);
                Assert.Equal(fromFile.Graph is null, fromStream.Graph is null);
                Assert.Equal(fromFile.Graph is not null, tried);
                Assert.Equal(tried, graph is not null);
                Assert.Equal(tried, diagnostics.IsEmpty);
                if (fromFile.Error is { } error)
                {
                    Assert.Equal(error.Diagnostics.Select(d => d.ToString()), diagnostics.Select(d => d.ToString()));
                }

                return (fromFile.Graph, fromFile.Error, file);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs a load; returns its graph or its <see cref="GraphValidationException"/>; fails on any other exception.</summary>
    public static (CitationGraph? Graph, GraphValidationException? Error) Outcome(string what, Func<CitationGraph> load)
    {
        try
        {
            return (load(), null);
        }
        catch (GraphValidationException ex)
        {
            Assert.False(ex.Diagnostics.IsDefaultOrEmpty, what);
            return (null, ex);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{what}: threw {ex.GetType().FullName} instead of a GraphValidationException:\n{ex}");
            throw;
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>
/// Applies seeded random mutations to a valid file: bit flips, deleted and duplicated byte and line ranges, swapped and
/// shuffled lines, inserted special characters and invalid UTF-8, values swapped between scalar, sequence and mapping,
/// renamed ids, shifted indentation and truncation. Mutation <c>i</c> of seed <c>s</c> is the same on every machine.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Specials =
    [
        "\0", "\t", "\r", "\n", "\"", "'", "\\", "&a ", "*a", "&a", "!!binary ", "!x ", "{", "}", "[", "]", ": ", "- ", "? ", "#",
        "\uFEFF", "\u2028", "\u0085", "~", "---\n", "...\n", "|", ">", "%", "@", "`", "é", "ТАСС", "\U0001F600", "<<: ", ",", "null",
        "true", "1e999", "-0", "0x", "\"\\u\"", "\\u0000", "}]\"", "\"]; x -> y [label=\"", "-->", "%%", "9999-12-31T23:00:00-14:00",
    ];

    private static readonly string[] Values =
    [
        "[a, b]", "{k: v}", "", "x", "[]", "{}", "\"\"", "null", "~", "- y", "123", "true", "[[[]]]", "{\"id\": 1}", "\"s\"", "[\"a\"]", "{\"a\": {}}",
    ];

    private static readonly string[] IdKeys = ["id", "source", "report", "claim", "affiliation", "contradicts", "from", "to", "cited-in"];

    /// <summary>One to three mutations of <paramref name="input"/>, and what they were.</summary>
    public static (byte[] Bytes, string What) Mutate(byte[] input, Random random)
    {
        var bytes = input;
        var what = new List<string>();
        var steps = 1 + random.Next(3);
        for (var s = 0; s < steps; s++)
        {
            (bytes, var step) = MutateOnce(bytes, random);
            what.Add(step);
        }

        return (bytes, string.Join("; ", what));
    }

    private static (byte[], string) MutateOnce(byte[] bytes, Random random)
    {
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
        switch (random.Next(13))
        {
            case 0 when bytes.Length > 0:
            {
                var copy = (byte[])bytes.Clone();
                var bit = random.Next(8);
                copy[at] ^= (byte)(1 << bit);
                return (copy, $"flip bit {bit} at {at}");
            }

            case 1:
            {
                var length = Math.Min(bytes.Length - at, 1 + random.Next(32));
                return ([.. bytes[..at], .. bytes[(at + length)..]], $"delete {length} bytes at {at}");
            }

            case 2:
            {
                var lines = Lines(bytes);
                var (from, count) = Range(lines.Count, random);
                lines.InsertRange(from + count, lines.GetRange(from, count));
                return (Join(lines), $"duplicate lines {from}+{count}");
            }

            case 3:
            {
                var lines = Lines(bytes);
                var (from, count) = Range(lines.Count, random);
                lines.RemoveRange(from, count);
                return (Join(lines), $"delete lines {from}+{count}");
            }

            case 4:
            {
                var lines = Lines(bytes);
                int a = random.Next(lines.Count), b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return (Join(lines), $"swap lines {a} and {b}");
            }

            case 5:
            {
                var lines = Lines(bytes);
                var (from, count) = Range(lines.Count, random, 8);
                var part = lines.GetRange(from, count).ToArray();
                random.Shuffle(part);
                lines.RemoveRange(from, count);
                lines.InsertRange(from, part);
                return (Join(lines), $"shuffle lines {from}+{count}");
            }

            case 6:
            {
                var special = Specials[random.Next(Specials.Length)];
                return ([.. bytes[..at], .. Encoding.UTF8.GetBytes(special), .. bytes[at..]], $"insert {Show(special)} at {at}");
            }

            case 7:
            {
                byte[] bad = random.Next(4) switch { 0 => [0xFF], 1 => [0xC3], 2 => [0xED, 0xA0, 0x80], _ => [0xC0, 0xAF] };
                return ([.. bytes[..at], .. bad, .. bytes[at..]], $"insert invalid UTF-8 {Convert.ToHexString(bad)} at {at}");
            }

            case 8:
            {
                // Swap a value's type: whatever follows a key's ':' on its line becomes another shape.
                var text = Encoding.UTF8.GetString(bytes);
                var colon = text.IndexOf(':', (int)Math.Min(text.Length, (long)at * text.Length / Math.Max(1, bytes.Length)));
                if (colon < 0)
                {
                    return (bytes, "no value to swap");
                }

                var end = text.IndexOfAny([',', '\n', '}'], colon + 1);
                end = end < 0 ? text.Length : end;
                var value = Values[random.Next(Values.Length)];
                return (Encoding.UTF8.GetBytes(text[..(colon + 1)] + " " + value + text[end..]), $"value after char {colon} becomes {Show(value)}");
            }

            case 9:
            {
                // Rename an id where it is defined or referenced: change its case, extend it, blank it, or swap in another.
                var text = Encoding.UTF8.GetString(bytes);
                var key = IdKeys[random.Next(IdKeys.Length)];
                var spots = new List<int>();
                foreach (var marker in (string[])[key + ": ", "\"" + key + "\": \"", "\"" + key + "\":\""])
                {
                    for (var i = text.IndexOf(marker, StringComparison.Ordinal); i >= 0; i = text.IndexOf(marker, i + 1, StringComparison.Ordinal))
                    {
                        spots.Add(i + marker.Length);
                    }
                }

                if (spots.Count == 0)
                {
                    return (bytes, $"no '{key}' to rename");
                }

                var start = spots[random.Next(spots.Count)];
                var stop = start;
                while (stop < text.Length && (char.IsAsciiLetterOrDigit(text[stop]) || text[stop] is '-' or '_' or '.' or ':' or '/' or '~'))
                {
                    stop++;
                }

                var id = text[start..stop];
                var other = spots[random.Next(spots.Count)];
                var renamed = random.Next(5) switch
                {
                    0 => id.ToUpperInvariant(),
                    1 => id + "x",
                    2 => "",
                    3 => id.Length > 1 ? id[..^1] : "_",
                    _ => text[other..Math.Min(text.Length, other + Math.Max(1, id.Length))],
                };
                return (Encoding.UTF8.GetBytes(text[..start] + renamed + text[stop..]), $"rename '{id}' at char {start} to {Show(renamed)}");
            }

            case 10:
            {
                var lines = Lines(bytes);
                var line = random.Next(lines.Count);
                lines[line] = random.Next(2) == 0 ? [.. " "u8, .. " "u8, .. lines[line]] : lines[line].Length > 0 ? lines[line][1..] : lines[line];
                return (Join(lines), $"shift indentation of line {line}");
            }

            case 11:
                return (bytes[..at], $"truncate at {at}");

            default:
            {
                var length = Math.Min(bytes.Length - at, 1 + random.Next(64));
                var to = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
                return ([.. bytes[..to], .. bytes[at..(at + length)], .. bytes[to..]], $"copy {length} bytes from {at} to {to}");
            }
        }
    }

    private static (int From, int Count) Range(int lines, Random random, int most = 6)
    {
        var from = random.Next(Math.Max(1, lines));
        return (Math.Min(from, lines), Math.Min(lines - Math.Min(from, lines), 1 + random.Next(most)));
    }

    private static List<byte[]> Lines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        lines.Add(bytes[start..]);
        return lines;
    }

    private static byte[] Join(List<byte[]> lines)
    {
        var result = new List<byte>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                result.Add((byte)'\n');
            }

            result.AddRange(lines[i]);
        }

        return [.. result];
    }

    private static string Show(string text) => "'" + string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString())) + "'";
}

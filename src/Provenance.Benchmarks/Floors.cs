using System.Buffers;
using System.Text.Json;

namespace Provenance.Benchmarks;

/// <summary>
/// The floors the library is measured against: the least work that reads the same input or walks the same arrays,
/// with none of the library's validation, bookkeeping or result objects.
/// </summary>
internal static class Floors
{
    /// <summary>Reads every line of a JSON Lines file and every token on it, materialising nothing.</summary>
    /// <returns>The number of tokens, so the work cannot be optimised away.</returns>
    public static long ReadJsonLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        long tokens = 0;
        try
        {
            int start = 0, end = 0;
            var eof = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    tokens += Tokens(buffer.AsSpan(start, newline));
                    start += newline + 1;
                    continue;
                }

                if (eof)
                {
                    tokens += end > start ? Tokens(buffer.AsSpan(start, end - start)) : 0;
                    return tokens;
                }

                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
                if (end == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                eof = read == 0;
                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Breadth-first walk from every report asserting a claim along its citations for that claim, over the graph's
    /// CSR arrays, with a caller-owned visited array and queue.
    /// </summary>
    /// <returns>The number of reports reached.</returns>
    public static int WalkClaim(CitationGraph graph, int claim, int[] stamp, int mark, int[] queue)
    {
        int head = 0, tail = 0;
        for (var i = graph.ClaimAssertionStart[claim]; i < graph.ClaimAssertionStart[claim + 1]; i++)
        {
            var report = graph.AssertionReport[graph.ClaimAssertions[i]];
            if (stamp[report] != mark)
            {
                stamp[report] = mark;
                queue[tail++] = report;
            }
        }

        while (head < tail)
        {
            var report = queue[head++];
            for (var i = graph.OutStart[report]; i < graph.OutStart[report + 1]; i++)
            {
                var citation = graph.OutCitations[i];
                var to = graph.CitationTo[citation];
                if (graph.CitationClaim[citation] == claim && stamp[to] != mark)
                {
                    stamp[to] = mark;
                    queue[tail++] = to;
                }
            }
        }

        return tail;
    }

    /// <summary>Breadth-first walk against the citations from every report of a source: everything downstream of it.</summary>
    /// <returns>The number of reports reached.</returns>
    public static int WalkDownstream(CitationGraph graph, int source)
    {
        var seen = new bool[graph.Reports.Length];
        var queue = new int[graph.Reports.Length];
        int head = 0, tail = 0;
        for (var i = graph.SourceReportStart[source]; i < graph.SourceReportStart[source + 1]; i++)
        {
            var report = graph.SourceReports[i];
            seen[report] = true;
            queue[tail++] = report;
        }

        while (head < tail)
        {
            var report = queue[head++];
            for (var i = graph.InStart[report]; i < graph.InStart[report + 1]; i++)
            {
                var from = graph.CitationFrom[graph.InCitations[i]];
                if (!seen[from])
                {
                    seen[from] = true;
                    queue[tail++] = from;
                }
            }
        }

        return tail;
    }

    /// <summary>
    /// Strongly connected components of the report graph (all claims together) by an iterative Tarjan over the CSR
    /// arrays: the floor for finding citation cycles.
    /// </summary>
    /// <returns>The number of components with more than one report.</returns>
    public static int CyclicComponents(CitationGraph graph)
    {
        var n = graph.Reports.Length;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        var stack = new int[n];
        var callNode = new int[n];
        var callEdge = new int[n];
        Array.Fill(index, -1);
        int counter = 0, top = 0, components = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            var depth = 0;
            callNode[0] = root;
            callEdge[0] = graph.OutStart[root];
            index[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0)
            {
                var v = callNode[depth];
                if (callEdge[depth] < graph.OutStart[v + 1])
                {
                    var w = graph.CitationTo[graph.OutCitations[callEdge[depth]++]];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = graph.OutStart[w];
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    var size = 0;
                    int w;
                    do
                    {
                        w = stack[--top];
                        onStack[w] = false;
                        size++;
                    }
                    while (w != v);

                    components += size > 1 ? 1 : 0;
                }

                depth--;
                if (depth >= 0)
                {
                    var parent = callNode[depth];
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return components;
    }

    private static int Tokens(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return 0;
        }

        var reader = new Utf8JsonReader(line);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}

using System.Diagnostics.CodeAnalysis;
using QuikGraph;

namespace Provenance.QuikGraph;

/// <summary>
/// A read-only QuikGraph graph of who cites whom among sources: one vertex per source, one edge per citing and cited source
/// pair, carrying the number of citations between their reports. Made by
/// <see cref="CitationGraphQuikGraphExtensions.AsSourceQuikGraph(CitationGraph, string?)"/>. Immutable, thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Unlike <see cref="CitationGraphView"/>, this view keeps an index of its own, built once in O(citations + sources): the
/// pairs sorted by citing then cited source, and their order by cited source. A source citing its own reports gets an edge
/// to itself. Over one claim, the vertices are the sources of the reports asserting the claim and the edges count the
/// claim's citations only.
/// </para>
/// <para>
/// Like QuikGraph's own graphs, members given a vertex that is not in the view throw <see cref="VertexNotFoundException"/>,
/// except <c>Contains…</c> and <c>TryGet…</c>, which return <see langword="false"/>. The view implements no mutable
/// QuikGraph interface.
/// </para>
/// </remarks>
public sealed class SourceGraphView : IBidirectionalGraph<SourceVertex, SourceEdge>
{
    private readonly CitationGraph graph;
    private readonly bool[]? isMember;
    private readonly int[]? members;
    private readonly int[] outStart;
    private readonly int[] edgeTo;
    private readonly int[] edgeFrom;
    private readonly int[] edgeCount;
    private readonly int[] inStart;
    private readonly int[] inEdges;

    internal SourceGraphView(CitationGraph graph, int claim)
    {
        this.graph = graph;
        var sources = graph.Sources.Length;
        int[] citations;
        if (claim < 0)
        {
            citations = new int[graph.Citations.Length];
            for (var i = 0; i < citations.Length; i++)
            {
                citations[i] = i;
            }
        }
        else
        {
            ClaimId = graph.Claims[claim].Id;
            isMember = new bool[sources];
            var list = new List<int>();
            for (var i = graph.ClaimAssertionStart[claim]; i < graph.ClaimAssertionStart[claim + 1]; i++)
            {
                var u = graph.AssertionReport[graph.ClaimAssertions[i]];
                isMember[graph.ReportSource[u]] = true;
                for (var p = graph.OutStart[u]; p < graph.OutStart[u + 1]; p++)
                {
                    if (graph.CitationClaim[graph.OutCitations[p]] == claim)
                    {
                        list.Add(graph.OutCitations[p]);
                    }
                }
            }

            citations = [.. list];
            members = [.. Enumerable.Range(0, sources).Where(s => isMember[s])];
        }

        var from = new int[citations.Length];
        var to = new int[citations.Length];
        for (var i = 0; i < citations.Length; i++)
        {
            from[i] = graph.ReportSource[graph.CitationFrom[citations[i]]];
            to[i] = graph.ReportSource[graph.CitationTo[citations[i]]];
        }

        // Sorted by (from, to): a stable counting sort by the cited source, then by the citing one.
        var order = StableOrder(from, sources, StableOrder(to, sources, null));
        var pairs = new List<(int From, int To, int Count)>();
        foreach (var i in order)
        {
            if (pairs.Count > 0 && pairs[^1].From == from[i] && pairs[^1].To == to[i])
            {
                pairs[^1] = (from[i], to[i], pairs[^1].Count + 1);
            }
            else
            {
                pairs.Add((from[i], to[i], 1));
            }
        }

        edgeFrom = [.. pairs.Select(p => p.From)];
        edgeTo = [.. pairs.Select(p => p.To)];
        edgeCount = [.. pairs.Select(p => p.Count)];
        outStart = Starts(edgeFrom, sources);
        inStart = Starts(edgeTo, sources);
        inEdges = StableOrder(edgeTo, sources, null);
    }

    /// <summary>The graph the view reads.</summary>
    public CitationGraph Graph => graph;

    /// <summary>The claim whose citations the view counts, or <see langword="null"/> when it counts every citation.</summary>
    public string? ClaimId { get; }

    /// <summary>Always <see langword="true"/>.</summary>
    public bool IsDirected => true;

    /// <summary>Always <see langword="false"/>: one edge per pair of sources.</summary>
    public bool AllowParallelEdges => false;

    /// <summary>Whether the view has no vertices.</summary>
    public bool IsVerticesEmpty => VertexCount == 0;

    /// <summary>The number of sources in the view: every source, or for one claim those with a report asserting it.</summary>
    public int VertexCount => members?.Length ?? graph.Sources.Length;

    /// <summary>The sources in the view, in graph order.</summary>
    public IEnumerable<SourceVertex> Vertices
    {
        get
        {
            var count = VertexCount;
            for (var i = 0; i < count; i++)
            {
                yield return new SourceVertex(graph, members is null ? i : members[i]);
            }
        }
    }

    /// <summary>Whether the view has no edges.</summary>
    public bool IsEdgesEmpty => edgeFrom.Length == 0;

    /// <summary>The number of citing and cited source pairs.</summary>
    public int EdgeCount => edgeFrom.Length;

    /// <summary>The edges, ordered by citing source, then cited source.</summary>
    public IEnumerable<SourceEdge> Edges
    {
        get
        {
            for (var e = 0; e < edgeFrom.Length; e++)
            {
                yield return Edge(e);
            }
        }
    }

    /// <summary>Gets the vertex of a source.</summary>
    /// <param name="sourceId">The source's id.</param>
    /// <returns>Its vertex.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sourceId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No source has that id.</exception>
    /// <exception cref="VertexNotFoundException">The view is over one claim and no report of the source asserts it.</exception>
    public SourceVertex Vertex(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        if (!graph.TryGetSourceIndex(sourceId, out var s))
        {
            throw new KeyNotFoundException($"No source has the id '{sourceId}'.");
        }

        var v = new SourceVertex(graph, s);
        Check(v);
        return v;
    }

    /// <summary>Whether the source is a vertex of this view.</summary>
    /// <param name="vertex">The vertex.</param>
    /// <returns><see langword="true"/> when it is a source of this graph (with a report asserting the claim, for a claim's view).</returns>
    public bool ContainsVertex(SourceVertex vertex) => vertex.BelongsTo(graph) && (isMember is null || isMember[vertex.Index]);

    /// <summary>Whether the edge is one of this view's, count included.</summary>
    /// <param name="edge">The edge.</param>
    /// <returns><see langword="true"/> when the view has this edge.</returns>
    public bool ContainsEdge(SourceEdge edge)
    {
        if (!edge.BelongsTo(graph))
        {
            return false;
        }

        var (from, to) = edge.Ends;
        var e = Find(from, to);
        return e >= 0 && edgeCount[e] == edge.CitationCount;
    }

    /// <summary>Whether a source cites another.</summary>
    /// <param name="source">The citing source.</param>
    /// <param name="target">The cited source.</param>
    /// <returns><see langword="true"/> when the view has an edge between them.</returns>
    public bool ContainsEdge(SourceVertex source, SourceVertex target) => TryGetEdge(source, target, out _);

    /// <summary>Gets the edge from one source to another.</summary>
    /// <param name="source">The citing source.</param>
    /// <param name="target">The cited source.</param>
    /// <param name="edge">The edge, when found.</param>
    /// <returns><see langword="true"/> when found; <see langword="false"/> also when a vertex is not in the view.</returns>
    public bool TryGetEdge(SourceVertex source, SourceVertex target, out SourceEdge edge)
    {
        var e = ContainsVertex(source) && ContainsVertex(target) ? Find(source.Index, target.Index) : -1;
        edge = e >= 0 ? Edge(e) : default;
        return e >= 0;
    }

    /// <summary>Gets the edges from one source to another: one or none.</summary>
    /// <param name="source">The citing source.</param>
    /// <param name="target">The cited source.</param>
    /// <param name="edges">The edge, or none, when <paramref name="source"/> is in the view.</param>
    /// <returns><see langword="true"/> when <paramref name="source"/> is in the view, as QuikGraph's graphs answer.</returns>
    public bool TryGetEdges(SourceVertex source, SourceVertex target, [NotNullWhen(true)] out IEnumerable<SourceEdge>? edges)
    {
        if (!ContainsVertex(source))
        {
            edges = null;
            return false;
        }

        edges = TryGetEdge(source, target, out var edge) ? [edge] : [];
        return true;
    }

    /// <summary>Whether a source cites no source.</summary>
    /// <param name="vertex">The source.</param>
    /// <returns><see langword="true"/> when it has no out-edges.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public bool IsOutEdgesEmpty(SourceVertex vertex) => OutDegree(vertex) == 0;

    /// <summary>The number of sources a source cites.</summary>
    /// <param name="vertex">The source.</param>
    /// <returns>Its out-degree.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public int OutDegree(SourceVertex vertex)
    {
        Check(vertex);
        return outStart[vertex.Index + 1] - outStart[vertex.Index];
    }

    /// <summary>The edges to the sources a source cites, ordered by cited source.</summary>
    /// <param name="vertex">The citing source.</param>
    /// <returns>Its out-edges.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public IEnumerable<SourceEdge> OutEdges(SourceVertex vertex)
    {
        Check(vertex);
        return OutEdgesCore(vertex.Index);
    }

    /// <summary>Gets the edges to the sources a source cites.</summary>
    /// <param name="vertex">The citing source.</param>
    /// <param name="edges">Its out-edges, when it is in the view.</param>
    /// <returns><see langword="true"/> when it is in the view.</returns>
    public bool TryGetOutEdges(SourceVertex vertex, [NotNullWhen(true)] out IEnumerable<SourceEdge>? edges)
    {
        edges = ContainsVertex(vertex) ? OutEdgesCore(vertex.Index) : null;
        return edges is not null;
    }

    /// <summary>The <paramref name="index"/>-th out-edge of a source.</summary>
    /// <param name="vertex">The citing source.</param>
    /// <param name="index">The position among its out-edges, from 0.</param>
    /// <returns>The edge.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than the out-degree.</exception>
    public SourceEdge OutEdge(SourceVertex vertex, int index)
    {
        var degree = OutDegree(vertex);
        CheckIndex(index, degree, vertex);
        return Edge(outStart[vertex.Index] + index);
    }

    /// <summary>Whether no source cites a source.</summary>
    /// <param name="vertex">The source.</param>
    /// <returns><see langword="true"/> when it has no in-edges.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public bool IsInEdgesEmpty(SourceVertex vertex) => InDegree(vertex) == 0;

    /// <summary>The number of sources that cite a source.</summary>
    /// <param name="vertex">The source.</param>
    /// <returns>Its in-degree.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public int InDegree(SourceVertex vertex)
    {
        Check(vertex);
        return inStart[vertex.Index + 1] - inStart[vertex.Index];
    }

    /// <summary>The edges from the sources that cite a source, ordered by citing source.</summary>
    /// <param name="vertex">The cited source.</param>
    /// <returns>Its in-edges.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public IEnumerable<SourceEdge> InEdges(SourceVertex vertex)
    {
        Check(vertex);
        return InEdgesCore(vertex.Index);
    }

    /// <summary>Gets the edges from the sources that cite a source.</summary>
    /// <param name="vertex">The cited source.</param>
    /// <param name="edges">Its in-edges, when it is in the view.</param>
    /// <returns><see langword="true"/> when it is in the view.</returns>
    public bool TryGetInEdges(SourceVertex vertex, [NotNullWhen(true)] out IEnumerable<SourceEdge>? edges)
    {
        edges = ContainsVertex(vertex) ? InEdgesCore(vertex.Index) : null;
        return edges is not null;
    }

    /// <summary>The <paramref name="index"/>-th in-edge of a source.</summary>
    /// <param name="vertex">The cited source.</param>
    /// <param name="index">The position among its in-edges, from 0.</param>
    /// <returns>The edge.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than the in-degree.</exception>
    public SourceEdge InEdge(SourceVertex vertex, int index)
    {
        var degree = InDegree(vertex);
        CheckIndex(index, degree, vertex);
        return Edge(inEdges[inStart[vertex.Index] + index]);
    }

    /// <summary>The in-degree plus the out-degree of a source.</summary>
    /// <param name="vertex">The source.</param>
    /// <returns>Its degree.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public int Degree(SourceVertex vertex) => InDegree(vertex) + OutDegree(vertex);

    /// <summary>The positions 0..keys.Length-1 (or those of <paramref name="within"/>, in its order) stably sorted by key.</summary>
    private static int[] StableOrder(int[] keys, int buckets, int[]? within)
    {
        var next = Starts(keys, buckets);
        var order = new int[keys.Length];
        for (var j = 0; j < keys.Length; j++)
        {
            var i = within is null ? j : within[j];
            order[next[keys[i]]++] = i;
        }

        return order;
    }

    private static int[] Starts(int[] keys, int buckets)
    {
        var start = new int[buckets + 1];
        foreach (var k in keys)
        {
            start[k + 1]++;
        }

        for (var i = 0; i < buckets; i++)
        {
            start[i + 1] += start[i];
        }

        return start;
    }

    private static void CheckIndex(int index, int degree, SourceVertex vertex)
    {
        if (index < 0 || index >= degree)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, ViewMessages.EdgeIndex(index, degree, "source", vertex.Id));
        }
    }

    private SourceEdge Edge(int e) => new(graph, edgeFrom[e], edgeTo[e], edgeCount[e]);

    /// <summary>The edge from <paramref name="from"/> to <paramref name="to"/>, or -1: a binary search of the sorted out-slice.</summary>
    private int Find(int from, int to)
    {
        var e = Array.BinarySearch(edgeTo, outStart[from], outStart[from + 1] - outStart[from], to);
        return e >= 0 ? e : -1;
    }

    private IEnumerable<SourceEdge> OutEdgesCore(int s)
    {
        for (var e = outStart[s]; e < outStart[s + 1]; e++)
        {
            yield return Edge(e);
        }
    }

    private IEnumerable<SourceEdge> InEdgesCore(int s)
    {
        for (var i = inStart[s]; i < inStart[s + 1]; i++)
        {
            yield return Edge(inEdges[i]);
        }
    }

    private void Check(SourceVertex vertex)
    {
        if (ContainsVertex(vertex))
        {
            return;
        }

        var message = vertex.IsDefault ? ViewMessages.DefaultVertex
            : !vertex.BelongsTo(graph) ? ViewMessages.NotInGraph("source", vertex.Id)
            : ViewMessages.SourceNotInClaim(vertex.Id, ClaimId!);
        throw new VertexNotFoundException(message, null);
    }
}

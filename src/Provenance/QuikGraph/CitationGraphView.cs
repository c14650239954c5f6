using System.Diagnostics.CodeAnalysis;
using QuikGraph;

namespace Provenance.QuikGraph;

/// <summary>
/// A read-only QuikGraph graph over a <see cref="CitationGraph"/>'s own arrays, copying nothing: reports are the
/// vertices and citations the edges, from the citing report to the cited one. Made by
/// <see cref="CitationGraphQuikGraphExtensions.AsQuikGraph(CitationGraph)"/> (every report and citation) or
/// <see cref="CitationGraphQuikGraphExtensions.AsQuikGraph(CitationGraph, string)"/> (one claim). Immutable, thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Over the whole graph, <see cref="VertexCount"/> is the number of reports and <see cref="EdgeCount"/> the number of
/// citations; citations between the same two reports for different claims are different (parallel) edges. Over one
/// claim, the vertices are the reports asserting the claim (a citation's two reports always do) and the edges the claim's
/// citations, which are never parallel. Out- and in-edges come in the order the citations were added.
/// </para>
/// <para>
/// Like QuikGraph's own graphs, members given a vertex that is not in the view throw <see cref="VertexNotFoundException"/>,
/// except <c>Contains…</c> and <c>TryGet…</c>, which return <see langword="false"/>. The view implements no mutable
/// QuikGraph interface; the graph it reads cannot change.
/// </para>
/// </remarks>
public sealed class CitationGraphView : IBidirectionalGraph<ReportVertex, CitationEdge>
{
    private readonly CitationGraph graph;
    private readonly int claim;
    private readonly int edgeCount;

    internal CitationGraphView(CitationGraph graph, int claim)
    {
        this.graph = graph;
        this.claim = claim;
        if (claim < 0)
        {
            edgeCount = graph.Citations.Length;
            return;
        }

        ClaimId = graph.Claims[claim].Id;
        for (var i = graph.ClaimAssertionStart[claim]; i < graph.ClaimAssertionStart[claim + 1]; i++)
        {
            var u = graph.AssertionReport[graph.ClaimAssertions[i]];
            for (var p = graph.OutStart[u]; p < graph.OutStart[u + 1]; p++)
            {
                if (graph.CitationClaim[graph.OutCitations[p]] == claim)
                {
                    edgeCount++;
                }
            }
        }
    }

    /// <summary>The graph the view reads.</summary>
    public CitationGraph Graph => graph;

    /// <summary>The claim whose citations the view holds, or <see langword="null"/> when it holds every citation.</summary>
    public string? ClaimId { get; }

    /// <summary>Always <see langword="true"/>: a citation points from the citing report to the cited one.</summary>
    public bool IsDirected => true;

    /// <summary><see langword="true"/> over the whole graph (two reports may cite each other for several claims); <see langword="false"/> over one claim.</summary>
    public bool AllowParallelEdges => claim < 0;

    /// <summary>Whether the view has no vertices.</summary>
    public bool IsVerticesEmpty => VertexCount == 0;

    /// <summary>The number of reports in the view: every report, or those asserting the claim.</summary>
    public int VertexCount => claim < 0 ? graph.Reports.Length : graph.ClaimAssertionStart[claim + 1] - graph.ClaimAssertionStart[claim];

    /// <summary>The reports in the view: in graph order, or for one claim in the order of its assertions.</summary>
    public IEnumerable<ReportVertex> Vertices
    {
        get
        {
            if (claim < 0)
            {
                for (var u = 0; u < graph.Reports.Length; u++)
                {
                    yield return new ReportVertex(graph, u);
                }

                yield break;
            }

            for (var i = graph.ClaimAssertionStart[claim]; i < graph.ClaimAssertionStart[claim + 1]; i++)
            {
                yield return new ReportVertex(graph, graph.AssertionReport[graph.ClaimAssertions[i]]);
            }
        }
    }

    /// <summary>Whether the view has no edges.</summary>
    public bool IsEdgesEmpty => edgeCount == 0;

    /// <summary>The number of citations in the view: every citation, or the claim's.</summary>
    public int EdgeCount => edgeCount;

    /// <summary>The citations in the view: in graph order, or for one claim grouped by citing report.</summary>
    public IEnumerable<CitationEdge> Edges
    {
        get
        {
            if (claim < 0)
            {
                for (var i = 0; i < graph.Citations.Length; i++)
                {
                    yield return Edge(i);
                }

                yield break;
            }

            foreach (var v in Vertices)
            {
                foreach (var e in OutEdgesCore(v.Index))
                {
                    yield return e;
                }
            }
        }
    }

    /// <summary>Gets the vertex of a report.</summary>
    /// <param name="reportId">The report's id.</param>
    /// <returns>Its vertex.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reportId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No report has that id.</exception>
    /// <exception cref="VertexNotFoundException">The view is over one claim and the report does not assert it.</exception>
    public ReportVertex Vertex(string reportId)
    {
        ArgumentNullException.ThrowIfNull(reportId);
        if (!graph.TryGetReportIndex(reportId, out var u))
        {
            throw new KeyNotFoundException($"No report has the id '{reportId}'.");
        }

        var v = new ReportVertex(graph, u);
        Check(v);
        return v;
    }

    /// <summary>Whether the report is a vertex of this view.</summary>
    /// <param name="vertex">The vertex.</param>
    /// <returns><see langword="true"/> when it is a report of this graph (asserting the claim, for a claim's view).</returns>
    public bool ContainsVertex(ReportVertex vertex) =>
        vertex.BelongsTo(graph) && (claim < 0 || graph.FindAssertion(vertex.Index, claim) >= 0);

    /// <summary>Whether the citation is an edge of this view.</summary>
    /// <param name="edge">The edge.</param>
    /// <returns><see langword="true"/> when it is a citation of this graph (for the claim, for a claim's view).</returns>
    public bool ContainsEdge(CitationEdge edge) =>
        edge.BelongsTo(graph) && (claim < 0 || graph.CitationClaim[edge.Index] == claim);

    /// <summary>Whether a report cites another in this view.</summary>
    /// <param name="source">The citing report.</param>
    /// <param name="target">The cited report.</param>
    /// <returns><see langword="true"/> when some citation of the view goes from <paramref name="source"/> to <paramref name="target"/>.</returns>
    public bool ContainsEdge(ReportVertex source, ReportVertex target) => TryGetEdge(source, target, out _);

    /// <summary>Gets the first citation (in the order added) from one report to another in this view.</summary>
    /// <param name="source">The citing report.</param>
    /// <param name="target">The cited report.</param>
    /// <param name="edge">The citation, when found.</param>
    /// <returns><see langword="true"/> when found; <see langword="false"/> also when a vertex is not in the view.</returns>
    public bool TryGetEdge(ReportVertex source, ReportVertex target, out CitationEdge edge)
    {
        if (ContainsVertex(source) && ContainsVertex(target))
        {
            foreach (var e in OutEdgesCore(source.Index))
            {
                if (e.Target.Index == target.Index)
                {
                    edge = e;
                    return true;
                }
            }
        }

        edge = default;
        return false;
    }

    /// <summary>Gets every citation from one report to another in this view.</summary>
    /// <param name="source">The citing report.</param>
    /// <param name="target">The cited report.</param>
    /// <param name="edges">The citations (maybe none), when <paramref name="source"/> is in the view.</param>
    /// <returns><see langword="true"/> when <paramref name="source"/> is in the view, as QuikGraph's graphs answer.</returns>
    public bool TryGetEdges(ReportVertex source, ReportVertex target, [NotNullWhen(true)] out IEnumerable<CitationEdge>? edges)
    {
        if (!ContainsVertex(source))
        {
            edges = null;
            return false;
        }

        edges = OutEdgesCore(source.Index).Where(e => e.Target == target);
        return true;
    }

    /// <summary>Whether a report cites nothing in this view.</summary>
    /// <param name="vertex">The report.</param>
    /// <returns><see langword="true"/> when it has no out-edges.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public bool IsOutEdgesEmpty(ReportVertex vertex) => OutDegree(vertex) == 0;

    /// <summary>The number of citations a report makes in this view.</summary>
    /// <param name="vertex">The report.</param>
    /// <returns>Its out-degree.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public int OutDegree(ReportVertex vertex)
    {
        Check(vertex);
        return Degree(graph.OutStart, graph.OutCitations, vertex.Index);
    }

    /// <summary>The citations a report makes in this view, in the order added.</summary>
    /// <param name="vertex">The citing report.</param>
    /// <returns>Its out-edges.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public IEnumerable<CitationEdge> OutEdges(ReportVertex vertex)
    {
        Check(vertex);
        return OutEdgesCore(vertex.Index);
    }

    /// <summary>Gets the citations a report makes in this view.</summary>
    /// <param name="vertex">The citing report.</param>
    /// <param name="edges">Its out-edges, when it is in the view.</param>
    /// <returns><see langword="true"/> when it is in the view.</returns>
    public bool TryGetOutEdges(ReportVertex vertex, [NotNullWhen(true)] out IEnumerable<CitationEdge>? edges)
    {
        edges = ContainsVertex(vertex) ? OutEdgesCore(vertex.Index) : null;
        return edges is not null;
    }

    /// <summary>The <paramref name="index"/>-th citation a report makes in this view.</summary>
    /// <param name="vertex">The citing report.</param>
    /// <param name="index">The position among its out-edges, from 0.</param>
    /// <returns>The edge.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than the out-degree.</exception>
    public CitationEdge OutEdge(ReportVertex vertex, int index)
    {
        Check(vertex);
        return Edge(Nth(graph.OutStart, graph.OutCitations, vertex, index, "report"));
    }

    /// <summary>Whether nothing cites a report in this view.</summary>
    /// <param name="vertex">The report.</param>
    /// <returns><see langword="true"/> when it has no in-edges.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public bool IsInEdgesEmpty(ReportVertex vertex) => InDegree(vertex) == 0;

    /// <summary>The number of citations of a report in this view.</summary>
    /// <param name="vertex">The report.</param>
    /// <returns>Its in-degree.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public int InDegree(ReportVertex vertex)
    {
        Check(vertex);
        return Degree(graph.InStart, graph.InCitations, vertex.Index);
    }

    /// <summary>The citations of a report in this view, in the order added.</summary>
    /// <param name="vertex">The cited report.</param>
    /// <returns>Its in-edges.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public IEnumerable<CitationEdge> InEdges(ReportVertex vertex)
    {
        Check(vertex);
        return InEdgesCore(vertex.Index);
    }

    /// <summary>Gets the citations of a report in this view.</summary>
    /// <param name="vertex">The cited report.</param>
    /// <param name="edges">Its in-edges, when it is in the view.</param>
    /// <returns><see langword="true"/> when it is in the view.</returns>
    public bool TryGetInEdges(ReportVertex vertex, [NotNullWhen(true)] out IEnumerable<CitationEdge>? edges)
    {
        edges = ContainsVertex(vertex) ? InEdgesCore(vertex.Index) : null;
        return edges is not null;
    }

    /// <summary>The <paramref name="index"/>-th citation of a report in this view.</summary>
    /// <param name="vertex">The cited report.</param>
    /// <param name="index">The position among its in-edges, from 0.</param>
    /// <returns>The edge.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than the in-degree.</exception>
    public CitationEdge InEdge(ReportVertex vertex, int index)
    {
        Check(vertex);
        return Edge(Nth(graph.InStart, graph.InCitations, vertex, index, "report"));
    }

    /// <summary>The in-degree plus the out-degree of a report in this view.</summary>
    /// <param name="vertex">The report.</param>
    /// <returns>Its degree.</returns>
    /// <exception cref="VertexNotFoundException"><paramref name="vertex"/> is not in the view.</exception>
    public int Degree(ReportVertex vertex) => InDegree(vertex) + OutDegree(vertex);

    private CitationEdge Edge(int citation) => new(graph, citation, graph.CitationFrom[citation], graph.CitationTo[citation]);

    private IEnumerable<CitationEdge> OutEdgesCore(int u)
    {
        int[] start = graph.OutStart, positions = graph.OutCitations;
        for (var p = start[u]; p < start[u + 1]; p++)
        {
            var c = positions[p];
            if (claim < 0 || graph.CitationClaim[c] == claim)
            {
                yield return Edge(c);
            }
        }
    }

    private IEnumerable<CitationEdge> InEdgesCore(int u)
    {
        int[] start = graph.InStart, positions = graph.InCitations;
        for (var p = start[u]; p < start[u + 1]; p++)
        {
            var c = positions[p];
            if (claim < 0 || graph.CitationClaim[c] == claim)
            {
                yield return Edge(c);
            }
        }
    }

    private int Degree(int[] start, int[] positions, int u)
    {
        if (claim < 0)
        {
            return start[u + 1] - start[u];
        }

        var count = 0;
        for (var p = start[u]; p < start[u + 1]; p++)
        {
            if (graph.CitationClaim[positions[p]] == claim)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The citation position of the vertex's <paramref name="index"/>-th edge in the view.</summary>
    private int Nth(int[] start, int[] positions, ReportVertex vertex, int index, string what)
    {
        var u = vertex.Index;
        if (claim < 0 && index >= 0 && index < start[u + 1] - start[u])
        {
            return positions[start[u] + index];
        }

        if (claim >= 0 && index >= 0)
        {
            var seen = 0;
            for (var p = start[u]; p < start[u + 1]; p++)
            {
                var c = positions[p];
                if ((claim < 0 || graph.CitationClaim[c] == claim) && seen++ == index)
                {
                    return c;
                }
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, ViewMessages.EdgeIndex(index, Degree(start, positions, u), what, vertex.Id));
    }

    private void Check(ReportVertex vertex)
    {
        if (ContainsVertex(vertex))
        {
            return;
        }

        var message = vertex.IsDefault ? ViewMessages.DefaultVertex
            : !vertex.BelongsTo(graph) ? ViewMessages.NotInGraph("report", vertex.Id)
            : ViewMessages.NotInClaim(vertex.Id, ClaimId!);
        throw new VertexNotFoundException(message, null);
    }
}

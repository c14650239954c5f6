using System.Collections.Immutable;

namespace Provenance.Graphviz;

/// <summary>What a node is, for styling. Several marks can hold at once; styles are layered in declaration order.</summary>
[Flags]
internal enum NodeMarks
{
    None = 0,
    Implicit = 1,
    Asserting = 2,
    Unattributed = 4,
    DeadEnd = 8,
    Primary = 16,
    Cycle = 32,
}

/// <summary>What an edge is, for styling.</summary>
[Flags]
internal enum EdgeMarks
{
    None = 0,
    Hedged = 1,
    Cycle = 2,
    Inferred = 4,
}

/// <summary>A node of a drawing; <see cref="Cluster"/> indexes <see cref="Diagram.Clusters"/> or is -1.</summary>
internal sealed record DiagramNode(string Id, string Name, string? Details, string? Tooltip, string? Url, NodeMarks Marks, int Cluster)
{
    /// <summary>The style a <see cref="DotOptions"/> hook returned for this node, layered over its marks' styles.</summary>
    public DotNodeStyle? Custom { get; init; }
}

/// <summary>An edge of a drawing; <see cref="Weight"/> is how many citations it stands for.</summary>
internal sealed record DiagramEdge(string From, string To, string? Label, string? Tooltip, EdgeMarks Marks, int Weight)
{
    /// <summary>The style a <see cref="DotOptions"/> hook returned for this edge, layered over its marks' styles.</summary>
    public DotEdgeStyle? Custom { get; init; }
}

/// <summary>A box of nodes. <see cref="Key"/> is the affiliation id or country it groups by.</summary>
internal sealed record DiagramCluster(string Key, string Label);

/// <summary>One entry of the legend: a sample node or edge carrying the given marks (or, with neither, a box), with what they mean.</summary>
internal sealed record LegendEntry(string Text, NodeMarks? Node, EdgeMarks? Edge);

/// <summary>
/// A view of a graph, ready to draw: the same for DOT and Mermaid, so that both syntaxes show the same semantics.
/// Nodes and edges are in a fixed order (model order), so the output is deterministic.
/// </summary>
internal sealed record Diagram(
    string? Title,
    ImmutableArray<DiagramCluster> Clusters,
    ImmutableArray<DiagramNode> Nodes,
    ImmutableArray<DiagramEdge> Edges,
    ImmutableArray<LegendEntry> Legend);

namespace Provenance.Tests.QuikGraph;

/// <summary>The shapes of the seeded random graphs the QuikGraph oracle tests run on.</summary>
public enum GraphShape
{
    /// <summary>Two random citations per report, any direction: many small and some large cycles.</summary>
    Sparse,

    /// <summary>A chain of every report, plus a few citations back along it: long cycles inside long chains.</summary>
    ChainWithBackEdges,

    /// <summary>Three citations per report, always from a lower to a higher position: acyclic.</summary>
    LayeredDag,

    /// <summary>Few reports, many citations over four claims: parallel citations and overlapping cycles.</summary>
    Dense,

    /// <summary>Rings of two to six reports, joined by citations from earlier to later rings: one cycle per ring.</summary>
    Rings,
}

/// <summary>
/// Seeded random citation graphs, built through the public builder from plain (from, to, claim) triples, so a failing
/// case replays from its shape, size and seed.
/// </summary>
internal static class RandomGraphs
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(GraphShape, int, int), Lazy<CitationGraph>> Made = new();

    /// <summary>The graph of a shape, size and seed; made once per test run, since a graph is immutable and several tests read it.</summary>
    public static CitationGraph Make(GraphShape shape, int reports, int seed) =>
        Made.GetOrAdd((shape, reports, seed), key => new Lazy<CitationGraph>(() => Generate(key.Item1, key.Item2, key.Item3))).Value;

    private static CitationGraph Generate(GraphShape shape, int reports, int seed)
    {
        var random = new Random(seed);
        var claims = shape == GraphShape.Dense ? 4 : 3;
        var citations = new List<(int From, int To, int Claim)>();
        var seen = new HashSet<(int, int, int)>();

        void Cite(int from, int to, int claim)
        {
            if (from != to && seen.Add((from, to, claim)))
            {
                citations.Add((from, to, claim));
            }
        }

        switch (shape)
        {
            case GraphShape.Sparse:
                for (var i = 0; i < 2 * reports; i++)
                {
                    Cite(random.Next(reports), random.Next(reports), random.Next(claims));
                }

                break;
            case GraphShape.ChainWithBackEdges:
                for (var i = 0; i + 1 < reports; i++)
                {
                    Cite(i, i + 1, random.Next(claims));
                }

                for (var i = 0; i < reports / 50 + 1; i++)
                {
                    var a = random.Next(reports);
                    var b = random.Next(reports);
                    Cite(Math.Max(a, b), Math.Min(a, b), random.Next(claims));
                }

                break;
            case GraphShape.LayeredDag:
                for (var i = 0; i < 3 * reports; i++)
                {
                    var a = random.Next(reports);
                    var b = random.Next(reports);
                    Cite(Math.Min(a, b), Math.Max(a, b), random.Next(claims));
                }

                break;
            case GraphShape.Dense:
                for (var i = 0; i < reports * reports / 2; i++)
                {
                    Cite(random.Next(reports), random.Next(reports), random.Next(claims));
                }

                break;
            case GraphShape.Rings:
                var rings = new List<(int First, int Size)>();
                for (var first = 0; first < reports;)
                {
                    var size = Math.Min(random.Next(2, 7), reports - first);
                    var claim = random.Next(claims);
                    for (var k = 0; k < size; k++)
                    {
                        Cite(first + k, first + (k + 1) % size, claim);
                    }

                    rings.Add((first, size));
                    first += size;
                }

                for (var i = 0; i < rings.Count; i++)
                {
                    var a = random.Next(rings.Count);
                    var b = random.Next(rings.Count);
                    if (a != b)
                    {
                        var (from, to) = (rings[Math.Min(a, b)], rings[Math.Max(a, b)]);
                        Cite(from.First + random.Next(from.Size), to.First + random.Next(to.Size), random.Next(claims));
                    }
                }

                break;
        }

        return Build(reports, reports / 4 + 1, claims, citations, random);
    }

    /// <summary>A graph of explicit reports r0..r(n-1); a report cited for a claim it does not cite for asserts it first-hand.</summary>
    public static CitationGraph Build(int reports, int sources, int claims, IReadOnlyList<(int From, int To, int Claim)> citations, Random random)
    {
        var builder = new CitationGraphBuilder();
        for (var s = 0; s < sources; s++)
        {
            builder.AddSource(new Source("s" + s, "Source " + s, SourceKind.Outlet));
        }

        for (var c = 0; c < claims; c++)
        {
            builder.AddClaim(new Claim("c" + c, "Claim " + c));
        }

        for (var r = 0; r < reports; r++)
        {
            builder.AddReport(new Report("r" + r, "s" + random.Next(sources), ReportKind.Article));
        }

        var citing = new HashSet<(int, int)>();
        foreach (var (from, to, claim) in citations)
        {
            builder.AddCitation(new Citation("r" + from, "r" + to, "c" + claim, CitationKind.AccordingTo));
            citing.Add((from, claim));
        }

        var firstHand = new HashSet<(int, int)>();
        foreach (var (_, to, claim) in citations)
        {
            if (!citing.Contains((to, claim)) && firstHand.Add((to, claim)))
            {
                builder.AddAssertion(new Assertion("r" + to, "c" + claim, AssertionMode.FirstHand));
            }
        }

        return builder.Build();
    }
}

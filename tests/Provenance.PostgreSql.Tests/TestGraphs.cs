using System.Globalization;
using System.Text;
using Provenance.Generation;
using Provenance.Yaml;

namespace Provenance.PostgreSql.Tests;

/// <summary>The graphs every contract test runs on, and a canonical text form of the results that have no value equality.</summary>
internal static class TestGraphs
{
    private static readonly Lazy<CitationGraph> Bundled = new(() => ProvenanceYaml.Load(Path.Combine(GraphsFolder(), "mi24-yeraskh.yaml")));

    public static TheoryData<string> Names => ["mi24-yeraskh", "seed-1", "seed-7", "seed-2020", "cyclic-11", "deep-3"];

    public static CitationGraph Get(string name) => name switch
    {
        "mi24-yeraskh" => Bundled.Value,
        "deep-3" => NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 600, Seed = 3, CycleRate = 0.3, MaxChainLength = 12 }),
        "cyclic-11" => NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 400, Seed = 11, CycleRate = 0.2 }),
        _ => NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 300, Seed = int.Parse(name["seed-".Length..], CultureInfo.InvariantCulture) }),
    };

    public static string Render(TraceResult trace)
    {
        var text = new StringBuilder();
        text.Append(trace.Claim).Append(" omitted=").Append(trace.OmittedChains).Append(" exact=").Append(trace.OmittedChainsIsExact).Append('\n');
        foreach (var chain in trace.Chains)
        {
            text.Append(chain.Report).Append('@').Append(chain.Source);
            foreach (var hop in chain.Hops)
            {
                text.Append(" | ").Append(hop.Citation).Append(" to ").Append(hop.ToSource);
            }

            text.Append(" => ").Append(chain.End).Append(" weakest=").Append(chain.WeakestHop?.Citation).Append('\n');
        }

        text.Append("primary: ").AppendJoin(',', trace.PrimarySources).Append('\n');
        text.Append("origins: ").Append(Render(trace.IndependentOrigins));
        return text.ToString();
    }

    public static string Render(IndependentOriginsResult origins) =>
        origins.Claim + ": " + string.Join(" ; ", origins.Groups.Select(g => (g.Affiliation ?? "-") + "=" + string.Join(',', g.Sources)));

    private static string GraphsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var graphs = Path.Combine(dir.FullName, "graphs");
            if (File.Exists(Path.Combine(graphs, "mi24-yeraskh.yaml")))
            {
                return graphs;
            }
        }

        throw new DirectoryNotFoundException("The repository's graphs folder was not found above " + AppContext.BaseDirectory);
    }
}

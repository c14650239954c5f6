using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance.Tests.Prov;

/// <summary>Exports the YAML graphs in the repository (the test data, and every graph under graphs/) through PROV.</summary>
public class ProvRealGraphTests
{
    public static TheoryData<string> Graphs()
    {
        var data = new TheoryData<string>
        {
            Path.Combine("TestData", "valid", "mi24-excerpt.yaml"),
            Path.Combine("TestData", "valid", "split"),
        };
        var root = TestRepository.TryRoot;
        var graphs = root is null ? null : Path.Combine(root, "graphs");
        if (graphs is not null && Directory.Exists(graphs))
        {
            foreach (var file in Directory.GetFiles(graphs, "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    private static string Full(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    [SkippableTheory]
    [MemberData(nameof(Graphs))]
    public void Export_YamlGraph_ProvLibraryRoundTripsItAndWritesTheSameProvN(string path)
    {
        var graph = ProvenanceYaml.Load(Full(path));
        var directory = Directory.CreateTempSubdirectory("prov-real-");
        try
        {
            var ours = Path.Combine(directory.FullName, "ours.json");
            var theirs = Path.Combine(directory.FullName, "theirs.json");
            File.WriteAllText(ours, graph.ToProvJson());

            Assert.True(graph.ContentEquals(ProvJson.Import(ours).Graph), $"{path}: our own import differs");
            PythonProv.Run("rewrite", ours, theirs);
            var result = ProvJson.Import(theirs);
            Assert.True(graph.ContentEquals(result.Graph), $"{path}: the import of prov's PROV-JSON differs");
            Assert.Empty(result.Unmapped);
            Assert.Equal(ProvNTests.Normalise(PythonProv.Run("provn", ours)), ProvNTests.Normalise(graph.ToProvN()));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

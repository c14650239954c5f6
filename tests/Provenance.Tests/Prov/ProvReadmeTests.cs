using Provenance.Prov;

namespace Provenance.Tests.Prov;

/// <summary>Runs alone: the README sample uses a relative path and the console, which are process-wide.</summary>
[CollectionDefinition(nameof(ProvReadmeTests), DisableParallelization = true)]
public sealed class ProvReadmeCollection
{
}

/// <summary>The README's "W3C PROV" sample, kept here so that it compiles and runs.</summary>
[Collection(nameof(ProvReadmeTests))]
public class ProvReadmeTests
{
    [Fact]
    public void ReadmeSample_HandBuiltGraph_RoundTrips()
    {
        var graph = ProvTestGraphs.HandBuilt();
        var directory = Directory.CreateTempSubdirectory("prov-readme-");
        var previous = Environment.CurrentDirectory;
        var output = new StringWriter();
        var console = Console.Out;
        try
        {
            Environment.CurrentDirectory = directory.FullName;
            File.WriteAllText("graph.prov.json", graph.ToProvJson());
            Console.SetOut(output);

            // The sample, as in the README.
            string json = graph.ToProvJson();                  // or ProvJson.Export(graph, stream / textWriter)
            string provN = graph.ToProvN();                    // or ProvN.Export(graph, stream / textWriter)
            ProvImportResult result = ProvJson.Import("graph.prov.json");
            CitationGraph back = result.Graph;                 // equal (ContentEquals) to `graph` for a file we wrote
            foreach (UnmappedRecord skipped in result.Unmapped) // what a foreign document holds that the model cannot
            {
                Console.WriteLine(skipped);                     // path:line:column: type id[ attribute]: reason
            }

            Assert.StartsWith("{\n", json, StringComparison.Ordinal);
            Assert.StartsWith("document\n", provN, StringComparison.Ordinal);
            Assert.True(graph.ContentEquals(back));
            Assert.Equal("", output.ToString());
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = previous;
            directory.Delete(recursive: true);
        }
    }
}

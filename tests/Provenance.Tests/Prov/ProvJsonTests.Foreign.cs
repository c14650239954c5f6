using Provenance.Prov;

namespace Provenance.Tests.Prov;

public partial class ProvJsonTests
{
    [SkippableFact]
    public void Import_DocumentWrittenByProvLibrary_MapsWhatItCanListsTheRest()
    {
        var directory = Directory.CreateTempSubdirectory("prov-json-");
        try
        {
            var file = Path.Combine(directory.FullName, "foreign.json");
            PythonProv.Run("foreign", file);

            var result = ProvJson.Import(file);

            var expected = new CitationGraphBuilder()
                .AddSource(new Source("reuters", "Reuters", SourceKind.Other))
                .AddSource(new Source("jane-smith", "jane-smith", SourceKind.Person))
                .AddClaim(new Claim("downed", "A helicopter was shot down."))
                .AddReport(new Report("wire-1", "reuters", ReportKind.Other) { Title = "Helicopter downed near Yeraskh", Published = new DateTimeOffset(2020, 11, 9, 18, 0, 0, TimeSpan.Zero) })
                .AddReport(new Report("story-2", "jane-smith", ReportKind.Other) { Published = new DateTimeOffset(2020, 11, 9, 20, 30, 0, TimeSpan.FromHours(1)) })
                .AddAssertion(new Assertion("wire-1", "downed", AssertionMode.FirstHand))
                .AddAssertion(new Assertion("story-2", "downed", AssertionMode.Attributed, "shot down"))
                .AddCitation(new Citation("story-2", "wire-1", "downed", CitationKind.DirectQuote))
                .Build();
            Assert.True(expected.ContentEquals(result.Graph));
            Assert.Equal(
                [
                    $"{file}:26:5: entity ex:photo: no wasAttributedTo names the source that published it; a report needs one.",
                    $"{file}:36:5: activity ex:editing: activities have no counterpart in a citation graph.",
                    $"{file}:55:7: wasGeneratedBy _:id4 prov:activity: this relation's part has no counterpart in the model.",
                    $"{file}:60:5: wasAssociatedWith _:id5: wasAssociatedWith relations have no counterpart in a citation graph.",
                    $"{file}:66:5: used _:id6: used relations have no counterpart in a citation graph.",
                    $"{file}:84:5: wasDerivedFrom _:id8: the used entity 'ex:photo' is not a mapped report.",
                ],
                result.Unmapped.Select(u => u.ToString()));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

using Provenance.Yaml;

namespace Provenance.Tests.Yaml;

public partial class ProvenanceYamlTests
{
    internal static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    [Fact]
    public void Load_ReadmeStyleGraph_BuildsChainsOfImplicitReports()
    {
        var graph = ProvenanceYaml.Load(Data("valid", "mi24-excerpt.yaml"));

        Assert.Equal(
            ["ru-mod-2020-11-09", "zerohedge-2020-11-09", "zerohedge-2020-11-09~tass", "zerohedge-2020-11-09~tass~az-mfa"],
            graph.Reports.Select(r => r.Id));
        Assert.Equal("zerohedge-2020-11-09", graph.GetReport("zerohedge-2020-11-09~tass~az-mfa").CitedIn);
        Assert.True(graph.TryGetAssertion("zerohedge-2020-11-09~tass~az-mfa", "az-mistake", out var origin));
        Assert.Equal(new Assertion("zerohedge-2020-11-09~tass~az-mfa", "az-mistake", AssertionMode.FirstHand, "Azerbaijan downed Russian helicopter by mistake"), origin);
        Assert.True(graph.TryGetAssertion("zerohedge-2020-11-09~tass", "downed", out var relayed));
        Assert.Equal(AssertionMode.Unknown, relayed.Mode);
        Assert.Equal(
            new Citation("zerohedge-2020-11-09", "zerohedge-2020-11-09~tass", "downed", CitationKind.AccordingTo, Hedge.Reportedly),
            graph.CitationsFrom("zerohedge-2020-11-09").Single(c => c.Claim == "downed" && c.To.EndsWith("tass", StringComparison.Ordinal)));
        Assert.Equal(new DateTimeOffset(2020, 11, 9, 16, 0, 0, TimeSpan.FromHours(-5)), graph.GetReport("zerohedge-2020-11-09").Published);
        Assert.Equal(["ТАСС"], graph.GetSource("tass").Aliases.ToArray());
    }

    [Fact]
    public void Load_SeveralPaths_MergesInTheOrderGivenAndReadsAFileOnce()
    {
        var split = Data("valid", "split");
        string[] paths = [Path.Join(split, "reports"), Path.Join(split, "10-sources.yaml"), Path.Join(split, "00-affiliations.yaml"), Path.Join(split, "reports", "20-rt.yml")];

        var graph = ProvenanceYaml.Load(paths);

        Assert.Equal(["ru"], graph.Affiliations.Select(a => a.Id));
        Assert.Equal(["tass", "rt"], graph.Sources.Select(s => s.Id));
        Assert.Equal(["rt-1", "rt-1~tass"], graph.Reports.Select(r => r.Id));
    }

    [Fact]
    public void TryLoad_SeveralPathsOneMissing_ReportsItAndBuildsNothing()
    {
        var missing = Path.Join(Data("valid", "split"), "nope.yaml");

        var ok = ProvenanceYaml.TryLoad([Data("valid", "split"), missing], out var graph, out var diagnostics);

        Assert.False(ok);
        Assert.Null(graph);
        Assert.Equal("not-found", Assert.Single(diagnostics).Code);
        Assert.Contains($"'{missing}'", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoPaths_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => ProvenanceYaml.Load(Array.Empty<string>()));

        Assert.Equal("paths", error.ParamName);
    }

    [Fact]
    public void Load_Folder_MergesYamlFilesRecursivelyInOrdinalOrder()
    {
        var graph = ProvenanceYaml.Load(Data("valid", "split"));

        Assert.Equal(["ru"], graph.Affiliations.Select(a => a.Id));
        Assert.Equal(["tass", "rt"], graph.Sources.Select(s => s.Id));
        Assert.Equal("Claim one: with a colon.", graph.GetClaim("c1").Text);
        Assert.Equal(["rt-1", "rt-1~tass"], graph.Reports.Select(r => r.Id));
    }

    [Fact]
    public void Load_FolderWithProblems_NamesEachFile()
    {
        var folder = Directory.CreateTempSubdirectory("provenance-yaml-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.yaml"), "sources:\n  - id: tass\n    name: TASS\n    kind: news-agency\n");
            File.WriteAllText(Path.Combine(folder, "b.yaml"), "reports:\n  - id: r\n    source: tas\n    kind: article\n");

            var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(folder));

            Assert.Equal($"{Path.Join(folder, "b.yaml")}:3:13: unknown source 'tas'; did you mean 'tass'?", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_MissingPath_ThrowsNamingThePath()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load("no/such/graph.yaml"));

        Assert.Equal("no file or folder at 'no/such/graph.yaml'; check the path.", error.Message);
    }

    [Fact]
    public void TryLoad_InvalidFile_ReturnsNoGraphAndEveryProblem()
    {
        var ok = ProvenanceYaml.TryLoad(Data("invalid", "several-problems.yaml"), out var graph, out var diagnostics);

        Assert.False(ok);
        Assert.Null(graph);
        Assert.Equal(["unknown-field", "unknown-enum", "unknown-reference"], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void TryParse_ValidText_ReturnsGraphAndNoProblems()
    {
        var ok = ProvenanceYaml.TryParse("claims:\n  - id: c\n    text: t\n", "g.yaml", out var graph, out var diagnostics);

        Assert.True(ok);
        Assert.Equal(["c"], graph!.Claims.Select(c => c.Id));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Parse_EmptyText_GivesEmptyGraph()
    {
        var graph = ProvenanceYaml.Parse("# nothing yet\n");

        Assert.Empty(graph.Sources);
        Assert.Equal("{}\n", ProvenanceYaml.ToYaml(graph));
        Assert.True(graph.ContentEquals(ProvenanceYaml.Parse(ProvenanceYaml.ToYaml(graph))));
    }

    [Fact]
    public void Parse_SyntaxError_KeepsYamlExceptionAsInner()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse("sources: [a, b\n", "g.yaml"));

        Assert.IsAssignableFrom<YamlDotNet.Core.YamlException>(error.InnerException);
        Assert.Equal(("g.yaml", 2, 1), (error.FilePath, error.Line, error.Column));
    }

    [Fact]
    public void ToYaml_ReadmeStyleGraph_WritesNestedViaAndOmitsDefaults()
    {
        var graph = ProvenanceYaml.Load(Data("valid", "mi24-excerpt.yaml"));

        var yaml = ProvenanceYaml.ToYaml(graph);

        Assert.Equal(File.ReadAllText(Data("valid", "mi24-excerpt.saved.yaml")), yaml);
        Assert.True(graph.ContentEquals(ProvenanceYaml.Parse(yaml)));
    }

    [Fact]
    public void Save_Path_WritesSameBytesAsToYaml()
    {
        var graph = ProvenanceYaml.Load(Data("valid", "mi24-excerpt.yaml"));
        var file = Path.GetTempFileName();
        try
        {
            ProvenanceYaml.Save(graph, file);

            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(ProvenanceYaml.ToYaml(graph)), File.ReadAllBytes(file));
            Assert.True(graph.ContentEquals(ProvenanceYaml.Load(file)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData("  leading and trailing  ")]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData(".inf")]
    [InlineData("2020-11-09")]
    [InlineData("line one\nline two\n")]
    [InlineData("Министерство обороны России")]
    [InlineData("no\u00A0break\u00A0spaces")]
    [InlineData("\u00A0leading no-break space")]
    [InlineData("tab\there")]
    [InlineData("quotes \" and ' and \\ backslash")]
    [InlineData("- dash")]
    [InlineData("{braces} [brackets], commas")]
    [InlineData("ends with colon:")]
    [InlineData("&anchor *alias !tag |pipe >fold %percent @at `tick")]
    [InlineData("emoji \U0001F600 and \u2028 separator")]
    [InlineData("<b>html</b> & \"quotes\"")]
    public void ToYaml_AwkwardStrings_RoundTripExactly(string text)
    {
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("s", text.Length == 0 ? "x" : text, SourceKind.Other) { Aliases = [text, "plain"], Url = text })
            .AddClaim(new Claim("c", text.Length == 0 ? "x" : text))
            .AddReport(new Report("r", "s", ReportKind.Article) { Title = text })
            .AddAssertion(new Assertion("r", "c", AssertionMode.Unattributed, text))
            .Build();

        var yaml = ProvenanceYaml.ToYaml(graph);
        var loaded = ProvenanceYaml.Parse(yaml);

        Assert.True(graph.ContentEquals(loaded), yaml);
        Assert.Equal(text, loaded.GetReport("r").Title);
        Assert.Equal(text, loaded.Assertions[0].Wording);
    }

    [Fact]
    public void Load_AliasBomb_RejectedAtTheAliasWithoutExpanding()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(Data("invalid", "alias-bomb.yaml")));

        Assert.StartsWith(Data("invalid", "alias-bomb.yaml") + ":", error.Message, StringComparison.Ordinal);
        Assert.Equal("limit", error.Diagnostics.Single().Code);
    }

    [Fact]
    public void Parse_HundredThousandNestedBrackets_RejectedByDepthWithoutOverflow()
    {
        var yaml = "sources: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse(yaml, "deep.yaml"));

        Assert.Equal("deep.yaml:1:73: the input is nested more than 64 levels deep, the limit (GraphLimits.MaxNestingDepth); flatten it.", error.Message);
    }

    [Fact]
    public void Parse_MillionNestedBlockSequences_RejectedByDepthWithoutOverflow()
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            builder.Append(' ', i).Append("-\n");
        }

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse(builder.ToString(), "deep.yaml"));

        Assert.Equal("deep.yaml:65:65: the input is nested more than 64 levels deep, the limit (GraphLimits.MaxNestingDepth); flatten it.", error.Message);
    }

    [Fact]
    public void Load_FileOverMaxFileBytes_RejectedBeforeParsing()
    {
        var options = new YamlLoadOptions { Limits = { MaxFileBytes = 100 } };
        var file = Data("valid", "mi24-excerpt.yaml");

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(file, options));

        Assert.Equal($"{file}:1:1: the file is larger than 100 bytes, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.", error.Message);
    }

    [Fact]
    public void Load_ReaderOverMaxFileBytes_StopsReading()
    {
        var options = new YamlLoadOptions { Limits = { MaxFileBytes = 10 } };

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(new StringReader("claims:\n  - id: c\n    text: t\n"), "g.yaml", options));

        Assert.Equal("g.yaml:1:1: the text is longer than 10 characters, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.", error.Message);
    }

    [Fact]
    public void Parse_ScalarOverMaxScalarLength_Rejected()
    {
        var options = new YamlLoadOptions { Limits = { MaxScalarLength = 6 } };

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse("claims:\n  - id: c\n    text: too long\n", "g.yaml", options));

        Assert.Equal("g.yaml:3:11: this value is longer than 6 characters, the limit (GraphLimits.MaxScalarLength); shorten it.", error.Message);
    }

    [Fact]
    public void Parse_AllowTimelineErrors_AcceptsCitationOfLaterReport()
    {
        var yaml = File.ReadAllText(Data("invalid", "timeline.yaml"));

        var graph = ProvenanceYaml.Parse(yaml, "timeline.yaml", new YamlLoadOptions { AllowTimelineErrors = true });

        Assert.Equal(2, graph.Reports.Length);
    }

    [Fact]
    public void Parse_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("yaml", () => ProvenanceYaml.Parse(null!));
        Assert.Throws<ArgumentNullException>("fileName", () => ProvenanceYaml.Parse("", null!));
        Assert.Throws<ArgumentNullException>("path", () => ProvenanceYaml.Load((string)null!));
        Assert.Throws<ArgumentNullException>("graph", () => ProvenanceYaml.ToYaml(null!));
    }

    [Fact]
    public void Readme_LoadingAndSavingSample_Works()
    {
        // The README's "Loading and saving in code" sample, with paths into the test data.
        var folder = Directory.CreateTempSubdirectory("provenance-readme-").FullName;
        var errors = new StringWriter();
        try
        {
            CitationGraph graph = ProvenanceYaml.Load(Data("valid", "mi24-excerpt.yaml"));
            if (!ProvenanceYaml.TryLoad(Data("invalid", "unknown-source-reference.yaml"), out var draft, out var problems))
            {
                foreach (var problem in problems)
                {
                    errors.WriteLine(problem);
                }
            }

            ProvenanceYaml.Save(graph, Path.Combine(folder, "copy.yaml"));

            Assert.Null(draft);
            Assert.Equal($"{Data("invalid", "unknown-source-reference.yaml")}:18:21: unknown source 'tas'; did you mean 'tass'?{Environment.NewLine}", errors.ToString());
            Assert.True(graph.ContentEquals(ProvenanceYaml.Load(Path.Combine(folder, "copy.yaml"))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

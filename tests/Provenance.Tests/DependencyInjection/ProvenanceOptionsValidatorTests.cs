using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Provenance.DependencyInjection;

namespace Provenance.Tests.DependencyInjection;

/// <summary>Every rule of the options validator, its messages, and the options the provider loads with.</summary>
public sealed class ProvenanceOptionsValidatorTests
{
    private static string[] Failures(ProvenanceOptions options)
    {
        var result = new ProvenanceOptionsValidator().Validate(null, options);
        return result.Succeeded ? [] : [.. result.Failures!];
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new ProvenanceOptionsValidator().Validate(null, new ProvenanceOptions());

        Assert.True(result.Succeeded);
        Assert.Same(ValidateOptionsResult.Success, result);
    }

    [Fact]
    public void Validate_NullOptions_Throws() =>
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new ProvenanceOptionsValidator().Validate(null, null!)).ParamName);

    [Fact]
    public void Validate_EveryLimitNotPositive_NamesEachInOrder()
    {
        var options = new ProvenanceOptions
        {
            Limits = new GraphLimits { MaxFileBytes = 0, MaxNodes = -1, MaxCitations = 0, MaxAliasExpansion = -2, MaxNestingDepth = 0, MaxScalarLength = -3 },
            Trace = new TraceOptions { MaxChains = 0, MaxDepth = -1, MaxTotalHops = 0 },
        };

        Assert.Equal(
            [
                "ProvenanceOptions.Limits.MaxFileBytes is 0; it must be positive.",
                "ProvenanceOptions.Limits.MaxNodes is -1; it must be positive.",
                "ProvenanceOptions.Limits.MaxCitations is 0; it must be positive.",
                "ProvenanceOptions.Limits.MaxAliasExpansion is -2; it must be positive.",
                "ProvenanceOptions.Limits.MaxNestingDepth is 0; it must be positive.",
                "ProvenanceOptions.Limits.MaxScalarLength is -3; it must be positive.",
                "ProvenanceOptions.Trace.MaxChains is 0; it must be positive.",
                "ProvenanceOptions.Trace.MaxDepth is -1; it must be positive.",
                "ProvenanceOptions.Trace.MaxTotalHops is 0; it must be positive.",
            ],
            Failures(options));
    }

    [Fact]
    public void Validate_NullTraceAndBlankPaths_SayWhatToGive()
    {
        var options = new ProvenanceOptions { Trace = null! };
        options.GraphPaths.Add(" ");
        options.GraphPaths.Add(Path.Combine(Path.GetTempPath(), "provenance-no-such-graph-7e2a.yaml"));

        Assert.Equal(
            [
                "ProvenanceOptions.GraphPaths[0] is empty; give a graph file or folder.",
                $"ProvenanceOptions.GraphPaths[1] '{options.GraphPaths[1]}' does not exist; give an existing graph file or folder.",
                "ProvenanceOptions.Trace is null; leave the default or set a TraceOptions.",
            ],
            Failures(options));
    }

    [Fact]
    public void AddProvenance_WithAnotherValidatorRegisteredFirst_StillAddsItsOwn()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IValidateOptions<ProvenanceOptions>, AcceptAll>();
        services.AddProvenance(o => o.Limits = new GraphLimits { MaxNodes = 0 });

        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value);
        Assert.Contains("ProvenanceOptions.Limits.MaxNodes is 0; it must be positive.", e.Failures);
    }

    [Fact]
    public void AddProvenance_NullServices_Throws() =>
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddProvenance()).ParamName);

    [Fact]
    public void Provider_LoadsWithTheConfiguredLimitsAndTimelineRule()
    {
        var folder = Directory.CreateTempSubdirectory("provenance-di-load-");
        try
        {
            var path = Path.Combine(folder.FullName, "graph.yaml");
            File.WriteAllText(path, ProvenanceServiceCollectionExtensionsTests.GraphYaml.Replace(
                "kind: statement", "kind: statement\n    published: 2020-11-10T12:00:00Z", StringComparison.Ordinal).Replace(
                "kind: article", "kind: article\n    published: 2020-11-09T12:00:00Z", StringComparison.Ordinal));

            // The citing article is dated before the statement it cites: a timeline error unless allowed.
            var allowed = new ProvenanceGraphProvider(Options.Create(new ProvenanceOptions { GraphPath = path, AllowTimelineErrors = true }));
            Assert.Equal(2, allowed.Graph.Reports.Length);

            var strict = new ProvenanceGraphProvider(Options.Create(new ProvenanceOptions { GraphPath = path }));
            Assert.Contains(Assert.Throws<GraphValidationException>(() => strict.Graph).Diagnostics, d => d.Code == "timeline");

            var small = new ProvenanceGraphProvider(Options.Create(new ProvenanceOptions { GraphPath = path, AllowTimelineErrors = true, Limits = new GraphLimits { MaxNodes = 2 } }));
            Assert.Contains(Assert.Throws<GraphValidationException>(() => small.Graph).Diagnostics, d => d.Code == "limit");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class AcceptAll : IValidateOptions<ProvenanceOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProvenanceOptions options) => ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Provenance.Tests.DependencyInjection;

public class ProvenanceServiceCollectionExtensionsTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void AddProvenance_NullServices_ThrowsNamingServices()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ProvenanceServiceCollectionExtensions.AddProvenance(null!));

        Assert.Equal("services", error.ParamName);
    }

    [Fact]
    public void AddProvenance_ReturnsSameCollection()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddProvenance());
    }

    [Fact]
    public void AddProvenance_CalledTwice_AddsNoMoreDescriptors()
    {
        var once = new ServiceCollection().AddProvenance();
        var twice = new ServiceCollection().AddProvenance().AddProvenance();

        Assert.Equal(once.Count, twice.Count);
        Assert.Equal(
            once.Select(d => (d.ServiceType.FullName, d.Lifetime)),
            twice.Select(d => (d.ServiceType.FullName, d.Lifetime)));
    }

    [Fact]
    public void AddProvenance_CalledTwiceWithConfigure_AppliesBothInOrder()
    {
        using var provider = new ServiceCollection()
            .AddProvenance(o => o.DotPath = "/opt/first/dot")
            .AddProvenance(o => o.DotPath = "/usr/bin/dot")
            .BuildServiceProvider(Strict);

        Assert.Equal("/usr/bin/dot", provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value.DotPath);
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        using var provider = new ServiceCollection().AddProvenance().BuildServiceProvider(Strict);

        var options = provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value;

        Assert.Null(options.GraphPath);
        Assert.False(options.AllowTimelineErrors);
        Assert.Equal("dot", options.DotPath);
        Assert.Equal(GraphLimits.Default.MaxNodes, options.Limits.MaxNodes);
    }

    [Fact]
    public void Options_EmptyDotPath_FailsWithClearMessage()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.DotPath = " ").BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value);

        Assert.Equal(
            "ProvenanceOptions.DotPath is empty; give the path of Graphviz's dot program, or 'dot' to look it up on PATH.",
            error.Message);
    }

    [Fact]
    public void Options_SeveralProblems_ListsEachInOneFailure()
    {
        var missing = Path.Combine(Path.GetTempPath(), "provenance-no-such-graph-" + Guid.NewGuid().ToString("N") + ".yaml");
        using var provider = new ServiceCollection()
            .AddProvenance(o =>
            {
                o.GraphPath = missing;
                o.DotPath = "";
                o.Limits = new GraphLimits { MaxNodes = 0 };
            })
            .BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value);

        Assert.Equal(
            [
                $"ProvenanceOptions.GraphPath '{missing}' does not exist; give an existing graph file or folder.",
                "ProvenanceOptions.DotPath is empty; give the path of Graphviz's dot program, or 'dot' to look it up on PATH.",
                "ProvenanceOptions.Limits.MaxNodes is 0; it must be positive.",
            ],
            error.Failures);
    }

    [Fact]
    public void Options_BlankGraphPath_FailsWithClearMessage()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.GraphPath = "").BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value);

        Assert.Equal("ProvenanceOptions.GraphPath is empty; give a graph file or folder, or leave it null.", error.Message);
    }

    [Fact]
    public void Options_NullLimits_FailsWithClearMessage()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.Limits = null!).BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value);

        Assert.Equal("ProvenanceOptions.Limits is null; leave the default or set a GraphLimits.", error.Message);
    }

    [Fact]
    public void StartupValidator_InvalidOptions_Throws()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.Limits.MaxCitations = -1).BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("ProvenanceOptions.Limits.MaxCitations is -1; it must be positive.", error.Message);
    }
}

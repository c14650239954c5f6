using Microsoft.Extensions.Options;
using Provenance.DependencyInjection;

namespace Provenance.Tests.DependencyInjection;

public class ProvenanceGraphProviderTests
{
    [Fact]
    public void Graph_ConcurrentFirstAccess_LoadsOnce()
    {
        var loads = 0;
        var built = new CitationGraphBuilder().Build();
        using var release = new ManualResetEventSlim();
        var provider = new ProvenanceGraphProvider(() =>
        {
            Interlocked.Increment(ref loads);
            release.Wait();
            return built;
        });

        TestThreads.Run(8, _ => Assert.Same(built, provider.Graph), whileRunning: () =>
        {
            while (Volatile.Read(ref loads) == 0)
            {
                Thread.Yield();
            }

            release.Set();
        });

        Assert.Equal(1, loads);
        Assert.Same(built, provider.Graph);
    }

    [Fact]
    public void Graph_FailedLoad_IsNotRetried()
    {
        var loads = 0;
        var provider = new ProvenanceGraphProvider(() =>
        {
            loads++;
            throw new InvalidOperationException("broken");
        });

        Assert.Throws<InvalidOperationException>(() => provider.Graph);
        Assert.Throws<InvalidOperationException>(() => provider.Graph);
        Assert.Equal(1, loads);
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsNamingOptions()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new ProvenanceGraphProvider((IOptions<ProvenanceOptions>)null!));

        Assert.Equal("options", error.ParamName);
    }
}

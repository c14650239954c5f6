using Xunit.Sdk;

namespace Provenance.Tests.Hostile;

/// <summary>The watchdog itself: a hang fails the test, and the worker stops instead of running on beside later tests.</summary>
public class HostileHarnessTests
{
    [Fact]
    public void RunEach_ItemHangs_FailsNamingItAndRunsNoFurtherItem()
    {
        var ran = 0;
        using var hang = new ManualResetEventSlim();

        var failure = Assert.Throws<FailException>(() => HostileHarness.RunEach("items", 0, 1_000, TimeSpan.FromMilliseconds(300), i =>
        {
            Interlocked.Increment(ref ran);
            if (i == 2)
            {
                hang.Wait(TimeSpan.FromSeconds(2));
            }
        }));

        Assert.Contains("items: item 2 did not finish", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The worker was stopped.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, Volatile.Read(ref ran));
    }

    [Fact]
    public void Run_WorkHangs_CancelsItsToken()
    {
        var cancelled = false;

        var failure = Assert.Throws<FailException>(() => HostileHarness.Run("work", token =>
        {
            cancelled = token.WaitHandle.WaitOne(TimeSpan.FromSeconds(4));
            return 0;
        }, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("work: did not finish within 0 s", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The worker was stopped.", failure.Message, StringComparison.Ordinal);
        Assert.True(cancelled);
    }

    [Fact]
    public void Run_WorkThrows_RethrowsOnTheTestThread()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HostileHarness.Run<int>("work", () => throw new InvalidOperationException("inner")));

        Assert.Equal("inner", error.Message);
    }
}

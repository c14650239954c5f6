namespace Provenance.Tests;

/// <summary>Assertions in raw threads reach the test thread (tests/Shared/TestThreads.cs).</summary>
public class TestThreadsTests
{
    [Fact]
    public void Run_AssertionFailsInAThread_FailsOnTheTestThread()
    {
        var error = Assert.ThrowsAny<Exception>(() => TestThreads.Run(4, i => Assert.True(i != 2, "thread 2 fails")));

        Assert.Contains("thread 2 fails", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoThreadsFail_ReportsBoth()
    {
        var error = Assert.Throws<AggregateException>(() => TestThreads.Run(3, i => Assert.True(i == 0, $"thread {i}")));

        Assert.Equal(2, error.InnerExceptions.Count);
    }
}

using System.Runtime.ExceptionServices;

namespace Provenance.Testing;

/// <summary>
/// Runs test code on raw threads and rethrows what they threw on the test thread, so a failed assertion inside a thread
/// fails that test instead of crashing the test host.
/// </summary>
internal static class TestThreads
{
    /// <summary>Starts <paramref name="count"/> threads running <paramref name="body"/>(index), joins them all, then rethrows.</summary>
    /// <param name="count">How many threads.</param>
    /// <param name="body">The work of thread i.</param>
    /// <param name="stackSize">The threads' stack size, 0 for the default.</param>
    /// <param name="whileRunning">Runs on the test thread after the threads start and before they are joined.</param>
    public static void Run(int count, Action<int> body, int stackSize = 0, Action? whileRunning = null)
    {
        var errors = new ExceptionDispatchInfo?[count];
        var threads = Enumerable.Range(0, count).Select(i => new Thread(
            () =>
            {
                try
                {
                    body(i);
                }
                catch (Exception e)
                {
                    errors[i] = ExceptionDispatchInfo.Capture(e);
                }
            },
            stackSize)
        {
            IsBackground = true,
            Name = $"test thread {i}",
        }).ToList();

        threads.ForEach(t => t.Start());
        try
        {
            whileRunning?.Invoke();
        }
        finally
        {
            threads.ForEach(t => t.Join());
        }

        var thrown = errors.Select((e, i) => (e, i)).Where(x => x.e is not null).ToList();
        if (thrown.Count == 1)
        {
            thrown[0].e!.Throw();
        }

        if (thrown.Count > 1)
        {
            throw new AggregateException($"{thrown.Count} of {count} threads threw (first: thread {thrown[0].i})", thrown.Select(x => x.e!.SourceException));
        }
    }
}

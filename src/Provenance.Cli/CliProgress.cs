using System.Globalization;
using Spectre.Console;

namespace Provenance.Cli;

/// <summary>
/// A Spectre.Console progress display on standard error, with counts (bytes read and written, diagrams drawn), for long work on
/// a terminal. When <see cref="CliContext.Progress"/> is null (standard error redirected, or <c>NO_COLOR</c>) nothing is shown and
/// the work runs as is.
/// </summary>
internal sealed class CliProgress
{
    private readonly ProgressContext? display;

    private CliProgress(ProgressContext? display) => this.display = display;

    /// <summary>Runs <paramref name="work"/>, with a display when the context has a progress console and <paramref name="show"/> holds.</summary>
    public static T Run<T>(CliContext context, bool show, Func<CliProgress, T> work)
    {
        if (context.Progress is null || !show)
        {
            return work(new CliProgress(null));
        }

        return context.Progress.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(display => work(new CliProgress(display)));
    }

    /// <summary>Runs <paramref name="work"/> as <see cref="Run{T}(CliContext, bool, Func{CliProgress, T})"/>, without a result.</summary>
    public static void Run(CliContext context, bool show, Action<CliProgress> work) =>
        Run(context, show, p =>
        {
            work(p);
            return 0;
        });

    /// <summary>A step counted in bytes: <paramref name="total"/> when known (a bar and a percentage), else a running count.</summary>
    public Step Bytes(string what, long? total) => new(this, what, total, Step.Unit.Bytes);

    /// <summary>A step counted in items, e.g. diagrams.</summary>
    public Step Items(string what, long total, string noun) => new(this, what, total, Step.Unit.Items, noun);

    /// <summary>A step without a count while it runs, with what it is working on.</summary>
    public Step Busy(string what) => new(this, what, null, Step.Unit.None);

    /// <summary>One line of the display.</summary>
    public sealed class Step
    {
        private readonly ProgressTask? task;
        private readonly string what;
        private readonly long? total;
        private readonly Unit unit;
        private readonly string noun;

        internal Step(CliProgress owner, string what, long? total, Unit unit, string noun = "")
        {
            this.what = what;
            this.total = total;
            this.unit = unit;
            this.noun = noun;
            if (owner.display is { } display)
            {
                task = display.AddTask(Markup.Escape(TerminalText.Escape(what)), autoStart: true, maxValue: total is > 0 ? total.Value : 1);
                task.IsIndeterminate = total is null;
                Report(0);
            }
        }

        internal enum Unit
        {
            None,
            Bytes,
            Items,
        }

        /// <summary>Sets how far the step has got.</summary>
        public void Report(long done)
        {
            if (task is null)
            {
                return;
            }

            if (total is not null)
            {
                task.Value = Math.Min(done, total.Value);
            }

            var count = unit switch
            {
                Unit.Bytes => total is { } t ? $"{Size(done)} of {Size(t)}" : Size(done),
                Unit.Items => string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {total:N0} {noun}"),
                _ => "",
            };
            task.Description = Markup.Escape(TerminalText.Escape(count.Length == 0 ? what : $"{what}: {count}"));
        }

        /// <summary>Marks the step finished.</summary>
        public void Done()
        {
            if (task is null)
            {
                return;
            }

            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }

        /// <summary>An <see cref="IProgress{T}"/> that reports to this step, synchronously.</summary>
        public IProgress<long> AsProgress() => new Reporter(this);

        private static string Size(long bytes) => bytes switch
        {
            >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GiB"),
            >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
            >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.0} KiB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        };

        private sealed class Reporter(Step step) : IProgress<long>
        {
            public void Report(long value) => step.Report(value);
        }
    }
}

/// <summary>A write-only stream over another that tells a progress step how many bytes went through.</summary>
internal sealed class CountingStream(Stream inner, CliProgress.Step step) : Stream
{
    private long written;
    private long reported;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        written += buffer.Length;
        if (written - reported >= 256 * 1024)
        {
            reported = written;
            step.Report(written);
        }
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            step.Report(written);
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Provenance.Internal;

namespace Provenance.Graphviz;

/// <summary>The output formats <see cref="GraphvizRenderer"/> asks <c>dot</c> for.</summary>
public enum GraphvizFormat
{
    /// <summary>Scalable Vector Graphics; tooltips and links stay clickable. <c>dot -Tsvg</c>.</summary>
    Svg,

    /// <summary>A PNG bitmap. <c>dot -Tpng</c>.</summary>
    Png,

    /// <summary>A PDF document. <c>dot -Tpdf</c>.</summary>
    Pdf,
}

/// <summary>Options for <see cref="GraphvizRenderer"/>, checked when the renderer is created.</summary>
public sealed class GraphvizRendererOptions
{
    /// <summary>The path of Graphviz's <c>dot</c> program.</summary>
    /// <value>Default: <see langword="null"/>: the first <c>dot</c> (<c>dot.exe</c> on Windows) on <c>PATH</c>.</value>
    public string? DotPath { get; set; }

    /// <summary>How long <c>dot</c> may run before it (and any process it started) is killed.</summary>
    /// <value>Default: 30 seconds. Positive, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Timeout"/> is zero, negative (other than infinite) or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="ArgumentException"><see cref="DotPath"/> is empty or blank.</exception>
    public void Validate()
    {
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "GraphvizRendererOptions.Timeout must be positive (at most 24 days) or Timeout.InfiniteTimeSpan.");
        }

        if (DotPath is not null && string.IsNullOrWhiteSpace(DotPath))
        {
            throw new ArgumentException("GraphvizRendererOptions.DotPath must be a path, or null to search PATH.", nameof(DotPath));
        }
    }
}

/// <summary>
/// Renders DOT to SVG, PNG or PDF by running the installed Graphviz <c>dot</c> program (never a web service).
/// Thread-safe: each call runs its own <c>dot</c> process.
/// </summary>
public sealed class GraphvizRenderer
{
    private readonly string? dotPath;
    private readonly TimeSpan timeout;

    /// <summary>Creates a renderer.</summary>
    /// <param name="options">Where <c>dot</c> is and how long it may run; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="GraphvizRendererOptions.Validate"/>).</exception>
    public GraphvizRenderer(GraphvizRendererOptions? options = null)
    {
        options ??= new GraphvizRendererOptions();
        options.Validate();
        dotPath = options.DotPath;
        timeout = options.Timeout;
    }

    /// <summary>Draws a view of a graph: <see cref="GraphvizExtensions.ToDot(CitationGraph, DotView, DotOptions?)"/> rendered by <c>dot</c>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="view">Which diagram.</param>
    /// <param name="format">The output format.</param>
    /// <param name="options">Styling and labels; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops <c>dot</c> (killing it) when cancelled.</param>
    /// <returns>The rendered file's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="view"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="KeyNotFoundException">The view traces a claim the graph does not have.</exception>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is not installed or cannot be started.</exception>
    /// <exception cref="GraphvizException"><c>dot</c> failed or ran past the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<byte[]> RenderAsync(CitationGraph graph, DotView view, GraphvizFormat format, DotOptions? options = null, CancellationToken cancellationToken = default) =>
        RenderAsync(graph.ToDot(view, options), format, cancellationToken);

    /// <summary>Renders DOT text.</summary>
    /// <param name="dot">The DOT text.</param>
    /// <param name="format">The output format.</param>
    /// <param name="cancellationToken">Stops <c>dot</c> (killing it) when cancelled.</param>
    /// <returns>The rendered file's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is undefined.</exception>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is not installed or cannot be started.</exception>
    /// <exception cref="GraphvizException"><c>dot</c> failed (the message holds its error output) or ran past the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<byte[]> RenderAsync(string dot, GraphvizFormat format, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        await RenderAsync(dot, format, output, cancellationToken).ConfigureAwait(false);
        return output.ToArray();
    }

    /// <summary>Renders DOT text into a stream.</summary>
    /// <param name="dot">The DOT text.</param>
    /// <param name="format">The output format.</param>
    /// <param name="output">Receives the rendered file's bytes; written only when <c>dot</c> succeeds.</param>
    /// <param name="cancellationToken">Stops <c>dot</c> (killing it) when cancelled.</param>
    /// <returns>A task that completes when the output is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dot"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is undefined.</exception>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is not installed or cannot be started.</exception>
    /// <exception cref="GraphvizException"><c>dot</c> failed (the message holds its error output) or ran past the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task RenderAsync(string dot, GraphvizFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (bytes, _) = await RunAsync(dot, format, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <c>dot</c> on the text; returns its output and whatever it wrote to standard error (warnings) on success.</summary>
    internal async Task<(byte[] Output, string Warnings)> RunAsync(string dot, GraphvizFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dot);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Use Svg, Png or Pdf.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var path = FindDot();
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-T" + format.ToString().ToLowerInvariant());

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new GraphvizNotFoundException(ErrorMessages.DotNotStarted(path, e.Message), e);
        }

        using var timeoutSource = timeout == System.Threading.Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);

        // stdin, stdout and stderr all move at once: dot may fill one pipe while we are blocked on another.
        var stdout = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout, CancellationToken.None);
        var readingErrors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var writing = WriteInputAsync(process, new UTF8Encoding(false).GetBytes(dot));
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await Task.WhenAll(reading, readingErrors, writing).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new GraphvizException(
                ErrorMessages.DotTimedOut(timeout),
                null,
                "",
                new TimeoutException());
        }

        await Task.WhenAll(reading, readingErrors, writing).ConfigureAwait(false);
        var errors = (await readingErrors.ConfigureAwait(false)).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (process.ExitCode != 0)
        {
            throw new GraphvizException(
                ErrorMessages.DotFailed(process.ExitCode, errors),
                process.ExitCode,
                errors);
        }

        return (stdout.ToArray(), errors);
    }

    /// <summary>The <c>dot</c> to run: <see cref="GraphvizRendererOptions.DotPath"/>, else the first on <c>PATH</c>.</summary>
    internal string FindDot()
    {
        if (dotPath is not null)
        {
            return File.Exists(dotPath)
                ? dotPath
                : throw new GraphvizNotFoundException(ErrorMessages.DotNotFoundAt(dotPath));
        }

        return FindOnPath(Environment.GetEnvironmentVariable("PATH"))
            ?? throw new GraphvizNotFoundException(ErrorMessages.DotNotOnPath());
    }

    /// <summary>The first <c>dot</c> (<c>dot.exe</c> on Windows) in the directories of a <c>PATH</c> value, or <see langword="null"/>.</summary>
    internal static string? FindOnPath(string? path)
    {
        var name = OperatingSystem.IsWindows() ? "dot.exe" : "dot";
        foreach (var directory in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory.Trim('"'), name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task WriteInputAsync(Process process, byte[] input)
    {
        try
        {
            var stdin = process.StandardInput.BaseStream;
            await stdin.WriteAsync(input).ConfigureAwait(false);
            await stdin.FlushAsync().ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // dot exited (or was killed) before reading everything; its exit code and error output tell why.
        }
        catch (ObjectDisposedException)
        {
            // Same: the pipe was closed under us.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }
}

using System.Text;
using Provenance.Graphviz;
using static Provenance.Tests.Graphviz.GraphvizTestKit;

namespace Provenance.Tests.Graphviz;

public class GraphvizRendererTests
{
    [SkippableTheory]
    [InlineData(GraphvizFormat.Svg, new byte[] { (byte)'<', (byte)'?', (byte)'x', (byte)'m', (byte)'l' })]
    [InlineData(GraphvizFormat.Png, new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A })]
    [InlineData(GraphvizFormat.Pdf, new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-' })]
    public async Task RenderAsync_Graph_WritesTheFormatsMagicBytes(GraphvizFormat format, byte[] magic)
    {
        var bytes = await Renderer.RenderAsync(GraphvizSamples.Small(), DotView.Reports, format);

        Assert.Equal(magic, bytes.Take(magic.Length));
    }

    [SkippableFact]
    public async Task RenderAsync_Stream_ReceivesTheSvg()
    {
        using var output = new MemoryStream();

        await Renderer.RenderAsync("digraph { a -> b }", GraphvizFormat.Svg, output, CancellationToken.None);

        Assert.Contains("<title>a&#45;&gt;b</title>", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RenderAsync_LargeInputAndOutput_DoesNotDeadlock()
    {
        // Far more than a pipe buffer each way: dot's stdin, stdout and stderr must all move at once.
        var dot = new StringBuilder("digraph {\n");
        for (var i = 0; i < 1000; i++)
        {
            dot.Append("  \"node number ").Append(i).Append("\" [tooltip=\"").Append('x', 200).Append("\"];\n");
        }

        var svg = await Renderer.RenderAsync(dot.Append("}\n").ToString(), GraphvizFormat.Svg, CancellationToken.None);

        Assert.Equal(1000, Encoding.UTF8.GetString(svg).Split("class=\"node\"").Length - 1);
    }

    [SkippableFact]
    public async Task RenderAsync_MissingDotPath_ThrowsNotFoundNamingThePackage()
    {
        var renderer = new GraphvizRenderer(new GraphvizRendererOptions { DotPath = "/nonexistent/bin/dot" });

        var error = await Assert.ThrowsAsync<GraphvizNotFoundException>(() => renderer.RenderAsync("digraph {}", GraphvizFormat.Svg, CancellationToken.None));

        Assert.Equal(
            "Graphviz's dot was not found at '/nonexistent/bin/dot'; install Graphviz (apt-get install graphviz / brew install graphviz / choco install graphviz), or fix GraphvizRendererOptions.DotPath.",
            error.Message);
    }

    [SkippableFact]
    public void FindOnPath_NoDot_ReturnsNull()
    {
        var empty = Directory.CreateTempSubdirectory("provenance-path-");
        try
        {
            Assert.Null(GraphvizRenderer.FindOnPath(empty.FullName + Path.PathSeparator + "/nonexistent"));
            Assert.Null(GraphvizRenderer.FindOnPath(null));
        }
        finally
        {
            empty.Delete(true);
        }
    }

    [SkippableFact]
    public void FindOnPath_DotInSecondDirectory_FindsIt()
    {
        var directory = Path.GetDirectoryName(DotPath)!;

        Assert.Equal(Path.Combine(directory, "dot"), GraphvizRenderer.FindOnPath("/nonexistent" + Path.PathSeparator + directory));
    }

    [SkippableFact]
    public async Task RenderAsync_BrokenDot_ThrowsWithDotsErrorOutput()
    {
        var error = await Assert.ThrowsAsync<GraphvizException>(() => Renderer.RenderAsync("digraph { a -> }", GraphvizFormat.Svg, CancellationToken.None));

        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("Error: <stdin>: syntax error in line 1", error.StandardError, StringComparison.Ordinal);
        Assert.Equal("Graphviz's dot failed with exit code 1: " + error.StandardError, error.Message);
    }

    [SkippableFact]
    public async Task RenderAsync_DotRunsPastTimeout_KillsItAndThrows()
    {
        using var fake = new FakeDot("sleep 30 &\nwait\n");
        var renderer = new GraphvizRenderer(new GraphvizRendererOptions { DotPath = fake.Path, Timeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<GraphvizException>(() => renderer.RenderAsync("digraph {}", GraphvizFormat.Svg, CancellationToken.None));

        Assert.Equal("Graphviz's dot did not finish within 0.3 s and was stopped; draw a smaller view or raise GraphvizRendererOptions.Timeout.", error.Message);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Null(error.ExitCode);
    }

    [SkippableFact]
    public async Task RenderAsync_Cancelled_KillsDotAndThrows()
    {
        using var fake = new FakeDot("sleep 30 &\nwait\n");
        var renderer = new GraphvizRenderer(new GraphvizRendererOptions { DotPath = fake.Path });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renderer.RenderAsync("digraph {}", GraphvizFormat.Svg, cancel.Token));
    }

    [SkippableFact]
    public async Task RenderAsync_DotExitsWithoutReading_ReportsItsError()
    {
        using var fake = new FakeDot("echo 'Error: broken install' >&2\nexit 3\n");
        var renderer = new GraphvizRenderer(new GraphvizRendererOptions { DotPath = fake.Path });

        var error = await Assert.ThrowsAsync<GraphvizException>(() => renderer.RenderAsync(new string('x', 1 << 20), GraphvizFormat.Png, CancellationToken.None));

        Assert.Equal("Graphviz's dot failed with exit code 3: Error: broken install", error.Message);
    }

    [SkippableFact]
    public void Constructor_BadOptions_Throw()
    {
        var timeout = Assert.Throws<ArgumentOutOfRangeException>(() => new GraphvizRenderer(new GraphvizRendererOptions { Timeout = TimeSpan.Zero }));
        var path = Assert.Throws<ArgumentException>(() => new GraphvizRenderer(new GraphvizRendererOptions { DotPath = " " }));

        Assert.Equal("Timeout", timeout.ParamName);
        Assert.StartsWith("GraphvizRendererOptions.Timeout must be positive (at most 24 days) or Timeout.InfiniteTimeSpan.", timeout.Message, StringComparison.Ordinal);
        Assert.Equal("GraphvizRendererOptions.DotPath must be a path, or null to search PATH. (Parameter 'DotPath')", path.Message);
    }

    [SkippableFact]
    public async Task RenderAsync_UndefinedFormat_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Renderer.RenderAsync("digraph {}", (GraphvizFormat)7, CancellationToken.None));

        Assert.Equal("format", error.ParamName);
    }

    /// <summary>A shell script standing in for dot, in a temporary directory deleted on dispose.</summary>
    private sealed class FakeDot : IDisposable
    {
        private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("provenance-fake-dot-");

        public FakeDot(string body)
        {
            Path = System.IO.Path.Combine(directory.FullName, "dot");
            File.WriteAllText(Path, "#!/bin/sh\n" + body);
            Assert.False(OperatingSystem.IsWindows(), "The fake dot is a shell script; run this test on Linux or macOS.");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        public string Path { get; }

        public void Dispose() => directory.Delete(true);
    }
}

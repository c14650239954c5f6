using System.Diagnostics;
using System.Text;

namespace Provenance.Cli.Tests;

/// <summary>The tool run as a separate process: <c>dotnet Provenance.Cli.dll ...</c>, beside the test assembly.</summary>
internal static class CliProcess
{
    /// <summary>Runs the tool with <paramref name="args"/>; <paramref name="environment"/> entries are set (or removed when null).</summary>
    public static (int Exit, string Output, string Error) Run(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        // DOTNET_HOST_PATH is set by the SDK for every test run; it names the dotnet that built us.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : ExternalTool.Require("dotnet", "https://dot.net");
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Provenance.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"provenance {string.Join(' ', args)} did not exit within 5 minutes");
        }

        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}

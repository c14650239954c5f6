using System.Diagnostics;
using System.Text;

namespace Provenance.Tests.Prov;

/// <summary>Runs prov_check.py with a Python that has the W3C prov library (Debian's python3-prov).</summary>
internal static class PythonProv
{
    private static readonly Lazy<string> Interpreter = new(Find);

    public static string Script => Path.Combine(AppContext.BaseDirectory, "Prov", "prov_check.py");

    /// <summary>Runs the script and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(params string[] arguments)
    {
        var (code, output, error) = Execute(Interpreter.Value, [Script, .. arguments]);
        Assert.True(code == 0, $"prov_check.py {string.Join(' ', arguments)} exited with {code}:\n{error}");
        return output;
    }

    private static string Find()
    {
        // Every python3/python on PATH, in PATH order: the first may lack prov (a virtual environment), a later one
        // (Debian's python3-prov installs for the system python3) may have it.
        string[] candidates = [.. ExternalTool.FindAll("python3").Concat(ExternalTool.FindAll("python")).Distinct(StringComparer.Ordinal)];
        var tried = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                var (code, _, error) = Execute(candidate, ["-c", "import prov.model"]);
                if (code == 0)
                {
                    return candidate;
                }

                tried.Add($"{candidate}: {error.Trim().Split('\n')[^1]}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                tried.Add($"{candidate}: {e.Message}");
            }
        }

        return ExternalTool.Missing("No Python interpreter on PATH can 'import prov' (install Debian's python3-prov: apt-get install python3-prov). Tried: " + (tried.Count == 0 ? "none found" : string.Join("; ", tried)));
    }

    private static (int Code, string Output, string Error) Execute(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}

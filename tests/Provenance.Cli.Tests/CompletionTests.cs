using System.Diagnostics;
using Provenance.Testing;

namespace Provenance.Cli.Tests;

/// <summary>Shell completion (issue 15): the scripts install, and they complete from the tool's own suggest directive.</summary>
public class CompletionTests
{
    [Theory]
    [InlineData("bash", "complete -o default -o bashdefault -F _provenance_complete provenance")]
    [InlineData("zsh", "compdef _provenance provenance")]
    [InlineData("fish", "complete -c provenance -a '(__provenance_complete)'")]
    public void Completion_Shell_PrintsItsScript(string shell, string registers)
    {
        var run = CliRun.Of("completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(registers, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_UnknownShell_ExitsTwo()
    {
        var run = CliRun.Of("completion", "powershell");

        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("provenance tr", "trace")]
    [InlineData("provenance sing", "single-source")]
    [InlineData("provenance validate --max-f", "--max-file-size")]
    [InlineData("provenance export g.yaml --format prov-", "prov-json")]
    public void SuggestDirective_CompletesCommandsOptionsAndValues(string line, string expected)
    {
        var run = CliRun.Of($"[suggest:{line.Length}]", line);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Output.Split('\n'));
    }

    [SkippableFact]
    public void BashScript_Sourced_RegistersAndCompletes()
    {
        ExternalTool.Require("bash", "apt-get install bash");
        using var temp = new TestFiles.TempFolder();
        var script = temp.File("provenance.bash");
        File.WriteAllText(script, CliRun.Of("completion", "bash").Output);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var dll = Path.Combine(AppContext.BaseDirectory, "Provenance.Cli.dll");

        // 'provenance' is a function running the built tool, as the installed tool would run; then complete "provenance sin".
        var output = Bash($$"""
            provenance() { "{{dotnet}}" "{{dll}}" "$@"; }
            source "{{script}}"
            complete -p provenance
            COMP_LINE="provenance sin"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(provenance sin); COMP_CWORD=1
            _provenance_complete
            printf 'reply:%s\n' "${COMPREPLY[@]}"
            """);

        Assert.Contains("complete -o bashdefault -o default -F _provenance_complete provenance\n", output, StringComparison.Ordinal);
        Assert.Contains("reply:single-source\n", output, StringComparison.Ordinal);
    }

    private static string Bash(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("--norc");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output + error.GetAwaiter().GetResult());
        return output;
    }
}

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

    [SkippableFact]
    public void ZshScript_UnderCompinit_LoadsWithoutErrorAndRegistersItsFunction()
    {
        ExternalTool.Require("zsh", "apt-get install zsh");
        using var temp = new TestFiles.TempFolder();
        var script = Script(temp, "zsh");

        var (exit, output, error) = Shell(temp, "zsh", ["-f", "-c", $"autoload -Uz compinit && compinit -u -D && source '{script}' && print -r -- \"comps:${{_comps[provenance]}}\" && whence -w _provenance"]);

        Assert.True(exit == 0 && error.Length == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Equal("comps:_provenance\n_provenance: function\n", output);
    }

    /// <summary>
    /// Real zsh completion: an interactive zsh in a pseudo-terminal (zsh/zpty), with compinit and the script loaded, is
    /// typed <paramref name="typed"/> and a Tab; what zsh draws on the line must then hold <paramref name="completed"/>.
    /// </summary>
    [SkippableTheory]
    [InlineData("provenance sin", "provenance single-source")]
    [InlineData("provenance export g.yaml --format prov-j", "provenance export g.yaml --format prov-json")]
    [InlineData("provenance validate --max-f", "provenance validate --max-file-size")]
    public void ZshScript_TabInARealZsh_CompletesTheLine(string typed, string completed)
    {
        ExternalTool.Require("zsh", "apt-get install zsh");
        using var temp = new TestFiles.TempFolder();
        var script = Script(temp, "zsh");
        var (dotnet, dll) = Tool();
        var driver = temp.File("drive.zsh");
        File.WriteAllText(driver, $$"""
            zmodload zsh/zpty || exit 3
            zpty z zsh -f -i
            zpty -w z 'PS1="%% "; autoload -Uz compinit; compinit -u -D'
            zpty -w z 'provenance() { "{{dotnet}}" "{{dll}}" "$@"; }'
            zpty -w z "source '{{script}}'"
            zpty -w z 'print -r -- ready-$(( 6 * 7 ))'
            out=""
            # Wait for the shell to be set up, then type the line and a Tab; read until the completion shows or 2 minutes pass.
            for i in {1..1200}; do
              if zpty -r -t z chunk; then out+=$chunk; else sleep 0.1; fi
              [[ $out == *ready-42* ]] && break
            done
            zpty -w -n z $'{{typed}}	'
            out=""
            for i in {1..1200}; do
              if zpty -r -t z chunk; then out+=$chunk; else sleep 0.1; fi
              [[ $out == *'{{completed}}'* ]] && break
            done
            zpty -d z
            print -r -- "$out"
            """);

        var (exit, output, error) = Shell(temp, "zsh", ["-f", driver]);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.True(output.Contains(completed, StringComparison.Ordinal), $"zsh did not complete '{typed}' to '{completed}'; the terminal showed:\n{output}\n{error}");
    }

    [SkippableFact]
    public void FishScript_Sourced_LoadsWithoutErrorAndRegisters()
    {
        ExternalTool.Require("fish", "apt-get install fish");
        using var temp = new TestFiles.TempFolder();
        var script = Script(temp, "fish");

        var (exit, output, error) = Shell(temp, "fish", ["--no-config", "-c", $"source '{script}'; and complete -c provenance; and functions -q __provenance_complete; and echo defined"]);

        Assert.True(exit == 0 && error.Length == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Equal("complete provenance -a '(__provenance_complete)'\ndefined\n", output);
    }

    /// <summary>Real fish completion: <c>complete -C</c> lists what fish offers for the line, asking the tool through the script.</summary>
    [SkippableTheory]
    [InlineData("provenance tr", "trace")]
    [InlineData("provenance sing", "single-source")]
    [InlineData("provenance export g.yaml --format prov-", "prov-json")]
    [InlineData("provenance validate --max-f", "--max-file-size")]
    public void FishScript_CompleteC_ListsTheToolsSuggestions(string line, string expected)
    {
        ExternalTool.Require("fish", "apt-get install fish");
        using var temp = new TestFiles.TempFolder();
        var script = Script(temp, "fish");
        var (dotnet, dll) = Tool();

        var (exit, output, error) = Shell(temp, "fish", ["--no-config", "-c", $"function provenance; '{dotnet}' '{dll}' $argv; end; source '{script}'; complete -C '{line}'"]);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var offered = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).ToList();
        Assert.True(offered.Contains(expected), $"fish offered [{string.Join(", ", offered)}] for '{line}', not '{expected}'\n{error}");
        Assert.All(offered, o => Assert.StartsWith(line.Split(' ')[^1], o, StringComparison.Ordinal));
    }

    private static string Script(TestFiles.TempFolder temp, string shell)
    {
        var script = temp.File("provenance." + shell);
        File.WriteAllText(script, CliRun.Of("completion", shell).Output);
        return script;
    }

    /// <summary>How a shell runs the built tool, as the installed tool would run.</summary>
    private static (string Dotnet, string Dll) Tool() => (
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
        Path.Combine(AppContext.BaseDirectory, "Provenance.Cli.dll"));

    /// <summary>Runs a shell in <paramref name="temp"/>, with HOME and the XDG folders there too, so no user file is read or written.</summary>
    private static (int Exit, string Output, string Error) Shell(TestFiles.TempFolder temp, string shell, string[] args)
    {
        var start = new ProcessStartInfo(shell) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = temp.Path };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var variable in new[] { "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "ZDOTDIR" })
        {
            start.Environment[variable] = temp.Path;
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{shell} did not finish in 4 minutes:\n{output.GetAwaiter().GetResult()}\n{error.GetAwaiter().GetResult()}");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
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

using System.CommandLine;
using System.CommandLine.Invocation;

namespace Provenance.Cli;

/// <summary>Runs the <c>provenance</c> tool in-process: parse, dispatch, and turn every failure into an exit code.</summary>
internal static class ProvenanceCli
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing to the streams of <paramref name="terminal"/>.</summary>
    /// <returns><see cref="ExitCodes.Success"/>, <see cref="ExitCodes.InvalidInput"/> or <see cref="ExitCodes.Usage"/>.</returns>
    public static int Run(IReadOnlyList<string> args, CliTerminal terminal)
    {
        var context = new CliContext(terminal);
        var root = CommandTree.Build(context);
        var parse = root.Parse(args);

        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                context.WriteError("error: " + error.Message);
            }

            context.WriteError($"Run '{CommandPath(parse.CommandResult.Command)} --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = terminal.Output,
                Error = terminal.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException e)
        {
            foreach (var line in e.Lines ?? ["error: " + e.Message])
            {
                context.WriteError(line);
            }

            return e.ExitCode;
        }
        catch (GraphValidationException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                context.WriteError(CliFormat.Diagnostic(diagnostic, null));
            }

            return ExitCodes.InvalidInput;
        }
        catch (ProvenanceException e)
        {
            context.WriteError("error: " + e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.WriteError("error: " + e.Message);
            return ExitCodes.InvalidInput;
        }
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is not null; s = s.Parents.FirstOrDefault())
        {
            names.Add(s is RootCommand ? "provenance" : s.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}

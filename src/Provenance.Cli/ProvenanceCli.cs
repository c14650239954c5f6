using System.CommandLine;
using System.CommandLine.Invocation;

namespace Provenance.Cli;

/// <summary>Runs the <c>provenance</c> tool in-process: parse, dispatch, and turn every failure into an exit code and a message.</summary>
internal static class ProvenanceCli
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing to the streams of <paramref name="terminal"/>.</summary>
    /// <returns>
    /// <see cref="ExitCodes.Success"/>, <see cref="ExitCodes.InvalidInput"/>, <see cref="ExitCodes.Usage"/>, or <see cref="ExitCodes.Internal"/>
    /// for an exception nobody planned for, which is printed as one line (with its stack under <c>--verbose</c>), never as a crash.
    /// </returns>
    public static int Run(IReadOnlyList<string> args, CliTerminal terminal) => Run(args, terminal, null);

    /// <summary>Runs the tool as <see cref="Run(IReadOnlyList{string}, CliTerminal)"/>, with <paramref name="setUp"/> applied to the context first (for tests).</summary>
    internal static int Run(IReadOnlyList<string> args, CliTerminal terminal, Action<CliContext>? setUp)
    {
        var context = new CliContext(terminal) { Verbose = args.Contains("--verbose") };
        setUp?.Invoke(context);
        try
        {
            return RunCore(args, context);
        }
        catch (Exception e)
        {
            return Internal(context, e);
        }
    }

    /// <summary>Reports an unplanned exception: one line, the stack only with <c>--verbose</c>.</summary>
    internal static int Internal(CliContext context, Exception e)
    {
        try
        {
            context.WriteError($"error: internal error: {e.GetType().FullName}: {e.Message}");
            if (context.Verbose)
            {
                foreach (var line in (e.ToString()).Split('\n'))
                {
                    context.WriteError(line.TrimEnd('\r'));
                }
            }
            else
            {
                context.WriteError("Run again with --verbose for the stack trace, and report it as a bug.");
            }
        }
        catch (IOException)
        {
            // Standard error itself is gone (a closed pipe): the exit code is all that is left to say it.
        }

        return ExitCodes.Internal;
    }

    private static int RunCore(IReadOnlyList<string> args, CliContext context)
    {
        var settings = new CliSettings();
        var root = CommandTree.Build(context, settings);
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

        context.Verbose = parse.GetValue(settings.Verbose);
        context.LoadOptions = settings.LoadOptions(parse);
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Terminal.Output,
                Error = context.Terminal.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException e)
        {
            foreach (var line in e.Lines ?? [e.Message.Contains(": error: ", StringComparison.Ordinal) ? e.Message : "error: " + e.Message])
            {
                context.WriteError(CliFormat.ForCli(line));
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
            context.WriteError("error: " + CliFormat.ForCli(e.Message));
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.WriteError(e is FileNotFoundException { FileName: { } file } ? CliFiles.Problem(file, "cannot read", e) : "error: " + e.Message);
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

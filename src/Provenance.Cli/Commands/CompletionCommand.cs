using System.CommandLine;

namespace Provenance.Cli.Commands;

/// <summary>
/// <c>provenance completion bash|zsh|fish</c>: prints a shell script that completes <c>provenance</c> command lines. The script asks
/// the tool itself, through System.CommandLine's <c>[suggest:position]</c> directive, so completions always match the commands and
/// options of the installed version; where the tool has nothing to suggest (a graph argument), the shell completes file names.
/// </summary>
internal static class CompletionCommand
{
    internal const string Bash = """
        # provenance completion for bash: add to ~/.bashrc
        #   source <(provenance completion bash)
        _provenance_complete()
        {
            local IFS=$'\n'
            local candidates
            candidates=$(provenance "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
            COMPREPLY=($(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -o bashdefault -F _provenance_complete provenance

        """;

    internal const string Zsh = """
        #compdef provenance
        # provenance completion for zsh: add to ~/.zshrc (after compinit)
        #   source <(provenance completion zsh)
        _provenance()
        {
            local -a candidates
            candidates=("${(@f)$(provenance "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
            candidates=(${candidates:#})
            if (( ${#candidates} )); then
                compadd -a candidates
            else
                _files
            fi
        }
        compdef _provenance provenance

        """;

    internal const string Fish = """
        # provenance completion for fish: add to ~/.config/fish/config.fish
        #   provenance completion fish | source
        function __provenance_complete
            set -l line (commandline -cp)
            provenance "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c provenance -a '(__provenance_complete)'

        """;

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command("completion", "Print a shell completion script for bash, zsh or fish (see the README for where to put it).")
        {
            shell,
        };
        command.SetAction(int (parse) =>
        {
            context.Out.Write(parse.GetRequiredValue(shell) switch
            {
                "bash" => Bash,
                "zsh" => Zsh,
                _ => Fish,
            });
            return ExitCodes.Success;
        });
        return command;
    }
}

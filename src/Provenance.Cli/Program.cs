namespace Provenance.Cli;

/// <summary>The process entry point of the <c>provenance</c> tool.</summary>
internal static class Program
{
    /// <summary>Runs the tool on the real console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 on success, 1 on invalid input, 2 on a usage error.</returns>
    public static int Main(string[] args) => ProvenanceCli.Run(args, CliTerminal.FromProcess());
}

using Microsoft.Extensions.Options;

namespace Provenance.DependencyInjection;

/// <summary>Checks <see cref="ProvenanceOptions"/> once, gathering every problem into one clear failure.</summary>
internal sealed class ProvenanceOptionsValidator : IValidateOptions<ProvenanceOptions>
{
    public ValidateOptionsResult Validate(string? name, ProvenanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.GraphPath is { } path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                failures.Add("ProvenanceOptions.GraphPath is empty; give a graph file or folder, or leave it null.");
            }
            else if (!File.Exists(path) && !Directory.Exists(path))
            {
                failures.Add($"ProvenanceOptions.GraphPath '{path}' does not exist; give an existing graph file or folder.");
            }
        }

        for (var i = 0; i < options.GraphPaths.Count; i++)
        {
            var more = options.GraphPaths[i];
            if (string.IsNullOrWhiteSpace(more))
            {
                failures.Add($"ProvenanceOptions.GraphPaths[{i}] is empty; give a graph file or folder.");
            }
            else if (!File.Exists(more) && !Directory.Exists(more))
            {
                failures.Add($"ProvenanceOptions.GraphPaths[{i}] '{more}' does not exist; give an existing graph file or folder.");
            }
        }

        if (options.DotPath is not null && string.IsNullOrWhiteSpace(options.DotPath))
        {
            failures.Add("ProvenanceOptions.DotPath is empty; give the path of Graphviz's dot program, or leave it null to look it up on PATH.");
        }

        if (options.Limits is null)
        {
            failures.Add("ProvenanceOptions.Limits is null; leave the default or set a GraphLimits.");
        }
        else
        {
            Positive(failures, "Limits.MaxFileBytes", options.Limits.MaxFileBytes);
            Positive(failures, "Limits.MaxNodes", options.Limits.MaxNodes);
            Positive(failures, "Limits.MaxCitations", options.Limits.MaxCitations);
            Positive(failures, "Limits.MaxAliasExpansion", options.Limits.MaxAliasExpansion);
            Positive(failures, "Limits.MaxNestingDepth", options.Limits.MaxNestingDepth);
            Positive(failures, "Limits.MaxScalarLength", options.Limits.MaxScalarLength);
        }

        if (options.Trace is null)
        {
            failures.Add("ProvenanceOptions.Trace is null; leave the default or set a TraceOptions.");
        }
        else
        {
            Positive(failures, "Trace.MaxChains", options.Trace.MaxChains);
            Positive(failures, "Trace.MaxDepth", options.Trace.MaxDepth);
            Positive(failures, "Trace.MaxTotalHops", options.Trace.MaxTotalHops);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string property, long value)
    {
        if (value <= 0)
        {
            failures.Add(FormattableString.Invariant($"ProvenanceOptions.{property} is {value}; it must be positive."));
        }
    }
}

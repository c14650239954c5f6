using Provenance.Bulk;
using Provenance.Prov;
using Provenance.Yaml;
using SharpFuzz;

namespace Provenance.Fuzz;

/// <summary>
/// Fuzz targets for the readers of untrusted input. A target is one loader fed the fuzzer's bytes; the loader's documented
/// failure (<see cref="GraphValidationException"/>) is an expected outcome, and every other exception escapes, which afl++
/// records as a crash. The <c>extract</c> target is <see cref="ExtractionTarget"/>.
/// </summary>
/// <remarks>
/// <c>Provenance.Fuzz &lt;yaml|jsonl|prov-json|extract&gt;</c> runs under afl-fuzz (see fuzz.sh);
/// <c>Provenance.Fuzz &lt;target&gt; --replay &lt;file-or-folder&gt;...</c> runs the target once per file without afl and
/// prints each file's outcome, for triage and for checking a corpus.
/// </remarks>
public static class Program
{
    public static readonly IReadOnlyDictionary<string, Action<Stream>> Targets = new Dictionary<string, Action<Stream>>(StringComparer.Ordinal)
    {
        ["yaml"] = stream => Expect(() => ProvenanceYaml.Load(stream, "fuzz.yaml")),
        ["jsonl"] = stream => Expect(() => ProvenanceJsonLines.Load(stream, "fuzz.jsonl")),
        ["prov-json"] = stream => Expect(() => ProvJson.Import(stream, "fuzz.json")),
        ["extract"] = ExtractionTarget.Run,
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Provenance.Fuzz <{string.Join('|', Targets.Keys)}> [--replay <file-or-folder>...]");
            return 2;
        }

        if (args.Length > 1 && args[1] == "--replay")
        {
            // The instrumented assemblies record branches in afl's shared memory; outside afl they get a private buffer.
            unsafe
            {
                SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 20);
            }

            return Replay(target, args[2..]);
        }

        Fuzzer.OutOfProcess.Run(target);
        return 0;
    }

    /// <summary>Runs the loader; its documented failure is swallowed, anything else propagates.</summary>
    private static void Expect(Action load)
    {
        try
        {
            load();
        }
        catch (GraphValidationException)
        {
            // The documented outcome for bad input: a list of problems with file:line:column.
        }
    }

    private static int Replay(Action<Stream> target, string[] paths)
    {
        var crashes = 0;
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]);
        foreach (var file in files)
        {
            try
            {
                using var stream = File.OpenRead(file);
                target(stream);
                Console.WriteLine($"ok     {file}");
            }
            catch (Exception e)
            {
                crashes++;
                Console.WriteLine($"CRASH  {file}: {e.GetType().FullName}: {e.Message.Split('\n')[0]}");
            }
        }

        return crashes == 0 ? 0 : 1;
    }
}

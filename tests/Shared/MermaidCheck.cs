using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Provenance.Testing;

/// <summary>
/// Renders Mermaid text with Mermaid itself in Debian's chromium (issue 19), so every Mermaid output of the tests is checked
/// by Mermaid: tests/Provenance.Tests/mermaid/check.mjs, with the Mermaid and puppeteer that <c>npm ci</c> installs there for
/// <c>@mermaid-js/mermaid-cli</c>. One node process, one browser and one page serve the whole test process; each distinct
/// text is rendered once. Locally a missing node, chromium or npm install skips the calling test; in CI it fails it.
/// </summary>
/// <remarks>Tests that call <see cref="AssertRenders"/> must be <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>.</remarks>
internal static class MermaidCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Results = new(StringComparer.Ordinal);
    private static readonly object Gate = new();
    private static Server? server;

    /// <summary>The folder with package.json, package-lock.json and check.mjs.</summary>
    public static string Folder => TestRepository.File("tests", "Provenance.Tests", "mermaid");

    /// <summary>
    /// Fails the test, naming <paramref name="name"/>, when Mermaid cannot render <paramref name="mermaid"/> (a parse or
    /// layout error, or no SVG).
    /// </summary>
    /// <param name="mermaid">The Mermaid text, as written by the code under test.</param>
    /// <param name="name">What the text is, for the failure message (e.g. the view and the options).</param>
    public static void AssertRenders(string mermaid, string name)
    {
        var error = Render(mermaid);
        if (error is not null)
        {
            Assert.Fail($"Mermaid could not render {name}: {error}\n--- the Mermaid text ---\n{mermaid}");
        }
    }

    /// <summary>Mermaid's error for <paramref name="mermaid"/>, or null when it rendered to SVG.</summary>
    public static string? Render(string mermaid)
    {
        var chromium = ExternalTool.Require("chromium", "apt-get install chromium");
        var node = ExternalTool.Require("node", "apt-get install nodejs npm");
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@mermaid-js", "mermaid-cli")))
        {
            ExternalTool.Missing("Mermaid's CLI is not installed; run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci` in tests/Provenance.Tests/mermaid to run this test");
        }

        var task = Results.GetOrAdd(mermaid, text => new Lazy<Task<string?>>(() => Start(node, chromium).Send(text))).Value;
        if (!task.Wait(Timeout))
        {
            Assert.Fail($"Mermaid did not answer in {Timeout.TotalMinutes} minutes");
        }

        return task.Result;
    }

    private static Server Start(string node, string chromium)
    {
        lock (Gate)
        {
            if (server is null || server.Failed is not null)
            {
                server = new Server(node, chromium);
            }

            return server;
        }
    }

    /// <summary>The node process: requests by id, answers matched back by id on a reader thread.</summary>
    private sealed class Server
    {
        private readonly Process process;
        private readonly ConcurrentDictionary<long, TaskCompletionSource<string?>> pending = new();
        private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> stderr = new();
        private readonly object writeGate = new();
        private long nextId;

        public Server(string node, string chromium)
        {
            var start = new ProcessStartInfo(node)
            {
                WorkingDirectory = Folder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(Folder, "check.mjs"));
            start.ArgumentList.Add(chromium);
            start.Environment["PUPPETEER_SKIP_DOWNLOAD"] = "1";
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    stderr.Enqueue(e.Data);
                }
            };
            process.BeginErrorReadLine();
            new Thread(Read) { IsBackground = true, Name = "mermaid check reader" }.Start();
            // Closing stdin ends check.mjs, which closes the browser.
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    process.StandardInput.Close();
                    process.WaitForExit(5000);
                }
                catch (InvalidOperationException)
                {
                }
            };
        }

        /// <summary>Why the process stopped answering, or null while it runs.</summary>
        public string? Failed { get; private set; }

        public async Task<string?> Send(string definition)
        {
            var first = await Task.WhenAny(ready.Task, Task.Delay(Timeout)).ConfigureAwait(false);
            if (first != ready.Task)
            {
                return $"check.mjs did not start in {Timeout.TotalMinutes} minutes: {string.Join('\n', stderr)}";
            }

            var id = Interlocked.Increment(ref nextId);
            var answer = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = answer;
            lock (writeGate)
            {
                if (Failed is not null)
                {
                    return Failed;
                }

                try
                {
                    process.StandardInput.WriteLine(JsonSerializer.Serialize(new { id, definition }));
                    process.StandardInput.Flush();
                }
                catch (IOException e)
                {
                    pending.TryRemove(id, out _);
                    return "writing to check.mjs: " + e.Message;
                }
            }

            return await answer.Task.ConfigureAwait(false);
        }

        private void Read()
        {
            try
            {
                while (process.StandardOutput.ReadLine() is { } line)
                {
                    using var json = JsonDocument.Parse(line);
                    var root = json.RootElement;
                    if (root.TryGetProperty("ready", out _))
                    {
                        ready.TrySetResult();
                    }
                    else if (root.GetProperty("id").ValueKind == JsonValueKind.Number
                        && pending.TryRemove(root.GetProperty("id").GetInt64(), out var answer))
                    {
                        answer.TrySetResult(root.GetProperty("ok").GetBoolean() ? null : root.GetProperty("error").GetString());
                    }
                }
            }
            catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                stderr.Enqueue("reading check.mjs: " + e.Message);
            }

            process.WaitForExit(5000);
            Failed = $"check.mjs stopped (exit {(process.HasExited ? process.ExitCode : -1)}): {string.Join('\n', stderr)}";
            ready.TrySetResult();
            lock (writeGate)
            {
                foreach (var answer in pending.Values)
                {
                    answer.TrySetResult(Failed);
                }
            }
        }
    }
}

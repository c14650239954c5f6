#!/usr/bin/env python3
"""Hand-picked mutations of src/Provenance (Tracing, Model, Loading, Generation, QuikGraph, Bulk, Internal, Reuse), each expected to be killed by the named test class.

Stryker (tests/mutation.sh) measures a whole folder but needs hours for src/Provenance/Tracing on a two-core machine;
this script checks, in about ten minutes, that the tests written against the surviving mutants of its last run
(tests/MUTATION.md) still fail when the code is broken that way. Each mutation is applied to the source, the test class
is run (Release), and the source is restored whatever happens. Exit status 1 when a mutation survives.

    python3 tests/mutation-checks.py            # every check
    python3 tests/mutation-checks.py Model      # only the checks whose source path or name contains one of the arguments
"""
import subprocess, sys, os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
T='src/Provenance/Tracing/'
M='src/Provenance/Model/'
L='src/Provenance/Loading/'
G='src/Provenance/Generation/'
Q='src/Provenance/QuikGraph/'
B='src/Provenance/Bulk/'
I='src/Provenance/Internal/'
R='src/Provenance/Reuse/'
checks = [
 ("DeadEnds claim filter at index 0", T+'CitationGraphQueries.Claims.cs', 'claim < (only < 0 ? graph.Claims.Length : only + 1)', 'claim < (only <= 0 ? graph.Claims.Length : only + 1)', 'QueryArgumentAndFilterTests'),
 ("DeadEnds source filter at index 0", T+'CitationGraphQueries.Claims.cs', '&& (source < 0 || graph.ReportSource[report] == source))', '&& (source <= 0 || graph.ReportSource[report] == source))', 'QueryArgumentAndFilterTests'),
 ("DeadEnds sort removed", T+'CitationGraphQueries.Claims.cs', 'found.Sort((a, b) => a.Report.CompareTo(b.Report));', ';', 'QueryArgumentAndFilterTests'),
 ("Unattributed claim filter at index 0", T+'CitationGraphQueries.Claims.cs', '&& (claim < 0 || graph.AssertionClaim[i] == claim)', '&& (claim <= 0 || graph.AssertionClaim[i] == claim)', 'QueryArgumentAndFilterTests'),
 ("Trace longest chain <= depth -> <", T+'CitationGraphQueries.Trace.cs', 'LongestChain(order) <= options.MaxDepth', 'LongestChain(order) < options.MaxDepth', 'TraceCountingMutationTests'),
 ("Trace LongestChain Max -> Min", T+'CitationGraphQueries.Trace.cs', 'longest[v] = Math.Max(longest[v], longest[u] + 1);', 'longest[v] = Math.Min(longest[v], longest[u] + 1);', 'TraceCountingMutationTests'),
 ("TryTrace ignores options", T+'CitationGraphQueries.Trace.cs', '        options ??= new TraceOptions();\n        options.Validate();\n        result =', '        options = new TraceOptions();\n        options.Validate();\n        result =', 'QueryArgumentAndFilterTests'),
 ("PathsBetween ignores the claim", T+'CitationGraphQueries.Graph.cs', '        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPaths);\n        var claim = claimId is null ? -1 : ClaimIndex(graph, claimId);', '        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPaths);\n        var claim = -1;', 'PathsAndWalkMutationTests'),
 ("Paths budget: walk never stops", T+'CitationGraphQueries.Graph.cs', 'if (capped && (exactByCount || --stepsLeft < 0))', 'if (capped && (exactByCount || --stepsLeft < long.MinValue))', 'PathsAndWalkMutationTests'),
 ("SaturatingAdd without saturation", T+'GraphWalk.cs', 'a > long.MaxValue - b ? long.MaxValue : a + b', 'a + b', 'PathsAndWalkMutationTests'),
 ("First-hand report of source: last instead of first", T+'ClaimSubgraph.cs', 'report < firstHandOfSource[source]', 'report > firstHandOfSource[source]', 'PathsAndWalkMutationTests'),
 ("HiddenRelays undated rule || -> &&", T+'CitationGraphQueries.HiddenRelays.cs', 'qRelays = pRelayed || !qRelayed;', 'qRelays = pRelayed && !qRelayed;', 'HiddenRelaysMutationTests'),
 ("HiddenRelays undated: p relayed flag inverted", T+'CitationGraphQueries.HiddenRelays.cs', 'var pRelayed = p.Speaker != roots[p.Speaker];', 'var pRelayed = p.Speaker == roots[p.Speaker];', 'HiddenRelaysMutationTests'),
 ("HiddenRelays: claims of a shared wording not merged", T+'CitationGraphQueries.HiddenRelays.cs', '                        claimsOf[known].Add(claim);', '                        ;', 'HiddenRelaysMutationTests'),
 ("HiddenRelays: evidence passages skipped", T+'CitationGraphQueries.HiddenRelays.cs', 'for (var c = 0; c < graph.Citations.Length; c++)', 'for (var c = 0; c > graph.Citations.Length; c++)', 'HiddenRelaysMutationTests'),
 ("HiddenRelays: similarity bound 1 excluded", T+'CitationGraphQueries.HiddenRelays.cs', 'minSimilarity < 0 || minSimilarity > 1)', 'minSimilarity < 0 || minSimilarity >= 1)', 'QueryArgumentAndFilterTests'),
 ("RelayDrift cap checked after the limit", T+"CitationGraphQueries.RelayDrift.cs", "                            if (found.Count >= maxPairs)", "                            if (found.Count > maxPairs)", "RelayDriftMutationTests"),
 ("RelayDrift order ThenBy(First) descending", T+'CitationGraphQueries.RelayDrift.cs', '.ThenBy(p => p.First)', '.ThenByDescending(p => p.First)', 'RelayDriftMutationTests'),
 ("Trace null graph check removed", T+'CitationGraphQueries.Trace.cs', '    public static TraceResult Trace(this CitationGraph graph, string claimId, TraceOptions? options = null)\n    {\n        ArgumentNullException.ThrowIfNull(graph);', '    public static TraceResult Trace(this CitationGraph graph, string claimId, TraceOptions? options = null)\n    {\n        ;', 'QueryArgumentAndFilterTests'),
 # src/Provenance/Model: survivors of the 70.20% run (tests/MUTATION.md), each killed by a *MutationTests class of tests/Provenance.Tests/Model.
 ("Contradiction pairs never collected", M+'CitationGraph.cs', 'for (int c = 0, k = 0; c < claimIds.Length; c++)', 'for (int c = 0, k = 0; c > claimIds.Length; c++)', 'CitationGraphMutationTests'),
 ("Contradictions not sorted", M+'CitationGraph.cs', '            Array.Sort(both, start[c], start[c + 1] - start[c]);', '            ;', 'CitationGraphMutationTests'),
 ("Contradiction repeats kept", M+'CitationGraph.cs', 'if (i == start[c] || both[i] != both[i - 1])', 'if (i == start[c] || both[i] == both[i - 1])', 'CitationGraphMutationTests'),
 ("FindAssertion reads one past the report's slice", M+'CitationGraph.cs', 'i < AssertionStart[report + 1]; i++)', 'i <= AssertionStart[report + 1]; i++)', 'CitationGraphMutationTests'),
 ("TryGetReport null check removed", M+'CitationGraph.cs', '        ArgumentNullException.ThrowIfNull(id);\n        report = TryGetReportIndex', '        ;\n        report = TryGetReportIndex', 'CitationGraphMutationTests'),
 ("FindReport gives up before a longer stored id", M+'CitationGraph.cs', 'if (current < 0 && end >= reportIds.MaxLength)', 'if (current < 0 && end < reportIds.MaxLength)', 'CitationGraphMutationTests'),
 ("ContentEquals: affiliations or sources", M+'CitationGraph.cs', '        && Affiliations.SequenceEqual(other.Affiliations)\n        && Sources.SequenceEqual(other.Sources)', '        && (Affiliations.SequenceEqual(other.Affiliations)\n        || Sources.SequenceEqual(other.Sources))', 'CitationGraphMutationTests'),
 ("GetSource message without the kind", M+'CitationGraph.cs', 'sources[Find(sourceIndex, id, "source")]', 'sources[Find(sourceIndex, id, "")]', 'CitationGraphMutationTests'),
 ("Report with a URL at pool reference 0 loses its details", M+'CitationGraphBuilder.cs', 'r.Title < 0 && r.Url < 0 && r.Language < 0', 'r.Title < 0 && r.Url <= 0 && r.Language < 0', 'CitationGraphMutationTests'),
 ("Source.Equals: Affiliation or Url", M+'Entities.cs', '&& Affiliation == other.Affiliation && Url == other.Url', '&& (Affiliation == other.Affiliation || Url == other.Url)', 'EntitiesMutationTests'),
 ("Report.Equals: publication time present or equal", M+'Entities.cs', '        && Published.HasValue == other.Published.HasValue\n        && (Published is not { } p || p.EqualsExact(other.Published!.Value));', '        && (Published.HasValue == other.Published.HasValue\n        || Published is not { } p || p.EqualsExact(other.Published!.Value));', 'EntitiesMutationTests'),
 ("Claim.Equals ignores Contradicts", M+'Entities.cs', ' && Text == other.Text\n        && Contradicts.AsSpan().SequenceEqual(other.Contradicts.AsSpan());', ' && Text == other.Text;', 'EntitiesMutationTests'),
 ("GraphLimits.Validate skips MaxNestingDepth", M+'GraphLimits.cs', '        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxNestingDepth);\n', '', 'EntitiesMutationTests'),
 ("ProvenanceNames.Of: undefined value not refused", M+'ProvenanceNames.cs', 'throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined value.");', ';', 'EntitiesMutationTests'),
 ("GraphValidationException accepts no diagnostics", M+'Exceptions.cs', 'throw new ArgumentException("At least one diagnostic is required.", nameof(diagnostics));', ';', 'EntitiesMutationTests'),
 ("TripleMap.Grow drops the entries", M+'Storage/TripleMap.cs', '                TryAdd(old[s] - 1, old[s + 1], old[s + 2], old[s + 3]);', '                ;', 'StorageMutationTests'),
 ("TripleMap.Grow drops keys starting with 0", M+'Storage/TripleMap.cs', 'if (old[s] != 0)', 'if (old[s] > 1)', 'StorageMutationTests'),
 ("IdTable buffer too small for a long id", M+'Storage/IdTable.cs', 'Math.Max(buffer.Length * 2, length + ascii.Length)', 'Math.Max(buffer.Length * 2, length - ascii.Length)', 'StorageMutationTests'),
 ("IdTable.Count one too many", M+'Storage/IdTable.cs', 'public int Count => offsets.Length - 1;', 'public int Count => offsets.Length + 1;', 'StorageMutationTests'),
 ("TextPool.ContainsNul: All for Any", M+'Storage/TextPool.cs', 'raw.Values.Any(v =>', 'raw.Values.All(v =>', 'StorageMutationTests'),
 ("TextPool.IsNullOrEmpty: reference 0 taken as absent", M+'Storage/TextPool.cs', '        id < 0 || (raw is not null && raw.TryGetValue(id, out var s) ? s.Length == 0', '        id <= 0 || (raw is not null && raw.TryGetValue(id, out var s) ? s.Length == 0', 'StorageMutationTests'),
 ("TextPool: an equal hash taken as an equal text", M+'Storage/TextPool.cs', 'slot.Hash == hash && slot.Length == utf8.Length && buffer.AsSpan(slot.Start, slot.Length).SequenceEqual(utf8);', 'slot.Hash == hash || (slot.Length == utf8.Length && buffer.AsSpan(slot.Start, slot.Length).SequenceEqual(utf8));', 'StorageMutationTests'),
 ("Builder: TryBuild twice allowed", M+'CitationGraphBuilder.cs', '        EnsureNotUsed();\n        used = true;', '        used = true;', 'CitationGraphBuilderMutationTests'),
 ("Builder: diagnostics by line descending", M+'CitationGraphBuilder.cs', '.ThenBy(p => p.d.Location?.Line)', '.ThenByDescending(p => p.d.Location?.Line)', 'CitationGraphBuilderMutationTests'),
 ("Builder: MaxNodes exclusive", M+'CitationGraphBuilder.cs', '+ reports.Count > limits.MaxNodes)', '+ reports.Count >= limits.MaxNodes)', 'CitationGraphBuilderMutationTests'),
 ("TextPool: a text kept as a string taken for the empty text near a hint", M+'Storage/TextPool.cs', ' && (raw is null || !raw.ContainsKey(k)))', ')', 'BuilderStorageTests'),
 ("Builder: Check reads past the index for a new id", M+'CitationGraphBuilder.cs', 'if (symbol < 0 || symbol >= of.Length || of[symbol] < 0)', 'if (symbol < 0 || symbol > of.Length || of[symbol] < 0)', 'CitationGraphBuilderMutationTests'),
 ("Builder: Suggest offers every declaration", M+'CitationGraphBuilder.cs', 'if (declared[i] >= 0 && of[declared[i]] == i)', 'if (declared[i] >= 0 || of[declared[i]] == i)', 'CitationGraphBuilderMutationTests'),
 ("Builder: a duplicate id replaces the first", M+'CitationGraphBuilder.cs', 'at(of[symbol])?.Of("id"))));\n                continue;', 'at(of[symbol])?.Of("id"))));\n                ;', 'CitationGraphBuilderMutationTests'),
 ("Builder: a citation of undefined kind checked further", M+'CitationGraphBuilder.cs', '(int)c.Hedge : (int)c.Kind));\n                return false;', '(int)c.Hedge : (int)c.Kind));\n                ;', 'CitationGraphBuilderMutationTests'),
 ("Builder: citation from a null id indexes citedFor", M+'CitationGraphBuilder.cs', 'if (okFrom && okClaim)', 'if (okFrom || okClaim)', 'CitationGraphBuilderMutationTests'),
 ("Builder: implicit citing report without its time", M+'CitationGraphBuilder.cs', 'var fromTime = from.Published ?? (from.CitedIn >= 0 && reportOf[from.CitedIn] >= 0 ? reportRows[reportOf[from.CitedIn]].Published : null);', 'var fromTime = from.Published;', 'CitationGraphBuilderMutationTests'),
 ("Builder: equal instants a timeline error", M+'CitationGraphBuilder.cs', 'toTime is { } tt && tt > ft)', 'toTime is { } tt && tt >= ft)', 'CitationGraphBuilderMutationTests'),
 ("Builder: an implicit report's own time ignored", M+'CitationGraphBuilder.cs', 'var fromTime = from.Published ?? (from.CitedIn >= 0 && reportOf[from.CitedIn] >= 0 ? reportRows[reportOf[from.CitedIn]].Published : null);', 'var fromTime = (from.CitedIn >= 0 && reportOf[from.CitedIn] >= 0 ? reportRows[reportOf[from.CitedIn]].Published : null) ?? from.Published;', 'CitationGraphBuilderMutationTests'),
 ("Builder: any non-plain report id taken as implicit", M+'CitationGraphBuilder.cs', 'var implicitForm = !plain && IsValidId(symbol, implicitForm: true);', 'var implicitForm = !plain || IsValidId(symbol, implicitForm: true);', 'CitationGraphBuilderMutationTests'),
 ("Report with a language at pool reference 0 loses its details", M+'CitationGraphBuilder.cs', 'r.Language < 0 && r.Offset == ReportRow.Undated', 'r.Language <= 0 && r.Offset == ReportRow.Undated', 'CitationGraphMutationTests'),
 ("Builder: explicit report with an implicit-form id accepted", M+'CitationGraphBuilder.cs', 'form[i] = plain ? PlainIdForm : implicitForm ? ImplicitIdForm : (byte)0;', 'form[i] = plain ? PlainIdForm : false ? ImplicitIdForm : (byte)0;', 'CitationGraphBuilderMutationTests'),
 # src/Provenance/Loading: survivors of the 68.75% run (tests/MUTATION.md), each killed by ProvenanceGraphMutationTests.
 ('Loading: TryLoad(path) null check removed', L+'ProvenanceGraph.cs', '        ArgumentNullException.ThrowIfNull(path);\n        return TryLoad([path]', '        ;\n        return TryLoad([path]', 'ProvenanceGraphMutationTests'),
 ('Loading: TryLoad(paths) null check removed', L+'ProvenanceGraph.cs', '        ArgumentNullException.ThrowIfNull(paths);\n        string[] roots', '        ;\n        string[] roots', 'ProvenanceGraphMutationTests'),
 ('Loading: a null element of paths not refused', L+'ProvenanceGraph.cs', '            ArgumentNullException.ThrowIfNull(root, nameof(paths));', '            ;', 'ProvenanceGraphMutationTests'),
 ('Loading: no paths not refused', L+'ProvenanceGraph.cs', 'throw new ArgumentException("Give at least one graph file or folder.", nameof(paths));', ';', 'ProvenanceGraphMutationTests'),
 ('Loading: null Limits not refused', L+'ProvenanceGraph.cs', 'ArgumentNullException.ThrowIfNull(options.Limits, "options.Limits");', ';', 'ProvenanceGraphMutationTests'),
 ('Loading: limits not validated', L+'ProvenanceGraph.cs', '        options.Limits.Validate();\n        graph = null;', '        ;\n        graph = null;', 'ProvenanceGraphMutationTests'),
 ('Loading: merge message names the detected format, not the forced one', L+'ProvenanceGraph.cs', 'is {Name(options.Format ?? DetectFormat(r))}, which', 'is {Name(DetectFormat(r))}, which', 'ProvenanceGraphMutationTests'),
 ('Loading: PROV-JSON named as YAML', L+'ProvenanceGraph.cs', 'GraphFormat.ProvJson => "PROV-JSON",', 'GraphFormat.ProvJson => "",', 'ProvenanceGraphMutationTests'),
 ('Loading: a folder detected by its extension', L+'ProvenanceGraph.cs', '        if (Directory.Exists(path))\n        {\n            return GraphFormat.Yaml;\n        }\n\n        return FormatOfExtension', '        if (Directory.Exists(path))\n        {\n        }\n\n        return FormatOfExtension', 'ProvenanceGraphMutationTests'),
 ('Loading: FormatOfExtension null check removed', L+'ProvenanceGraph.cs', '        ArgumentNullException.ThrowIfNull(path);\n        return Path.GetExtension', '        ;\n        return Path.GetExtension', 'ProvenanceGraphMutationTests'),
 ('Loading: Save message emptied', L+'ProvenanceGraph.cs', '$"\'{path}\' has no graph extension; use .yaml, .yml, .jsonl or .json, or pass the format."', '$""', 'ProvenanceGraphMutationTests'),
 ('Loading: progress, invalid YAML loaded', L+'ProvenanceGraph.cs', '                        diagnostics = e.Diagnostics;\n                        return false;', '                        diagnostics = e.Diagnostics;\n                        return true;', 'ProvenanceGraphMutationTests'),
 ('Loading: progress, YAML over the limit read from the stream', L+'ProvenanceGraph.cs', '        {\n            return ProvenanceYaml.TryLoad(path, out graph, out diagnostics, Yaml(options));\n        }\n\n        FileStream file;', '        {\n        }\n\n        FileStream file;', 'ProvenanceGraphMutationTests'),
 ('Loading: progress, open failure not caught', L+'ProvenanceGraph.cs', '        catch (Exception e) when (e is IOException or UnauthorizedAccessException)\n        {\n            return Fail(', '        catch (Exception e) when (e is UnauthorizedAccessException)\n        {\n            return Fail(', 'ProvenanceGraphMutationTests'),
 ('Loading: progress, read failure not caught', L+'ProvenanceGraph.cs', '        catch (Exception e) when (e is IOException or UnauthorizedAccessException)\n        {\n            graph = null;', '        catch (Exception e) when (e is UnauthorizedAccessException)\n        {\n            graph = null;', 'ProvenanceGraphMutationTests'),
 ('Loading: sniffing, open failure not caught', L+'ProvenanceGraph.cs', '        catch (Exception e) when (e is IOException or UnauthorizedAccessException)\n        {\n            return GraphFormat.Yaml;', '        catch (Exception e) when (e is UnauthorizedAccessException)\n        {\n            return GraphFormat.Yaml;', 'ProvenanceGraphMutationTests'),
 ('Loading: unmapped records not reported', L+'ProvenanceGraph.cs', '                report(record);', '                ;', 'ProvenanceGraphMutationTests'),
 ('Loading: sniffing reads past the first line', L+'ProvenanceGraph.cs', 'IsBulkHeader(end < 0 ? span : span[..end])', 'IsBulkHeader(true ? span : span[..end])', 'ProvenanceGraphMutationTests'),
 ("Loading: sniffing takes any key's value", L+'ProvenanceGraph.cs', 'isType && reader.TokenType == JsonTokenType.String', 'isType || reader.TokenType == JsonTokenType.String', 'ProvenanceGraphMutationTests'),
 ('Loading: sniffing does not skip nested values', L+'ProvenanceGraph.cs', '                reader.Skip();\n            }', '                ;\n            }', 'ProvenanceGraphMutationTests'),
 # src/Provenance/Generation: survivors of its 87.53% run that a test can kill (tests/MUTATION.md).
 ("Generation: 0.9 unattributed refused", G+'GeneratorOptions.cs', 'UnattributedRate is >= 0 and <= 0.9', 'UnattributedRate is >= 0 and < 0.9', 'NewsGraphGeneratorTests'),
 ("Generation: 0.5 cycles refused", G+'GeneratorOptions.cs', 'CycleRate is >= 0 and <= 0.5', 'CycleRate is >= 0 and < 0.5', 'NewsGraphGeneratorTests'),
 ("Generation: no upper bound on citations", G+'GeneratorOptions.cs', '        ArgumentOutOfRangeException.ThrowIfGreaterThan(Citations, 20_000_000, nameof(Citations));\n', '', 'NewsGraphGeneratorTests'),
 ("Generation: no upper bound on the chain", G+'GeneratorOptions.cs', '        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxChainLength, 32, nameof(MaxChainLength));\n', '', 'NewsGraphGeneratorTests'),
 ("Generation: range message lost", G+'GeneratorOptions.cs', '"Must be between 0 and 0.9."', '""', 'NewsGraphGeneratorTests'),
 ("Generation: fewer agencies in a larger corpus", G+'NewsGraphGenerator.cs', 'Math.Clamp(6 + (n / 100_000), 6, 30)', 'Math.Clamp(6 - (n / 100_000), 6, 30)', 'NewsGraphGeneratorTests'),
 ("Generation: evidence verb drawn without text", G+'NewsGraphGenerator.cs', 'var evidence = options.IncludeText ? Verbs[random.Next(Verbs.Length)] + " " + SourceName(source) : null;', 'var evidence = true ? Verbs[random.Next(Verbs.Length)] + " " + SourceName(source) : null;', 'GeneratorGoldenTests'),
 # src/Provenance/QuikGraph: survivors of its 93.82% run that a test can kill (tests/MUTATION.md).
 ("QuikGraph: report edge index bound by the slice's end", Q+'CitationGraphView.cs', 'index < start[u + 1] - start[u])', 'index < start[u + 1] + start[u])', 'ViewMutationTests'),
 ("QuikGraph: in-edge message without 'report'", Q+'CitationGraphView.cs', 'Nth(graph.InStart, graph.InCitations, vertex, index, "report")', 'Nth(graph.InStart, graph.InCitations, vertex, index, "")', 'ViewMutationTests'),
 ("QuikGraph: source in-edge index unchecked", Q+'SourceGraphView.cs', '        var degree = InDegree(vertex);\n        CheckIndex(index, degree, vertex);', '        var degree = InDegree(vertex);\n        ;', 'ViewMutationTests'),
 ("QuikGraph: source edge index equal to the degree accepted", Q+'SourceGraphView.cs', 'if (index < 0 || index >= degree)', 'if (index < 0 || index > degree)', 'ViewMutationTests'),
 ("QuikGraph: TryGetEdge with one vertex in the view", Q+'SourceGraphView.cs', 'ContainsVertex(source) && ContainsVertex(target) ? Find', 'ContainsVertex(source) || ContainsVertex(target) ? Find', 'ViewMutationTests'),
 ("QuikGraph: TryGetOutEdges always false", Q+'SourceGraphView.cs', 'edges = ContainsVertex(vertex) ? OutEdgesCore(vertex.Index) : null;', 'edges = false ? OutEdgesCore(vertex.Index) : null;', 'ViewMutationTests'),
 ("QuikGraph: TryGetInEdges always true", Q+'SourceGraphView.cs', 'edges = ContainsVertex(vertex) ? InEdgesCore(vertex.Index) : null;', 'edges = true ? InEdgesCore(vertex.Index) : null;', 'ViewMutationTests'),
 ("QuikGraph: IsEdgesEmpty inverted", Q+'SourceGraphView.cs', 'public bool IsEdgesEmpty => edgeFrom.Length == 0;', 'public bool IsEdgesEmpty => edgeFrom.Length != 0;', 'ViewMutationTests'),
 ("QuikGraph: source vertex text always (default)", Q+'SourceVertex.cs', 'public override string ToString() => graph is null ? "(default)" : Id;', 'public override string ToString() => true ? "(default)" : Id;', 'ViewMutationTests'),
 ("QuikGraph: source edge equal when one end is", Q+'SourceVertex.cs', 'from == other.from && to == other.to && CitationCount', 'from == other.from || to == other.to && CitationCount', 'ViewMutationTests'),
 ("QuikGraph: source vertex != inverted", Q+'SourceVertex.cs', 'public static bool operator !=(SourceVertex left, SourceVertex right) => !left.Equals(right);', 'public static bool operator !=(SourceVertex left, SourceVertex right) => left.Equals(right);', 'ViewMutationTests'),
 # src/Provenance/Bulk: survivors of the 67.89% run (tests/mutation-survivors/Bulk.txt), each killed by JsonLinesMutationTests.
 ("Bulk: a seekable stream of exactly the byte limit refused", B+'JsonLinesReader.cs', 'stream.Length - stream.Position > limits.MaxFileBytes', 'stream.Length - stream.Position >= limits.MaxFileBytes', 'JsonLinesMutationTests'),
 ("Bulk: bytes before the stream's position counted against the limit", B+'JsonLinesReader.cs', 'stream.Length - stream.Position > limits.MaxFileBytes', 'stream.Length + stream.Position > limits.MaxFileBytes', 'JsonLinesMutationTests'),
 ("Bulk: a read stream of exactly the byte limit refused", B+'JsonLinesReader.cs', 'if (total > limits.MaxFileBytes)', 'if (total >= limits.MaxFileBytes)', 'JsonLinesMutationTests'),
 ("Bulk: the tail of a skipped overlong last line read as a record", B+'JsonLinesReader.cs', 'if (end > start && !skipping)', 'if (end > start || !skipping)', 'JsonLinesMutationTests'),
 ("Bulk: the buffer never moves its unread bytes down", B+'JsonLinesReader.cs', '                if (start > 0)\n', '                if (start < 0)\n', 'JsonLinesMutationTests'),
 ("Bulk: a line longer than the first buffer taken as overlong", B+'JsonLinesReader.cs', 'if (skipping || capacity >= room)', 'if (skipping || capacity < room)', 'JsonLinesMutationTests'),
 ("Bulk: any two-letter key but 'id' taken for 'to'", B+'JsonLinesReader.cs', 'name.SequenceEqual("to"u8) ? (int)Field.To : -1', 'true ? (int)Field.To : -1', 'JsonLinesMutationTests'),
 ("Bulk: values of a line with a byte order mark read 6 bytes off", B+'JsonLinesReader.cs', '            start += 3;', '            start -= 3;', 'JsonLinesMutationTests'),
 ("Bulk: a CR before the LF kept in the line", B+'JsonLinesReader.cs', "if (line.Length > 0 && line[^1] == (byte)'\\r')", "if (line.Length < 0 && line[^1] == (byte)'\\r')", 'JsonLinesMutationTests'),
 ("Bulk: a repeated 'type' overridden by a later repeated key", B+'JsonLinesReader.cs', '                if (duplicate < 0)', '                if (duplicate <= 0)', 'JsonLinesMutationTests'),
 ("Bulk: a misplaced field reported before an earlier unknown key", B+'JsonLinesReader.cs', 'var firstUnknown = unknownKey is null ? long.MaxValue : unknownAt;', 'var firstUnknown = true ? long.MaxValue : unknownAt;', 'JsonLinesMutationTests'),
 ("Bulk: affiliations counted down against MaxNodes", B+'JsonLinesReader.cs', '                nodes++;\n                builder.AddAffiliation', '                nodes--;\n                builder.AddAffiliation', 'JsonLinesMutationTests'),
 ("Bulk: a non-ASCII value of the limit's length in characters refused by its bytes", B+'JsonLinesReader.cs', 'utf8.Length > limits.MaxScalarLength && Encoding.UTF8.GetCharCount(utf8) > limits.MaxScalarLength', 'utf8.Length > limits.MaxScalarLength || Encoding.UTF8.GetCharCount(utf8) > limits.MaxScalarLength', 'JsonLinesMutationTests'),
 ("Bulk: a list field's position dropped", B+'JsonLinesReader.cs', 'if (Has(field) || !arrays[(int)field].IsDefault)', 'if (Has(field) || arrays[(int)field].IsDefault)', 'JsonLinesMutationTests'),
 ("Bulk: an empty string taken as an absent field", B+'JsonLinesReader.cs', 'values[(int)field] is not null || spanLength[(int)field] >= 0;', 'values[(int)field] is not null || spanLength[(int)field] > 0;', 'JsonLinesMutationTests'),
 ("Bulk: repeated list items not shared", B+'JsonLinesReader.cs', '        pool.Add(created);\n', '        ;\n', 'JsonLinesMutationTests'),
 ("Bulk writer: an explicit report of kind other written without its kind", B+'JsonLinesWriter.cs', 'if (!r.IsImplicit || r.Kind != ReportKind.Other)', 'if (!r.IsImplicit && r.Kind != ReportKind.Other)', 'JsonLinesMutationTests'),
 ("Bulk writer: every record written on its own", B+'JsonLinesWriter.cs', 'if (buffer.WrittenCount >= FlushAt)', 'if (buffer.WrittenCount < FlushAt)', 'JsonLinesMutationTests'),
 ("Bulk: a stream at position 0 never read a second time", B+'ProvenanceJsonLines.cs', 'start < 0 || diagnostics.Any(d => d.Location is not null)', 'start <= 0 || diagnostics.Any(d => d.Location is not null)', 'JsonLinesMutationTests'),
 ("Bulk: invalid UTF-8 met by the JSON reader not reported", B+'JsonLinesReader.cs', '            Problem(number, Column(line, reader.TokenStartIndex), DiagnosticCodes.Syntax, ErrorMessages.LineNotUtf8);', '            ;', 'JsonLinesMutationTests'),
 ("Bulk: an affiliation without an id not refused", B+'JsonLinesReader.cs', 'if ((Missing(Field.Id) ?? Missing(Field.Name)) is { } a)', 'if ((Missing(Field.Name)) is { } a)', 'JsonLinesMutationTests'),
 ("Bulk: an explicit report without a kind not refused", B+'JsonLinesReader.cs', '(Has(Field.CitedIn) ? null : Missing(Field.Kind))', '(true ? null : Missing(Field.Kind))', 'JsonLinesMutationTests'),
 ("Bulk: the record type checked as a value against MaxScalarLength", B+'JsonLinesReader.cs', 'ErrorMessages.JsonLinesTypes));\n                }\n\n                continue;', 'ErrorMessages.JsonLinesTypes));\n                }\n\n                ;', 'JsonLinesMutationTests'),
 ("Bulk: the unescape buffer grown too little", B+'JsonLinesReader.cs', 'chars = new char[Math.Max(length, chars.Length * 2)];', 'chars = new char[Math.Min(length, chars.Length * 2)];', 'JsonLinesMutationTests'),
 ("Bulk: cited-in's position under another name", B+'JsonLinesReader.cs', 'field == Field.CitedIn ? "citedIn" : FieldNames[(int)field]', 'field == Field.CitedIn ? "" : FieldNames[(int)field]', 'JsonLinesMutationTests'),
 ("Bulk: a second pass after more than 100 record problems", B+'ProvenanceJsonLines.cs', 'diagnostics.Any(d => d.Location is not null)', 'diagnostics.All(d => d.Location is not null)', 'JsonLinesMutationTests'),
 ("Bulk: an unknown field's nested value read as fields", B+'JsonLinesReader.cs', '                    unknownAt = keyAt;\n                }\n\n                reader.Read();\n                reader.Skip();', '                    unknownAt = keyAt;\n                }\n\n                reader.Read();\n                ;', 'JsonLinesMutationTests'),
 ("Bulk: a header without version accepted", B+'JsonLinesReader.cs', 'return values[(int)Field.Version] is null ?', 'return false ?', 'JsonLinesMutationTests'),
 ("Bulk: a repeated key's list value read as keys", B+'JsonLinesReader.cs', '(duplicate, duplicateAt) = (field, keyAt);\n                }\n\n                reader.Read();\n                reader.Skip();', '(duplicate, duplicateAt) = (field, keyAt);\n                }\n\n                reader.Read();\n                ;', 'JsonLinesMutationTests'),
 # src/Provenance/Internal: survivors of the 76.77% run (tests/mutation-survivors/Internal.txt), each killed by a class of tests/Provenance.Tests/Internal.
 ("Date without a time taken as timed", I+'IsoDate.cs', '        var hasTime = false;', '        var hasTime = true;', 'ValueRulesMutationTests'),
 ("Time cut after the hour read past the end", I+'IsoDate.cs', '|| p + 3 >= text.Length || text[p + 3] != \':\' || !Digits(text, p + 4, 2, out minute))', '|| p + 3 > text.Length || text[p + 3] != \':\' || !Digits(text, p + 4, 2, out minute))', 'ValueRulesMutationTests'),
 ("Offset without ':' accepted", I+'IsoDate.cs', '|| p + 3 >= text.Length || text[p + 3] != \':\' || !Digits(text, p + 4, 2, out var om))', '|| p + 3 >= text.Length && text[p + 3] != \':\' || !Digits(text, p + 4, 2, out var om))', 'ValueRulesMutationTests'),
 ("Offset minute 59 refused", I+'IsoDate.cs', 'if (om > 59 || oh > 14', 'if (om >= 59 || oh > 14', 'ValueRulesMutationTests'),
 ("Offset reason before the date's", I+'IsoDate.cs', 'reason = dateReason ?? reason;', 'reason = reason ?? dateReason;', 'ValueRulesMutationTests'),
 ("Offset added instead of subtracted for UTC", I+'IsoDate.cs', 'var utc = local.Ticks - offset.Ticks;', 'var utc = local.Ticks + offset.Ticks;', 'ValueRulesMutationTests'),
 ("First accepted instant refused", I+'IsoDate.cs', 'if (utc < DateTime.MinValue.AddDays(1).Ticks', 'if (utc <= DateTime.MinValue.AddDays(1).Ticks', 'ValueRulesMutationTests'),
 ("Second 59 refused", I+'IsoDate.cs', ': second > 59 ?', ': second >= 59 ?', 'ValueRulesMutationTests'),
 ("Hundred-thousandth candidate skipped", I+'Ids.cs', 'if (++seen > SuggestionCandidates)', 'if (++seen >= SuggestionCandidates)', 'ValueRulesMutationTests'),
 ("Suggestion budget spent to exactly 0 refused", I+'Ids.cs', '                if (cells < 0)', '                if (cells <= 0)', 'ValueRulesMutationTests'),
 ("Far candidates charged to the budget", I+'Ids.cs', '                    continue;\n', '                    ;\n', 'ValueRulesMutationTests'),
 ("Transposition costs -1", I+'Ids.cs', 'd = Math.Min(d, before[j - 2] + 1);', 'd = Math.Min(d, before[j - 2] - 1);', 'ValueRulesMutationTests'),
 ("Tie between equal names goes to the later", I+'Ids.cs', 'string.CompareOrdinal(candidate, best) < 0))', 'string.CompareOrdinal(candidate, best) <= 0))', 'ValueRulesMutationTests'),
 ("Suggestion as far as the whole name", I+'Ids.cs', 'return best is not null && bestDistance <= budget', 'return best is not null || bestDistance <= budget', 'ValueRulesMutationTests'),
 ("Element article for an empty noun", I+'ErrorMessages.cs', 'what.Length > 0 && "aeiou"', 'what.Length >= 0 && "aeiou"', 'MessageCatalogueMutationTests'),
 ("FieldLocations.From(null) not null", I+'FieldLocations.cs', '=> element is null ? null : new FieldLocations(element);', '=> false ? null : new FieldLocations(element);', 'ValueRulesMutationTests'),
 # src/Provenance/Reuse: survivors of the 70.05% run (tests/mutation-survivors/Reuse.txt), each killed by a class of tests/Provenance.Tests/Reuse.
 ("Fold: apostrophe not dropped", R+'Shingles.cs', "                if (c is '\\'' or '`')\n                {\n                    continue;", "                if (c is '\\'' or '`')\n                {\n                    ;", 'ShinglesMutationTests'),
 ("Fold: 'z' not a letter", R+'Shingles.cs', "(uint)(lower - 'a') <= 'z' - 'a'", "(uint)(lower - 'a') < 'z' - 'a'", 'ShinglesMutationTests'),
 ("Fold: runs of separators not collapsed", R+'Shingles.cs', "                folded[n] = ' ';\n                offsets[n++] = i;\n                space = true;", "                folded[n] = ' ';\n                offsets[n++] = i;\n                space = false;", 'ShinglesMutationTests'),
 ("Fold: buffer grown one too late", R+'Shingles.cs', 'if (chars.Length < text.Length + 1)', 'if (chars.Length < text.Length - 1)', 'ShinglesMutationTests'),
 ("Span: a closing bracket taken without an open one", R+'Shingles.cs', 'while (depth > 0 && to < source.Length', 'while (depth >= 0 && to < source.Length', 'ShinglesMutationTests'),
 ("Span: every closing bracket after it taken", R+'Shingles.cs', '            to++;\n            depth--;', '            to++;\n            depth++;', 'ShinglesMutationTests'),
 ("Hash: text of exactly one shingle has none", R+'Shingles.cs', 'if (text.Length < k)', 'if (text.Length <= k)', 'ShinglesMutationTests'),
 ("Mix: first xor-shift made an or", R+'Shingles.cs', '        x ^= x >> 33;\n        x *= 0xFF51AFD7ED558CCDUL;', '        x |= x >> 33;\n        x *= 0xFF51AFD7ED558CCDUL;', 'ShinglesMutationTests'),
 ("Validate: ShingleLength 64 refused", R+'TextReuse.cs', 'ShingleLength is >= 4 and <= 64', 'ShingleLength is >= 4 and < 64', 'TextReuseMutationTests'),
 ("Validate: MaxPostings unchecked", R+'TextReuse.cs', '        Check(MaxPostings >= 2, nameof(MaxPostings), "at least 2");', '        ;', 'TextReuseMutationTests'),
 ("Match.Equals: Second ignored", R+'TextReuse.cs', 'First == other.First && Second == other.Second && Similarity', 'First == other.First && Similarity', 'TextReuseMutationTests'),
 ("Compare: a text of exactly one shingle refused", R+'TextReuse.cs', 'if (s.First.Length < k || s.Second.Length < k)', 'if (s.First.Length <= k || s.Second.Length < k)', 'TextReuseMutationTests'),
 ("Similarity exactly the floor refused", R+'TextReuse.cs', 'if (similarity < options.MinSimilarity)', 'if (similarity <= options.MinSimilarity)', 'TextReuseMutationTests'),
 ("SharedLength the longer side", R+'TextReuse.cs', 'Math.Min(firstShared, secondShared)', 'Math.Max(firstShared, secondShared)', 'TextReuseMutationTests'),
 ("Tiles: gap of half a shingle not joined", R+'TextReuse.cs', 'if (gapA >= 0 && gapB >= 0 && gapA <= k / 2 && gapB <= k / 2)\n', 'if (gapA >= 0 && gapB >= 0 && gapA < k / 2 && gapB <= k / 2)\n', 'TextReuseMutationTests'),
 ("Tiles: second text's tiles may overlap", R+'TextReuse.cs', '            usedB.AsSpan(b + best, bestLength).Fill(true);', '            ;', 'TextReuseMutationTests'),
 ("Words: trailing partial word kept", R+'TextReuse.cs', 'if (e < chars.Length && chars[e] != \' \')', 'if (e > chars.Length && chars[e] != \' \')', 'TextReuseMutationTests'),
 ("Postings: exactly MaxPostings texts taken as boilerplate", R+'TextReuse.cs', 'j - i <= options.MaxPostings', 'j - i < options.MaxPostings', 'TextReuseMutationTests'),
 ("Index sizing divides by Window - 1", R+'TextReuse.cs', '(characters * 2 / (options.Window + 1))', '(characters * 2 / (options.Window - 1))', 'TextReuseMutationTests'),
 ("Seeded: runs never chained", R+'TextReuse.cs', '                    start = s.Starts[q];', '                    ;', 'TextReuseSeedMutationTests'),
 ("Seeded: a gap of half a shingle not chained", R+'TextReuse.cs', 'gapA + overlap <= k / 2 && gapB + overlap <= k / 2', 'gapA + overlap < k / 2 && gapB + overlap <= k / 2', 'TextReuseSeedMutationTests'),
 ("Seeded: no gap in the first text not chained", R+'TextReuse.cs', 'if (overlap < length && gapA + overlap', 'if (overlap < length && gapA > 0 && gapA + overlap', 'TextReuseSeedMutationTests'),
 ("Seeded: runs that overlap in one text not chained", R+'TextReuse.cs', 'var overlap = Math.Max(0, Math.Max(-gapA, -gapB));', 'var overlap = gapA < 0 || gapB < 0 ? length : 0;', 'TextReuseSeedMutationTests'),
 ("Seeded: runs not sorted", R+'TextReuse.cs', '        s.Runs.Sort();', '        ;', 'TextReuseSeedMutationTests'),
 ("Seeded: chain length measured from the wrong end", R+'TextReuse.cs', 'if (ra + length - start.A >= min && rb + length - start.B >= min)', 'if (ra - length - start.A >= min && rb + length - start.B >= min)', 'TextReuseSeedMutationTests'),
]
if len(sys.argv) > 1:
    checks = [c for c in checks if any(k in c[0] or k in c[1] for k in sys.argv[1:])]
survivors = []
for name, path, old, new, test in checks:
    src = open(path).read()
    if src.count(old) != 1:
        # The code moved on: the check must be updated, so it counts as not killed.
        survivors.append(name)
        print(f"STALE {name}: the code to mutate is found {src.count(old)} times, not once", flush=True)
        continue
    open(path, 'w').write(src.replace(old, new))
    try:
        r = subprocess.run(['dotnet', 'test', 'tests/Provenance.Tests', '-c', 'Release', '--filter', f'FullyQualifiedName~{test}'], capture_output=True, text=True, timeout=900)
        out = r.stdout + r.stderr
        failed = [l.strip() for l in out.splitlines() if l.strip().startswith('Failed Provenance')]
        status = 'KILLED' if r.returncode != 0 and failed else ('NO RESULT (the build or the run failed)' if r.returncode != 0 else 'SURVIVED')
        if status != 'KILLED':
            survivors.append(name)
        print(f"{status} {name} ({test}): {len(failed)} failing: {'; '.join(f.split(' [')[0].replace('Failed Provenance.Tests.Tracing.', '') for f in failed[:3])}", flush=True)
    finally:
        open(path, 'w').write(src)
print(f"{len(checks) - len(survivors)} of {len(checks)} mutations killed")
sys.exit(1 if survivors else 0)

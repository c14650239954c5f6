namespace Provenance.Extraction.Internal;

/// <summary>An attribution while it is being assembled: character spans into the whole text.</summary>
internal sealed class RawAttribution
{
    public (int Start, int End)? Source { get; set; }

    public (int Start, int End) Cue { get; set; }

    public (int Start, int End)? Content { get; set; }

    public int? Cites { get; set; }

    public string? Hedge { get; set; }

    public double Confidence { get; set; }
}

/// <summary>Turns a tag sequence into attributions: each cue gets the nearest source and the content pieces around it.</summary>
internal static class SpanGrouping
{
    private readonly record struct Piece(int Role, int From, int To, double Confidence);

    public static void Group(TextTokens tokens, int[] tags, float[] margins, List<RawAttribution> found)
    {
        var pieces = new List<Piece>();
        for (var t = 0; t < tags.Length;)
        {
            var role = AttributionTagger.Role(tags[t]);
            if (role == 0)
            {
                t++;
                continue;
            }

            var from = t;
            var sum = (double)margins[t];
            t++;
            while (t < tags.Length && tags[t] == AttributionTagger.Inside(role))
            {
                sum += margins[t];
                t++;
            }

            var mean = sum / (t - from);
            pieces.Add(new Piece(role, from, t, mean / (mean + 3.0)));
        }

        var cues = pieces.Where(p => p.Role == 2).ToList();
        if (cues.Count == 0)
        {
            return;
        }

        var sources = new List<Piece>?[cues.Count];
        var contents = new List<Piece>?[cues.Count];
        foreach (var piece in pieces)
        {
            if (piece.Role == 2)
            {
                continue;
            }

            var best = -1;
            var bestDistance = int.MaxValue;
            var sentence = tokens.SentenceOf[piece.From];
            var sentenceEnd = tokens.SentenceOf[piece.To - 1];
            // cues are in text order: look only at those near the piece, from the nearest outwards, within the sentences it may reach
            var reachSentences = piece.Role == 3 ? 1 : 0;
            var nearest = NearestCue(cues, piece.From);
            for (int lo = nearest - 1, hi = nearest; lo >= 0 || hi < cues.Count;)
            {
                int c;
                if (hi < cues.Count && (lo < 0 || cues[hi].From - piece.From <= piece.From - cues[lo].From))
                {
                    c = hi++;
                }
                else
                {
                    c = lo--;
                }

                var cue = cues[c];
                var cueSentenceNow = tokens.SentenceOf[cue.From];
                if (cueSentenceNow < sentence - reachSentences - 1 && c < nearest)
                {
                    lo = -1;
                    continue;
                }

                if (cueSentenceNow > sentenceEnd + reachSentences + 1 && c >= nearest)
                {
                    hi = cues.Count;
                    continue;
                }

                var cueSentence = tokens.SentenceOf[cue.From];
                var reach = piece.Role == 3 ? 1 : 0;
                if (cueSentence < sentence - reach || cueSentence > sentenceEnd + reach)
                {
                    continue;
                }

                var distance = cue.From >= piece.To ? cue.From - piece.To : piece.From >= cue.To ? piece.From - cue.To : 0;
                if (cueSentence < sentence || cueSentence > sentenceEnd)
                {
                    distance += 1000;
                }

                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = c;
                }
            }

            if (best < 0)
            {
                continue;
            }

            var list = piece.Role == 1 ? sources : contents;
            (list[best] ??= []).Add(piece);
        }

        for (var c = 0; c < cues.Count; c++)
        {
            var cue = cues[c];
            var attribution = new RawAttribution { Cue = (tokens.Starts[cue.From], tokens.Ends[cue.To - 1]) };
            var confidence = cue.Confidence;
            var parts = 1;
            if (sources[c] is { } s)
            {
                var nearest = s.MinBy(p => Math.Abs(p.From - cue.From));
                attribution.Source = (tokens.Starts[nearest.From], tokens.Ends[nearest.To - 1]);
                confidence += nearest.Confidence;
                parts++;
            }

            if (contents[c] is { } k)
            {
                var first = k.Min(p => p.From);
                var last = k.Max(p => p.To);
                attribution.Content = (tokens.Starts[first], tokens.Ends[last - 1]);
                confidence += k.Average(p => p.Confidence);
                parts++;
            }

            attribution.Confidence = confidence / parts * (parts == 3 ? 1.0 : 0.8);
            attribution.Hedge = FindHedge(tokens, cue);
            found.Add(attribution);
        }
    }

    private static int NearestCue(List<Piece> cues, int token)
    {
        int lo = 0, hi = cues.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (cues[mid].From < token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static string? FindHedge(TextTokens tokens, Piece cue)
    {
        var sentence = tokens.SentenceOf[cue.From];
        // the cue's sentence, at most 30 tokens either side of the cue (a hostile "sentence" can be a whole chunk)
        int from = Math.Max(tokens.SentenceStarts[sentence], cue.From - 30), to = Math.Min(tokens.SentenceStarts[sentence + 1], cue.To + 30);
        for (var t = from; t < to; t++)
        {
            if (tokens.InQuote[t] && (t < cue.From || t >= cue.To))
            {
                continue;
            }

            var w = tokens.Lower[t];
            if (Lexicon.Hedges.TryGetValue(w, out var hedge))
            {
                return hedge;
            }

            if (w is "appears" or "appear" or "appeared" or "seems" or "seem" or "seemed" && t + 1 < to && tokens.Lower[t + 1] == "to")
            {
                return "appears to";
            }
        }

        return null;
    }
}

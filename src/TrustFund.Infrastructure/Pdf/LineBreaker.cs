namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Greedy word wrap with alignment and a deliberately small bidi rule: a paragraph whose first
/// letter is Arabic is right-to-left (word order reversed, Latin stretches kept in reading order);
/// in a left-to-right paragraph, consecutive Arabic words are reversed so an Arabic name of
/// several words reads correctly. Words never break; a word wider than the box overflows it.
/// </summary>
internal static class LineBreaker
{
    public static List<TextLine> Break(TextShaper shaper, string text, bool bold, float size, float maxWidth, TextAlignment alignment)
    {
        var lines = new List<TextLine>();
        float space = shaper.SpaceWidth(bold, size);
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => shaper.Shape(w, bold, size)).ToList();
            bool rtlParagraph = IsRtlParagraph(paragraph);
            if (words.Count == 0)
            {
                lines.Add(new TextLine { Runs = [], NaturalWidth = 0, Size = size });
                continue;
            }
            int start = 0;
            while (start < words.Count)
            {
                int end = start + 1;
                float width = words[start].Width;
                while (end < words.Count && width + space + words[end].Width <= maxWidth)
                {
                    width += space + words[end].Width;
                    end++;
                }
                bool last = end == words.Count;
                lines.Add(Place(shaper, words.GetRange(start, end - start), width, space, bold, size, maxWidth, alignment, last, rtlParagraph));
                start = end;
            }
        }
        return lines;
    }

    /// <summary>Width of the widest unbreakable word: what a column needs at least.</summary>
    public static float NaturalWidth(TextShaper shaper, string text, bool bold, float size)
    {
        float space = shaper.SpaceWidth(bold, size);
        float widest = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            float w = words.Sum(x => shaper.Shape(x, bold, size).Width) + space * Math.Max(0, words.Length - 1);
            widest = Math.Max(widest, w);
        }
        return widest;
    }

    private static bool IsRtlParagraph(string text)
    {
        foreach (char c in text)
            if (char.IsLetter(c) || ScriptRun.IsArabicChar(c)) return ScriptRun.IsArabicChar(c);
        return false;
    }

    private static TextLine Place(TextShaper shaper, List<ShapedWord> logical, float natural, float space, bool bold, float size,
        float maxWidth, TextAlignment alignment, bool lastLine, bool rtlParagraph)
    {
        var visual = VisualOrder(logical, rtlParagraph);
        float gap = space;
        float x = 0;
        var effective = alignment == TextAlignment.Justify && lastLine
            ? (rtlParagraph ? TextAlignment.Right : TextAlignment.Left)
            : alignment;
        switch (effective)
        {
            case TextAlignment.Justify when visual.Count > 1:
                gap = space + (maxWidth - natural) / (visual.Count - 1);
                break;
            case TextAlignment.Right:
                x = maxWidth - natural;
                break;
            case TextAlignment.Center:
                x = (maxWidth - natural) / 2;
                break;
        }

        var runs = new List<GlyphRun>();
        for (int i = 0; i < visual.Count; i++)
        {
            var word = visual[i];
            foreach (var run in word.Runs) runs.Add(run with { X = x + run.X });
            x += word.Width;
            if (i < visual.Count - 1)
            {
                runs.Add(shaper.Space(bold, size, x));
                x += gap;
            }
        }
        return new TextLine { Runs = runs, NaturalWidth = natural, Size = size };
    }

    private static List<ShapedWord> VisualOrder(List<ShapedWord> logical, bool rtlParagraph)
    {
        var result = new List<ShapedWord>(logical.Count);
        // Group maximal stretches of words running against the paragraph direction and reverse them.
        int i = 0;
        while (i < logical.Count)
        {
            int j = i;
            bool against = logical[i].IsRtl != rtlParagraph;
            while (j < logical.Count && (logical[j].IsRtl != rtlParagraph) == against) j++;
            var stretch = logical.GetRange(i, j - i);
            if (against) stretch.Reverse();
            result.AddRange(stretch);
            i = j;
        }
        if (rtlParagraph) result.Reverse();
        return result;
    }
}

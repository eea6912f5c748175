namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// A two-column grid of labels and values (e.g. "Grant number — VTF/2026/014"). The label column
/// is as wide as the longest label, up to 40 % of the text width. A row is never split across pages.
/// </summary>
internal sealed record KeyValueBlock(IReadOnlyList<(string Key, string Value)> Pairs) : IBlock
{
    public void Layout(PageFlow flow)
    {
        var shaper = flow.Shaper;
        float size = DocumentTheme.BodySize;
        float padX = DocumentTheme.CellPaddingX, padY = DocumentTheme.CellPaddingY;
        float keyWidth = Pairs.Count == 0 ? 0 : Pairs.Max(p => LineBreaker.NaturalWidth(shaper, p.Key, false, size)) + 2 * padX;
        keyWidth = Math.Min(keyWidth, flow.Width * 0.4f);
        float valueWidth = flow.Width - keyWidth;

        flow.EnsureRoom(size * DocumentTheme.LineSpacing + 2 * padY);
        flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.Rule, DocumentTheme.RuleWidth));
        foreach (var (key, value) in Pairs)
        {
            var keyLines = LineBreaker.Break(shaper, key, false, size, keyWidth - 2 * padX, TextAlignment.Left);
            var valueLines = LineBreaker.Break(shaper, value, true, size, valueWidth - 2 * padX, TextAlignment.Left);
            float height = Math.Max(keyLines.Sum(l => l.Height), valueLines.Sum(l => l.Height)) + 2 * padY;
            if (!flow.Fits(height) && !flow.AtPageTop)
            {
                flow.NewPage();
                flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.Rule, DocumentTheme.RuleWidth));
            }
            float top = flow.Y + padY;
            foreach (var line in keyLines) { flow.Add(new TextDrawing(line, flow.Left + padX, top, DocumentTheme.Muted)); top += line.Height; }
            top = flow.Y + padY;
            foreach (var line in valueLines) { flow.Add(new TextDrawing(line, flow.Left + keyWidth + padX, top, DocumentTheme.Text)); top += line.Height; }
            flow.Advance(height);
            flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.LightRule, DocumentTheme.RuleWidth));
        }
        flow.Gap(DocumentTheme.ParagraphGap * 2);
    }
}

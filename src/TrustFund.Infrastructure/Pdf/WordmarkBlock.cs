namespace TrustFund.Infrastructure.Pdf;

/// <summary>The Fund's text wordmark, for the top of a first page: "UNODC" over the Fund's full name and a rule, in the document's language.</summary>
internal sealed record WordmarkBlock(string Mark, string Name) : IBlock
{
    public void Layout(PageFlow flow)
    {
        var mark = LineBreaker.Break(flow.Shaper, Mark, bold: true, 20f, flow.Width, TextAlignment.Left);
        var name = LineBreaker.Break(flow.Shaper, Name, bold: false, 10f, flow.Width, TextAlignment.Left);
        flow.EnsureRoom(mark.Sum(l => l.Height) + name.Sum(l => l.Height) + 10f);
        flow.AddLines(mark, flow.Left, DocumentTheme.Accent);
        flow.AddLines(name, flow.Left, DocumentTheme.Muted);
        flow.Advance(4f);
        flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.Accent, 1f));
        flow.Advance(6f);
    }
}
